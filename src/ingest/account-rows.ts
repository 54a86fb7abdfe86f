import type { z } from 'zod';
import type { RuleId } from '../model/rules.ts';
import type { AnyFormat, RawValues } from './format.ts';

/** A row as a reader found it: its values by field, or why it could not be read. */
export type SourceRow =
  | { line: number; values: RawValues; /** CSV: the 0-based column of each field. */ columns?: ReadonlyMap<string, number> }
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

/**
 * Gives stored records their own strings. V8 keeps a substring of 13 characters or more as a view
 * of its parent, so a record holding such views would hold the whole 1 MiB chunk of text it came
 * from, and ingest would hold the file. Concatenating and slicing again copies just the value.
 * Short values (host names, titles, solutions) repeat across rows: they are shared, not copied again.
 */
function stringOwner(): <T>(record: T) => T {
  const shared = new Map<string, string>();
  const own = (s: string): string => {
    if (s.length < 13) return s;
    if (s.length > 256) return ` ${s}`.slice(1);
    let copy = shared.get(s);
    if (copy === undefined) shared.set(s, (copy = ` ${s}`.slice(1)));
    return copy;
  };
  return (record) => {
    const fields = record as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = own(value);
      else if (Array.isArray(value)) fields[key] = value.map((v) => (typeof v === 'string' ? own(v) : v));
    }
    return record;
  };
}

/** A cell that a spreadsheet would run as a formula. */
const formula = /^[=@]|^[+-]\s*[A-Za-z_][\w.]*\s*\(/;

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
  const schema = format.rowSchema({ timezone: options.timezone }) as z.ZodType<Record<string, unknown>, RawValues>;
  const byKey = new Map<string, unknown>();
  let rowsRead = 0;
  let rejected = 0;
  let duplicates = 0;
  const formulaLines: number[] = [];
  const fieldName = (key: string) => format.columns[key]?.headers[0] ?? key;
  const owned = stringOwner();

  const account = (row: SourceRow) => {
    rowsRead++;
    if ('broken' in row) {
      rejected++;
      if (!row.silent) report(row.rule, row.line, row.broken, null);
      return;
    }
    const parsed = schema.safeParse(row.values);
    if (!parsed.success) {
      rejected++;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const index = row.columns?.get(key);
        const rule = ((issue as { params?: { rule?: RuleId } }).params?.rule ?? 'field/invalid-value') as RuleId;
        const field = format.columns[key] ? fieldName(key) : null;
        report(rule, row.line, `${field ?? key}: ${issue.message}`, null, { column: index === undefined ? null : index + 1, field });
      }
      return;
    }
    if (formulaLines.length < 1000 && Object.values(row.values).some((v) => v !== undefined && formula.test(v))) formulaLines.push(row.line);
    const record = format.toRecord(parsed.data, { source: { file: options.file, line: row.line }, timezone: options.timezone, effective: options.effective });
    const key = format.key(record);
    const first = byKey.get(key);
    // Only stored records are copied out of the text chunks: rows merged away cost no copy.
    if (first === undefined) {
      byKey.set(key, owned(record));
      return;
    }
    duplicates++;
    if (format.merge) byKey.set(key, owned(format.merge(first, record)));
    else report('row/duplicate', row.line, `record "${key}" already appeared earlier in this file; counted once`, null, { severity: 'warning' });
  };
  for await (const rows of batches) for (const row of rows) account(row);
  if (formulaLines.length > 0) {
    report('field/formula', formulaLines[0]!, `${formulaLines.length}${formulaLines.length === 1000 ? '+' : ''} row(s) hold a cell that starts like a spreadsheet formula (first on line ${formulaLines[0]}); kept as text`, null, { severity: 'warning' });
  }
  return { rowsRead, accepted: rowsRead - rejected, rejected, duplicates, records: [...byKey.values()] };
}
