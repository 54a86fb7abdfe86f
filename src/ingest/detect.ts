import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { CsvBrokenRecord, CsvRecord } from './csv-records.ts';
import { normaliseHeader, type AnyFormat, type CsvFormat, type YamlFormat } from './format.ts';

/** Thrown when a file is of no known format; the message names what was seen. */
export class UnknownFormatError extends Error {}

export type Syntax = 'csv' | 'xml' | 'json' | 'yaml' | 'empty';

/** The syntax of a file, from its first characters: never from its name. */
export function sniffSyntax(head: string): Syntax {
  const start = head.trimStart();
  if (start === '') return 'empty';
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.split('\n', 1)[0]!.trimEnd();
  if (firstLine === '---' || firstLine.startsWith('#') || (/^[A-Za-z_][\w-]*:(\s|$)/.test(firstLine) && !firstLine.includes(','))) return 'yaml';
  return 'csv';
}

/** How many records may precede the header row (Qualys writes a report title, date and filters). */
const maxPreambleRecords = 20;

type CsvAny = CsvFormat<Record<string, unknown>, unknown>;

export const matchesSignature = (format: CsvAny, headers: readonly string[]): boolean =>
  format.signature.every((group) => group.some((h) => headers.includes(normaliseHeader(h))));

/**
 * Finds the header row: the first record, within the first few, whose names match a format's
 * signature. With `forced` (one format given by the user), the first record is the header
 * when none matches, so that missing columns are reported by name.
 */
export async function findCsvHeader(
  batches: AsyncIterator<Array<CsvRecord | CsvBrokenRecord>>,
  formats: readonly CsvAny[],
  forced: boolean,
): Promise<{ empty: true } | { empty: false; format: CsvAny; header: CsvRecord; /** Records after the header read while searching. */ following: Array<CsvRecord | CsvBrokenRecord> }> {
  const seen: Array<CsvRecord | CsvBrokenRecord> = [];
  while (seen.length < maxPreambleRecords) {
    const next = await batches.next();
    if (next.done) break;
    const start = seen.length;
    seen.push(...next.value);
    for (let i = start; i < Math.min(seen.length, maxPreambleRecords); i++) {
      const record = seen[i]!;
      if ('broken' in record) continue;
      const headers = record.fields.map(normaliseHeader);
      const format = formats.find((f) => matchesSignature(f, headers));
      if (format) return { empty: false, format, header: record, following: seen.slice(i + 1) };
    }
  }
  const firstIndex = seen.findIndex((r) => !('broken' in r));
  if (firstIndex < 0) return { empty: true };
  const first = seen[firstIndex] as CsvRecord;
  if (forced && formats[0]) return { empty: false, format: formats[0], header: first, following: seen.slice(firstIndex + 1) };
  const shown = first.fields.slice(0, 6).join(', ') + (first.fields.length > 6 ? ', …' : '');
  throw new UnknownFormatError(`the header row (${shown}) matches no known format`);
}

type YamlAny = YamlFormat<Record<string, unknown>, unknown>;
export type YamlItem = { line: number; value: unknown } | { line: number; broken: string };

const maxYamlChars = 16 * 1024 * 1024;

/** A YAML register read whole (registers are small; a bigger file is refused): its list of records with lines. */
export async function yamlRecords(chunks: AsyncIterable<string>, formats: readonly YamlAny[]): Promise<{ format?: YamlAny; keys: string[]; items: YamlItem[] }> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length > maxYamlChars) return { keys: [], items: [{ line: 1, broken: `the YAML file is longer than ${maxYamlChars} characters` }], format: formats[0] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const contents = document.contents;
  const keys = isMap(contents) ? contents.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key)) : [];
  const format = formats.find((f) => keys.includes(f.records));
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return { format: format ?? formats[0], keys, items: [{ line: lineCounter.linePos(error.pos[0]).line, broken: error.message.split('\n')[0]! }] };
  }
  if (!format) return { keys, items: [] };
  const list = document.get(format.records, true);
  if (!isSeq(list)) return { format, keys, items: [] };
  return {
    format,
    keys,
    items: list.items.map((item) => ({ line: lineCounter.linePos((item as { range?: [number] }).range?.[0] ?? 0).line, value: (item as { toJSON(): unknown }).toJSON() })),
  };
}

/** Every format, for messages and `--format`: "id (kind, syntax)". */
export function supportedFormatsList(formats: readonly AnyFormat[]): string {
  return formats.map((f) => `${f.id} (${f.kind}, ${f.syntax.toUpperCase()})`).join(', ');
}
