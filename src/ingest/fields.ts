import { z } from 'zod';
import type { RuleId } from '../model/rules.ts';
import { parseExportDate } from './dates.ts';

/**
 * Zod building blocks for cells, which are always text (or absent); messages speak to the person
 * fixing the file. Each is one plain function over an optional string, wrapped once as a zod
 * transform: zod stays the schema (types, docs, JSON Schema), and ingest runs the same function
 * directly on the rows of exports of hundreds of MB (see row-parser.ts), where zod's per-cell
 * machinery would cost more than the check itself.
 */

/** Reports a problem with a cell: the message for the person fixing the file and the rule it breaks. */
export type Flag = (message: string, rule: RuleId) => void;

/** A cell's check and normalisation; `flag` is called for each problem found. */
export type CellParse<T> = (value: string | undefined, flag: Flag) => T;

const cell = z.string().optional();
const parsers = new WeakMap<z.ZodType, CellParse<unknown>>();

/** The zod schema of a cell checked by `parse`; `cellParse(schema)` gives `parse` back. */
export function field<T>(parse: CellParse<T>) {
  const schema = cell.transform((s, ctx) => parse(s, (message, rule) => ctx.addIssue({ code: 'custom', message, params: { rule } })));
  parsers.set(schema, parse);
  return schema;
}

/** The plain function behind a cell schema made by `field`; undefined for any other schema. */
export const cellParse = (schema: z.ZodType): CellParse<unknown> | undefined => parsers.get(schema);

/** A character that trim() may remove: ASCII space or control, or non-ASCII (where the Unicode spaces are). */
const mayTrim = (code: number): boolean => code <= 32 || code >= 127;

/** The cell without surrounding white space; trim(), a call into the engine's runtime, only runs when an end may be white space. */
export const trimmed = (s: string | undefined): string => {
  if (s === undefined || s.length === 0) return '';
  return mayTrim(s.charCodeAt(0)) || mayTrim(s.charCodeAt(s.length - 1)) ? s.trim() : s;
};

export const text = field(trimmed);

export const requiredText = field((s, flag) => {
  const value = trimmed(s);
  if (!value) flag('value is missing', 'field/required');
  return value;
});

/** A required value that must match `pattern`, e.g. a numeric plugin id. */
export const matching = (pattern: RegExp, message: string) =>
  field((s, flag) => {
    const value = trimmed(s);
    if (!value) flag('value is missing', 'field/required');
    else if (!pattern.test(value)) flag(message, 'field/invalid-value');
    return value;
  });

const digits = /^\d+$/;

export const port = field((s, flag) => {
  const value = trimmed(s);
  const number = value === '' ? 0 : digits.test(value) ? Number(value) : NaN;
  if (!(number <= 65535)) flag('port must be a whole number from 0 to 65535', 'field/invalid-number');
  return number;
});

export const list = (separator: RegExp) =>
  field((s) => {
    if (s === undefined || s === '') return [];
    const items: string[] = [];
    for (const item of s.split(separator)) {
      const value = item.trim();
      if (value) items.push(value);
    }
    return items;
  });

/** A timestamp cell → ISO 8601 UTC (null when empty, which is flagged when `required`). */
const timestampParse = (timezone: string, required: boolean): CellParse<string | null> => (s, flag) => {
  const value = trimmed(s);
  if (!value) {
    if (required) flag('date is missing', 'field/required');
    return null;
  }
  const iso = parseExportDate(value, timezone);
  if (!iso) flag(`"${value}" is not a date`, 'field/invalid-date');
  return iso;
};

/** A timestamp cell → ISO 8601 UTC; empty allowed unless `required`. */
export const timestamp = (timezone: string, required: boolean) => field(timestampParse(timezone, required));

/**
 * One of a fixed set of words, matched case-insensitively, mapped to the canonical value. Errors
 * list `shown` (the words the exporting tool uses), by default the canonical values.
 */
export function oneOf<T extends string>(mapping: Record<string, T>, what: string, shown: readonly string[] = [...new Set(Object.values(mapping))]) {
  const allowed = shown.filter(Boolean);
  // Exports repeat a handful of spellings ("Medium", "None"): each is looked up once.
  const known = new Map<string, T | undefined>();
  return field((s = '', flag): T => {
    let value = known.get(s);
    if (value === undefined && !known.has(s)) {
      value = Object.hasOwn(mapping, s.trim().toLowerCase()) ? mapping[s.trim().toLowerCase()] : undefined;
      if (known.size < 256) known.set(s, value);
    }
    if (value === undefined) {
      const word = s.trim();
      flag(word ? `${what} "${word}" is not one of ${allowed.join(', ')}` : `${what} is missing`, word ? 'field/invalid-value' : 'field/required');
      return z.NEVER;
    }
    return value;
  });
}

/** A number of hours (or other quantity) ≥ 0; empty → null. */
export const quantity = (what: string) =>
  field((s, flag) => {
    const value = trimmed(s);
    if (!value) return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) flag(`${what} "${value}" is not a number of 0 or more`, 'field/invalid-number');
    return number;
  });

const yes = new Set(['yes', 'y', 'true', '1', 'recorded']);
const no = new Set(['no', 'n', 'false', '0', '']);

/** yes/no, true/false, 1/0; empty is no. */
export const flag = (what: string) =>
  field((s = '', report) => {
    const value = s.trim().toLowerCase();
    if (yes.has(value)) return true;
    if (!no.has(value)) report(`${what} "${s.trim()}" is not yes or no`, 'field/invalid-value');
    return false;
  });

/** A calendar date, YYYY-MM-DD, from any date format exports use; the time of day, if any, is dropped. */
export const day = (required: boolean) => {
  const parse = timestampParse('UTC', required);
  return field((s, report) => {
    const iso = parse(s, report);
    return iso === null ? null : iso.slice(0, 10);
  });
};
