import type { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic.ts';
import { rules, type RuleId } from '../model/rules.ts';
import { readCsvRecords, type CsvBrokenRecord, type CsvRecord } from './csv-records.ts';
import { normaliseHeader, type CsvFormat } from './csv-format.ts';

export interface FileIngest<Record_> {
  format: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  records: Record_[];
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** Absolute path to read. */
  path: string;
  /** Path shown to the user, relative to the data folder. */
  file: string;
  timezone: string;
  effective: string;
}

/** Thrown when a file is not a CSV of any known format. */
export class UnknownFormatError extends Error {}

type AnyFormat = CsvFormat<Record<string, unknown>, unknown>;

/**
 * Reads one CSV export: picks the format from its header (or takes the one given), validates every
 * row against the format's schema, and accounts for every row: rowsRead = accepted + rejected.
 */
export async function readCsvEvidence(
  options: ReadOptions,
  formats: readonly AnyFormat[],
): Promise<FileIngest<unknown>> {
  const diagnostics: Diagnostic[] = [];
  const report = (rule: RuleId, line: number | null, message: string, column: number | null = null, field: string | null = null, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file: options.file, line, column, field, rule, severity, message, hint: rules[rule].hint });

  const records = readCsvRecords(options.path);
  let header: CsvRecord | undefined;
  const first = await records.next();
  if (!first.done) {
    if ('broken' in first.value) throw new UnknownFormatError(`the header row cannot be read: ${first.value.broken}`);
    header = first.value;
  }
  if (!header) {
    report('file/empty', null, 'the file is empty: no header row and no records');
    return { format: 'empty', rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0, records: [], diagnostics };
  }
  const headers = header.fields.map(normaliseHeader);
  const format = formats.find((f) => f.signature.every((group) => group.some((h) => headers.includes(normaliseHeader(h)))));
  if (!format) {
    throw new UnknownFormatError(`the header row (${header.fields.slice(0, 6).join(', ')}${header.fields.length > 6 ? ', …' : ''}) matches no known format`);
  }

  const columnIndex = new Map<string, number>();
  let fileUsable = true;
  for (const [key, spec] of Object.entries(format.columns)) {
    const names = spec.headers.map(normaliseHeader);
    const found = headers.flatMap((h, i) => (names.includes(h) ? [i] : []));
    if (found.length > 1 && spec.required) {
      report('csv/duplicate-column', header.line, `column "${spec.headers[0]}" appears ${found.length} times (columns ${found.map((i) => i + 1).join(', ')})`, found[1]! + 1, spec.headers[0]!);
      fileUsable = false;
    } else if (found.length === 0 && spec.required) {
      report('csv/missing-column', header.line, `required column "${spec.headers.join('" or "')}" is not in the header row`, null, spec.headers[0]!);
      fileUsable = false;
    }
    if (found.length > 0) columnIndex.set(key, found[0]!);
  }

  const schema = format.rowSchema({ timezone: options.timezone }) as z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;
  const byKey = new Map<string, unknown>();
  let rowsRead = 0;
  let rejected = 0;
  let duplicates = 0;
  const blankLines: number[] = [];

  const accept = (record: unknown, line: number) => {
    const key = format.key(record);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, record);
      return;
    }
    duplicates++;
    if (format.merge) byKey.set(key, format.merge(first, record));
    else report('row/duplicate', line, `record "${key}" already appeared earlier in this file; counted once`, null, null, 'warning');
  };

  for await (const record of records) {
    rowsRead++;
    if (!fileUsable) {
      rejected++;
      continue;
    }
    if ('broken' in record) {
      rejected++;
      report('csv/malformed', record.line, (record as CsvBrokenRecord).broken);
      continue;
    }
    if (record.fields.every((f) => f.trim() === '')) {
      rejected++;
      blankLines.push(record.line);
      continue;
    }
    if (record.fields.length !== headers.length) {
      rejected++;
      report('csv/column-count', record.line, `the row has ${record.fields.length} fields, the header has ${headers.length}`);
      continue;
    }
    const input: Record<string, string | undefined> = {};
    for (const [key, index] of columnIndex) input[key] = record.fields[index];
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      rejected++;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const index = columnIndex.get(key);
        const rule = ((issue as { params?: { rule?: RuleId } }).params?.rule ?? 'field/invalid-value') as RuleId;
        const field = format.columns[key]?.headers[0] ?? null;
        report(rule, record.line, `${field ?? key}: ${issue.message}`, index === undefined ? null : index + 1, field);
      }
      continue;
    }
    accept(format.toRecord(parsed.data, { source: { file: options.file, line: record.line }, timezone: options.timezone, effective: options.effective }), record.line);
  }
  if (blankLines.length > 0) {
    report('row/blank', blankLines[0]!, `${blankLines.length} row(s) with every field empty, from line ${blankLines[0]} to line ${blankLines.at(-1)}, were not read as records`, null, null, 'warning');
  }
  if (!fileUsable && rowsRead > 0) {
    report('csv/missing-column', header.line, `all ${rowsRead} rows of the file were rejected because of the header problem above`);
  }
  return { format: format.id, rowsRead, accepted: rowsRead - rejected, rejected, duplicates, records: [...byKey.values()], diagnostics };
}
