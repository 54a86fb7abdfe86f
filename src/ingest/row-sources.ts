import { csvRecords, type CsvBrokenRecord, type CsvRecord } from './csv-records.ts';
import type { Reporter, SourceRow } from './account-rows.ts';
import { trimmed } from './fields.ts';
import { findCsvHeader, UnknownFormatError, yamlRecords } from './detect.ts';
import { fieldsOf, normaliseHeader, type AnyFormat, type Cells, type CsvFormat, type JsonFormat, type RawValues, type XmlFormat, type YamlFormat } from './format.ts';
import { jsonRecords, type JsonBrokenRecord, type JsonProblem, type JsonRecord } from './json-records.ts';
import { xmlRecords, xmlRootName } from './xml-records.ts';

type CsvAny = CsvFormat<Record<string, unknown>, unknown>;
type XmlAny = XmlFormat<Record<string, unknown>, unknown>;
type JsonAny = JsonFormat<Record<string, unknown>, unknown>;
type YamlAny = YamlFormat<Record<string, unknown>, unknown>;

export interface SourceInput {
  /** The file's decoded text, from its start. */
  text: AsyncIterable<string>;
  /** Its first chunk, already in `text`, for recognising the format. */
  head: string;
  candidates: readonly AnyFormat[];
  /** One format given by the user: read as it whatever the content looks like. */
  forced: boolean;
  maxRecordChars?: number;
  report: Reporter;
}

/** The format a file was recognised as and its rows, in batches; null for a CSV with no record at all. */
export interface RowSource {
  format: AnyFormat;
  rows: AsyncIterable<SourceRow[]>;
  /** Line of the CSV header row; null for other syntaxes. */
  headerLine: number | null;
}

/** Per syntax: recognise the format among the candidates and turn the file's records into rows. */
export const rowSources: Record<'csv' | 'xml' | 'json' | 'yaml', (input: SourceInput) => Promise<RowSource | null>> = {
  async csv({ text, candidates, forced, maxRecordChars, report }) {
    const batches = csvRecords(text, { maxRecordChars });
    const found = await findCsvHeader(batches, candidates.filter((f): f is CsvAny => f.syntax === 'csv'), forced);
    if (found.empty) return null;
    const { format, header, following } = found;
    const mapper = csvRowMapper(format, header, report);
    const rows = async function* (): AsyncGenerator<SourceRow[]> {
      yield mapper.map(following);
      for await (const batch of batches) yield mapper.map(batch);
      mapper.end();
    };
    return { format, rows: rows(), headerLine: header.line };
  },

  async xml({ text, head, candidates, forced, maxRecordChars, report }) {
    const root = xmlRootName(head);
    const format = candidates.find((f): f is XmlAny => f.syntax === 'xml' && (forced || f.root === root));
    if (!format) throw new UnknownFormatError(`the XML root element <${root ?? '?'}> matches no known format`);
    const fields = fieldsOf(format);
    const rows = async function* (): AsyncGenerator<SourceRow[]> {
      for await (const batch of xmlRecords(text, { record: format.record, context: format.context, maxRecordChars })) {
        yield batch.flatMap((item): SourceRow[] => {
          if ('problem' in item) return report('xml/malformed', item.line, item.problem, null), [];
          if ('broken' in item) return [{ line: item.line, broken: item.broken, rule: 'xml/malformed' }];
          return [{ line: item.line, cells: cellsOf(format.values(item), fields) }];
        });
      }
    };
    return { format, rows: rows(), headerLine: null };
  },

  async json({ text, candidates, forced, maxRecordChars, report }) {
    const jsonFormats = candidates.filter((f): f is JsonAny => f.syntax === 'json');
    const batches = jsonRecords(text, { paths: new Set(jsonFormats.map((f) => f.records).filter(Boolean)), maxRecordChars });
    // The first record decides the format; what came before it (broken lines) is held, then replayed.
    const held: Array<JsonRecord | JsonBrokenRecord | JsonProblem> = [];
    let format: JsonAny | undefined;
    let firstKeys: string[] = [];
    while (!format) {
      const next = await batches.next();
      if (next.done) break;
      held.push(...next.value);
      const first = next.value.find((item): item is JsonRecord => 'value' in item);
      if (!first) continue;
      const value = isObject(first.value) ? first.value : {};
      firstKeys = Object.keys(value);
      format = forced ? jsonFormats[0] : jsonFormats.find((f) => f.records === first.path && f.matches(value));
      if (!format) break;
    }
    if (!format) throw new UnknownFormatError(`the first JSON record (keys: ${firstKeys.slice(0, 8).join(', ') || 'none'}) matches no known format`);
    const chosen = format;
    const fields = fieldsOf(chosen);
    const toRows = (batch: Array<JsonRecord | JsonBrokenRecord | JsonProblem>) =>
      batch.flatMap((item): SourceRow[] => {
        if ('problem' in item) return report('json/malformed', item.line, item.problem, null), [];
        if ('broken' in item) return [{ line: item.line, broken: item.broken, rule: 'json/malformed' }];
        return [objectRow(chosen, fields, item.line, item.value)];
      });
    const rows = async function* (): AsyncGenerator<SourceRow[]> {
      yield toRows(held);
      for await (const batch of batches) yield toRows(batch);
    };
    return { format: chosen, rows: rows(), headerLine: null };
  },

  async yaml({ text, candidates }) {
    const read = await yamlRecords(text, candidates.filter((f): f is YamlAny => f.syntax === 'yaml'));
    if (!read.format) throw new UnknownFormatError(`the YAML file's top-level keys (${read.keys.join(', ') || 'none'}) match no known format`);
    const format = read.format;
    const fields = fieldsOf(format);
    const rows = async function* (): AsyncGenerator<SourceRow[]> {
      yield read.items.map((item) => ('broken' in item ? { ...item, rule: 'yaml/malformed' as const } : objectRow(format, fields, item.line, item.value)));
    };
    return { format, rows: rows(), headerLine: null };
  },
};

const isBlank = (field: string): boolean => trimmed(field) === '';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function objectRow(format: JsonAny | YamlAny, fields: readonly string[], line: number, value: unknown): SourceRow {
  if (!isObject(value)) return { line, broken: 'the record is not an object with named fields', rule: 'json/malformed' };
  return { line, cells: cellsOf(format.values(value), fields) };
}

const cellsOf = (values: RawValues, fields: readonly string[]): Cells => fields.map((field) => values[field]);

/** CSV records after the header → rows of cells in the format's field order, with the column each came from. */
function csvRowMapper(format: CsvAny, header: CsvRecord, report: Reporter): { map(batch: Array<CsvRecord | CsvBrokenRecord>): SourceRow[]; end(): void } {
  const headers = header.fields.map(normaliseHeader);
  const columns = new Map<string, number>();
  let unusable = false;
  for (const [key, spec] of Object.entries(format.columns)) {
    // The first of the field's names present in the header wins; the same name twice is ambiguous.
    const name = spec.headers.map(normaliseHeader).find((n) => headers.includes(n));
    const found = name === undefined ? [] : headers.flatMap((h, i) => (h === name ? [i] : []));
    if (found.length > 1 && spec.required) {
      report('csv/duplicate-column', header.line, `column "${spec.headers[0]}" appears ${found.length} times (columns ${found.map((i) => i + 1).join(', ')})`, null, { column: found[1]! + 1, field: spec.headers[0]! });
      unusable = true;
    } else if (found.length === 0 && spec.required) {
      report('csv/missing-column', header.line, `required column "${spec.headers.join('" or "')}" is not in the header row`, null, { field: spec.headers[0]! });
      unusable = true;
    }
    if (found.length > 0) columns.set(key, found[0]!);
  }
  /** Per field of the format, in the order of its cells: the column it is read from, or -1. */
  const indexes = fieldsOf(format).map((key) => columns.get(key) ?? -1);
  const blankLines: number[] = [];
  let rows = 0;
  const row = (record: CsvRecord | CsvBrokenRecord): SourceRow => {
    if (unusable) return { line: record.line, broken: '', rule: 'csv/missing-column', silent: true };
    if ('broken' in record) return { line: record.line, broken: record.broken, rule: 'csv/malformed' };
    if (record.fields.every(isBlank)) {
      blankLines.push(record.line);
      return { line: record.line, broken: '', rule: 'row/blank', silent: true };
    }
    if (record.fields.length !== headers.length) {
      return { line: record.line, broken: `the row has ${record.fields.length} fields, the header has ${headers.length}`, rule: 'csv/column-count' };
    }
    const cells = new Array<string | undefined>(indexes.length);
    for (let k = 0; k < indexes.length; k++) cells[k] = indexes[k]! < 0 ? undefined : record.fields[indexes[k]!];
    return { line: record.line, cells, columns };
  };
  return {
    map(batch) {
      rows += batch.length;
      return batch.map(row);
    },
    end() {
      if (blankLines.length > 0) {
        report('row/blank', blankLines[0]!, `${blankLines.length} row(s) with every field empty, from line ${blankLines[0]} to line ${blankLines.at(-1)}, were not read as records`, null, { severity: 'warning' });
      }
      if (unusable && rows > 0) report('csv/missing-column', header.line, `all ${rows} rows of the file were rejected because of the header problem above`, null);
    },
  };
}
