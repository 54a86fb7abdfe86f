import type { z } from 'zod';
import type { RuleId } from '../model/rules.ts';
import { fieldsOf, type AnyFormat, type Cells, type RawValues, type Texts } from './format.ts';
import { rowParser } from './row-parser.ts';

/** A row as a reader found it: its cells (in the order of the format's fields), or why it could not be read. */
export type SourceRow =
  | { line: number; cells: Cells; /** CSV: the 0-based column of each field. */ columns?: ReadonlyMap<string, number> }
  /** `silent`: counted as rejected, reported once for the file rather than per row. */
  | { line: number; broken: string; rule: RuleId; silent?: boolean };

export type Reporter = (
  rule: RuleId,
  line: number | null,
  message: string,
  hint: string | null,
  extra?: { column?: number | null; field?: string | null; severity?: 'error' | 'warning' },
) => void;

export interface RowAccount<Record_> {
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Accepted rows that repeated an earlier record's key and were merged into it. */
  duplicates: number;
  records: Record_[];
}

/** Copies and shared copies of texts for the records of one file (see `Texts`). */
function textHolder(): Texts {
  const shared = new Map<string, string>();
  // Joining two parts makes one new flat string of just the value (concatenating and slicing would
  // leave a view of the concatenation); a substring shorter than 13 characters is a copy already.
  const copy = (text: string): string => (text.length < 13 ? text : [text[0], text.slice(1)].join(''));
  return {
    copy,
    share(text) {
      if (text.length > 256) return copy(text);
      let held = shared.get(text);
      if (held === undefined) shared.set(text, (held = copy(text)));
      return held;
    },
  };
}

/** The default `retain`: texts of the record (and in its lists) shared; fields kept from `kept` are owned already. */
function retainAll<T>(record: T, texts: Texts, kept?: T): T {
  const fields = record as Record<string, unknown>;
  const before = kept as Record<string, unknown> | undefined;
  for (const name in fields) {
    const value = fields[name];
    if (before !== undefined && value === before[name]) continue;
    if (typeof value === 'string') fields[name] = texts.share(value);
    else if (Array.isArray(value)) fields[name] = value.map((v) => (typeof v === 'string' ? texts.share(v) : v));
  }
  return record;
}

/** A cell that a spreadsheet would run as a formula. */
const formula = /^[=@]|^[+-]\s*[A-Za-z_][\w.]*\s*\(/;

/** Whether a row holds a formula-like cell; the regex only runs on cells that start with = @ + or -. */
function holdsFormula(cells: Cells): boolean {
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c];
    const first = value?.charCodeAt(0);
    if ((first === 61 || first === 64 || first === 43 || first === 45) && formula.test(value!)) return true;
  }
  return false;
}

/**
 * The one place rows become records: every row is validated against the format's schema and either
 * accepted (merged with an earlier record of the same key, counted as a duplicate) or rejected with
 * a diagnostic. Readers only read; so rowsRead = accepted + rejected holds for every syntax. Rows
 * come in batches (one per chunk of text read) so that a row costs no promise of its own.
 */
export async function accountRows(
  format: AnyFormat,
  batches: AsyncIterable<SourceRow[]>,
  options: { file: string; timezone: string; effective: string },
  report: Reporter,
): Promise<RowAccount<unknown>> {
  const parse = rowParser(format.rowSchema({ timezone: options.timezone }) as z.ZodType<Record<string, unknown>, RawValues>, fieldsOf(format));
  const byKey = new Map<string, unknown>();
  let rowsRead = 0;
  let rejected = 0;
  let duplicates = 0;
  const formulaLines: number[] = [];
  const fieldName = (key: string) => format.columns[key]?.headers[0] ?? key;
  const texts = textHolder();
  const retain = format.retain ?? retainAll;

  const account = (row: SourceRow) => {
    rowsRead++;
    if ('broken' in row) {
      rejected++;
      if (!row.silent) report(row.rule, row.line, row.broken, null);
      return;
    }
    const parsed = parse(row.cells);
    if (!parsed.ok) {
      rejected++;
      for (const { key, message, rule } of parsed.issues) {
        const index = row.columns?.get(key);
        const field = format.columns[key] ? fieldName(key) : null;
        report(rule, row.line, `${field ?? key}: ${message}`, null, { column: index === undefined ? null : index + 1, field });
      }
      return;
    }
    if (formulaLines.length < 1000 && holdsFormula(row.cells)) formulaLines.push(row.line);
    const record = format.toRecord(parsed.data, { source: { file: options.file, line: row.line }, timezone: options.timezone, effective: options.effective });
    // Only stored records are copied out of the text chunks: rows merged away cost no copy.
    const key = format.key(record);
    const first = byKey.get(key);
    if (first === undefined) {
      // Keyed by the stored record's own key, not by one that may be a view of the text read.
      const stored = retain(record, texts);
      byKey.set(format.key(stored), stored);
      return;
    }
    duplicates++;
    if (format.merge) byKey.set(key, retain(format.merge(first, record), texts, first));
    else report('row/duplicate', row.line, `record "${key}" already appeared earlier in this file; counted once`, null, { severity: 'warning' });
  };
  for await (const rows of batches) for (const row of rows) account(row);
  if (formulaLines.length > 0) {
    report('field/formula', formulaLines[0]!, `${formulaLines.length}${formulaLines.length === 1000 ? '+' : ''} row(s) hold a cell that starts like a spreadsheet formula (first on line ${formulaLines[0]}); kept as text`, null, { severity: 'warning' });
  }
  return { rowsRead, accepted: rowsRead - rejected, rejected, duplicates, records: [...byKey.values()] };
}
