import { z } from 'zod';
import { parseExportDate } from './dates.ts';

/** Zod building blocks for CSV cells, which are always text; messages speak to the person fixing the file. */

export const text = z.string().default('').transform((s) => s.trim());

export const requiredText = z
  .string({ error: 'value is missing' })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'value is missing'));

export const port = z
  .string()
  .default('0')
  .transform((s) => s.trim() || '0')
  .pipe(z.string().regex(/^\d+$/, 'port must be a whole number from 0 to 65535'))
  .transform(Number)
  .pipe(z.number().max(65535, 'port must be a whole number from 0 to 65535'));

export const list = (separator: RegExp) =>
  z.string().default('').transform((s) => s.split(separator).map((x) => x.trim()).filter(Boolean));

/** A timestamp cell → ISO 8601 UTC; empty allowed unless `required`. */
export function timestamp(timezone: string, required: boolean) {
  return z
    .string()
    .default('')
    .transform((s, ctx) => {
      const value = s.trim();
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
  return z
    .string()
    .default('')
    .transform((s, ctx) => {
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
