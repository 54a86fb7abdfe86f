import { z } from 'zod';
import { parseExportDate } from './dates.ts';

/**
 * Zod building blocks for cells, which are always text (or absent); messages speak to the person
 * fixing the file. Each is one transform over an optional string: ingest runs them on every row
 * of exports of hundreds of MB, and every extra layer (default, pipe) costs a call per cell.
 */

const cell = z.string().optional();

export const text = cell.transform((s) => (s === undefined ? '' : s.trim()));

export const requiredText = cell.transform((s, ctx) => {
  const value = s === undefined ? '' : s.trim();
  if (!value) ctx.addIssue({ code: 'custom', message: 'value is missing', params: { rule: 'field/required' } });
  return value;
});

/** A required value that must match `pattern`, e.g. a numeric plugin id. */
export const matching = (pattern: RegExp, message: string) =>
  cell.transform((s, ctx) => {
    const value = s === undefined ? '' : s.trim();
    if (!value) ctx.addIssue({ code: 'custom', message: 'value is missing', params: { rule: 'field/required' } });
    else if (!pattern.test(value)) ctx.addIssue({ code: 'custom', message, params: { rule: 'field/invalid-value' } });
    return value;
  });

export const port = cell.transform((s, ctx) => {
  const value = s === undefined ? '' : s.trim();
  const number = value === '' ? 0 : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(number <= 65535)) ctx.addIssue({ code: 'custom', message: 'port must be a whole number from 0 to 65535', params: { rule: 'field/invalid-number' } });
  return number;
});

export const list = (separator: RegExp) => cell.transform((s) => (s === undefined ? [] : s.split(separator).map((x) => x.trim()).filter(Boolean)));

/** A timestamp cell → ISO 8601 UTC; empty allowed unless `required`. */
export function timestamp(timezone: string, required: boolean) {
  return cell.transform((s, ctx) => {
    const value = s === undefined ? '' : s.trim();
    if (!value) {
      if (required) ctx.addIssue({ code: 'custom', message: 'date is missing', params: { rule: 'field/required' } });
      return null;
    }
    const iso = parseExportDate(value, timezone);
    if (!iso) ctx.addIssue({ code: 'custom', message: `"${value}" is not a date`, params: { rule: 'field/invalid-date' } });
    return iso;
  });
}

/**
 * One of a fixed set of words, matched case-insensitively, mapped to the canonical value. Errors
 * list `shown` (the words the exporting tool uses), by default the canonical values.
 */
export function oneOf<T extends string>(mapping: Record<string, T>, what: string, shown: readonly string[] = [...new Set(Object.values(mapping))]) {
  const allowed = shown.filter(Boolean);
  return cell.transform((s = '', ctx) => {
    const value = mapping[s.trim().toLowerCase()];
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: s.trim() ? `${what} "${s.trim()}" is not one of ${allowed.join(', ')}` : `${what} is missing`,
        params: { rule: s.trim() ? 'field/invalid-value' : 'field/required' },
      });
      return z.NEVER;
    }
    return value;
  });
}

/** A number of hours (or other quantity) ≥ 0; empty → null. */
export const quantity = (what: string) =>
  cell.transform((s, ctx) => {
    const value = s === undefined ? '' : s.trim();
    if (!value) return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) ctx.addIssue({ code: 'custom', message: `${what} "${value}" is not a number of 0 or more`, params: { rule: 'field/invalid-number' } });
    return number;
  });

const yes = new Set(['yes', 'y', 'true', '1', 'recorded']);
const no = new Set(['no', 'n', 'false', '0', '']);

/** yes/no, true/false, 1/0; empty is no. */
export const flag = (what: string) =>
  cell.transform((s = '', ctx) => {
    const value = s.trim().toLowerCase();
    if (yes.has(value)) return true;
    if (!no.has(value)) ctx.addIssue({ code: 'custom', message: `${what} "${s.trim()}" is not yes or no`, params: { rule: 'field/invalid-value' } });
    return false;
  });

/** A calendar date, YYYY-MM-DD, from any date format exports use; the time of day, if any, is dropped. */
export const day = (required: boolean) =>
  timestamp('UTC', required).transform((iso) => (iso === null ? null : iso.slice(0, 10)));
