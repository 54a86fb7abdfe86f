import type { Diagnostic } from '../model/diagnostic.ts';
import { rules } from '../model/rules.ts';
import { accountRows, type Reporter, type RowAccount } from './account-rows.ts';
import { openText, type DecodedText, type Encoding } from './decode.ts';
import { sniffSyntax, UnknownFormatError } from './detect.ts';
import type { AnyFormat, EvidenceKind } from './format.ts';
import { rowSources } from './row-sources.ts';

export { UnknownFormatError };

export interface FileIngest<Record_> extends RowAccount<Record_> {
  format: string;
  kind: EvidenceKind | 'unknown';
  encoding: Encoding;
  /** Line of the CSV header row (after a preamble, as Qualys writes); null for other syntaxes. */
  headerLine: number | null;
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** Absolute path to read. */
  path: string;
  /** Path shown to the user, relative to the data folder. */
  file: string;
  timezone: string;
  effective: string;
  /** Only consider formats of this kind (`--kind`). */
  kind?: EvidenceKind;
  /** Read as this format, whatever the content looks like (`--format`). */
  format?: string;
  maxRecordChars?: number;
}

/**
 * Reads one export: recognises its format from its content (CSV header row, XML root element,
 * first JSON record, YAML top-level key) among `formats`, or takes the one given, validates every
 * row against the format's schema and accounts for every row: rowsRead = accepted + rejected.
 * Throws UnknownFormatError when no format fits and DecodeError when the bytes are not text.
 */
export async function readEvidence(options: ReadOptions, formats: readonly AnyFormat[]): Promise<FileIngest<unknown>> {
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (rule, line, message, hint, extra = {}) =>
    diagnostics.push({ file: options.file, line, column: extra.column ?? null, field: extra.field ?? null, rule, severity: extra.severity ?? 'error', message, hint: hint ?? rules[rule].hint });
  const candidates = chooseCandidates(formats, options);
  const text = await openText(options.path);
  try {
    return await readText(text, candidates, options, report, diagnostics);
  } finally {
    // Closes the file when reading stopped before its end (an unknown format, a bad header).
    await text.close();
  }
}

async function readText(text: DecodedText, candidates: AnyFormat[], options: ReadOptions, report: Reporter, diagnostics: Diagnostic[]): Promise<FileIngest<unknown>> {
  const chunks = text.chunks;
  const first = await chunks.next();
  const head = first.done ? '' : first.value;
  const all = (async function* () {
    if (!first.done) yield first.value;
    yield* chunks;
  })();
  const base = { encoding: text.encoding, headerLine: null, diagnostics };
  const syntax = options.format ? candidates[0]!.syntax : sniffSyntax(head);
  const source = syntax === 'empty' ? null : await rowSources[syntax]({ text: all, head, candidates, forced: options.format !== undefined, maxRecordChars: options.maxRecordChars, report });
  if (!source) {
    report('file/empty', null, 'the file is empty: no header row and no records', null);
    return { ...base, format: 'empty', kind: 'unknown', rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0, records: [] };
  }
  const { format, rows, headerLine } = source;
  const account = await accountRows(format, rows, options, report);
  if (headerLine !== null && account.rowsRead === 0) report('file/empty', headerLine, 'the file has a header row but no records', null, { severity: 'warning' });
  const result: FileIngest<unknown> = { ...base, ...account, format: format.id, kind: format.kind, headerLine };
  if (text.fellBack()) {
    report('file/legacy-encoding', null, 'the file is not valid UTF-8; it was read as Windows-1252, the encoding Excel uses for "CSV"', null, { severity: 'warning' });
    result.encoding = 'windows-1252';
  }
  return result;
}

function chooseCandidates(formats: readonly AnyFormat[], options: ReadOptions): AnyFormat[] {
  if (options.format) {
    const format = formats.find((f) => f.id === options.format);
    if (!format) throw new UnknownFormatError(`there is no format "${options.format}"`);
    return [format];
  }
  return options.kind ? formats.filter((f) => f.kind === options.kind) : [...formats];
}

