import { z } from 'zod';

/**
 * One problem found in an input: where (file, line, column), which rule, what and how to fix it.
 * Collected per file rather than thrown, so one bad row never hides the rest.
 */
export const Diagnostic = z.object({
  /** Path relative to the data folder, e.g. `smile-dental/2026-Q1/tickets.csv`. */
  file: z.string(),
  /** 1-based physical line where the record starts; null when the problem concerns the whole file. */
  line: z.number().int().positive().nullable(),
  /** 1-based column (field position in the CSV record); null when not tied to one field. */
  column: z.number().int().positive().nullable(),
  /** The header name of that column, in the user's own words. */
  field: z.string().nullable(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
