import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DecodeError } from '../ingest/decode.ts';
import { supportedFormatsList, UnknownFormatError } from '../ingest/detect.ts';
import { evidenceKinds, type EvidenceKind } from '../ingest/format.ts';
import { formats } from '../ingest/formats/index.ts';
import { readEvidence, type FileIngest } from '../ingest/read-evidence.ts';
import { rules, type RuleId } from '../model/rules.ts';
import type { Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook inspect FILE... [--kind K] [--format F] [--json]

Reads export files without building: which format each is, how many rows were read, accepted and
rejected, and every diagnostic (line, column, rule, message, hint). The format is recognised from
the content (CSV header row, XML root element, first JSON record, YAML keys), not the file name.

Options:
  --kind K      consider only formats of this kind: ${evidenceKinds.join(', ')}
  --format F    read every file as this format (ids below)
  --json        print a JSON array, one object per file
  -h, --help    this help

Timestamps without an offset are read as UTC.

Formats: ${supportedFormatsList(formats)}

Exit codes: 0 every file was read (rejected rows are data, not errors), 1 a file cannot be read or
is of no known format, 2 usage error.
`;

/** What `inspect --json` prints per file. */
export interface InspectReport {
  file: string;
  kind: string;
  format: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  diagnostics: Array<{ line: number | null; column: number | null; rule: string; severity: string; message: string; hint: string }>;
}

const shownPerFile = 20;

export const runInspect: Command = {
  help,
  allowPositionals: true,
  options: { kind: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UserError('inspect takes at least one FILE', 'Example: proofbook inspect data/acme/2026-Q3/*.csv', 2);
    const kind = values.kind as string | undefined;
    if (kind !== undefined && !evidenceKinds.includes(kind as EvidenceKind)) {
      throw new UserError(`--kind ${JSON.stringify(kind)} is not a kind`, `Use one of: ${evidenceKinds.join(', ')}.`, 2);
    }
    const format = values.format as string | undefined;
    if (format !== undefined && !formats.some((f) => f.id === format)) {
      throw new UserError(`--format ${JSON.stringify(format)} is not a format`, `Use one of: ${formats.map((f) => f.id).join(', ')}.`, 2);
    }
    const reports: InspectReport[] = [];
    let failed = 0;
    for (const name of positionals) {
      const report = await inspectFile(path.resolve(io.cwd, name), name, kind as EvidenceKind | undefined, format);
      if (report.format === 'unknown') failed++;
      reports.push(report);
    }
    if (values.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else for (const report of reports) io.stdout.write(describe(report));
    if (failed > 0) {
      io.stderr.write(`proofbook inspect: ${failed} of ${reports.length} file(s) could not be read; the diagnostics above say why and how to fix it.\n`);
      return 1;
    }
    return 0;
  },
};

const unknownHint = `Supported formats: ${supportedFormatsList(formats)}. For a CSV of another tool, rename its header row to the columns of the generic CSV of its kind (docs/input-formats.md lists them), declare a ticket column mapping in client.yaml, or pass --format.`;

async function inspectFile(absolute: string, file: string, kind: EvidenceKind | undefined, format: string | undefined): Promise<InspectReport> {
  const failure = (rule: RuleId, message: string): InspectReport => ({
    file, kind: 'unknown', format: 'unknown', rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0,
    diagnostics: [{ line: null, column: null, rule, severity: 'error', message, hint: rule === 'file/unknown-format' ? unknownHint : rules[rule].hint }],
  });
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return failure('file/unreadable', `${file} is not a file`);
  let read: FileIngest<unknown>;
  try {
    read = await readEvidence({ path: absolute, file, timezone: 'UTC', effective: new Date().toISOString().slice(0, 10), kind, format }, formats);
  } catch (error) {
    if (error instanceof UnknownFormatError) return failure('file/unknown-format', error.message);
    if (error instanceof DecodeError) return failure('file/unreadable', error.message);
    throw error;
  }
  return {
    file,
    kind: read.kind,
    format: read.format,
    rowsRead: read.rowsRead,
    accepted: read.accepted,
    rejected: read.rejected,
    duplicates: read.duplicates,
    diagnostics: read.diagnostics.map(({ line, column, rule, severity, message, hint }) => ({ line, column, rule, severity, message, hint })),
  };
}

function describe(report: InspectReport): string {
  const merged = report.duplicates ? `, ${report.duplicates} duplicate(s) merged` : '';
  const summary = report.format === 'unknown' ? 'not read' : `${report.format} (${report.kind}) — ${report.rowsRead} rows read = ${report.accepted} accepted + ${report.rejected} rejected${merged}`;
  const lines = [`${report.file}: ${summary}`];
  for (const d of report.diagnostics.slice(0, shownPerFile)) {
    const place = [report.file, d.line, d.column].filter((x) => x !== null).join(':');
    lines.push(`  ${d.severity} ${place} ${d.rule}: ${d.message}`, `    hint: ${d.hint}`);
  }
  if (report.diagnostics.length > shownPerFile) lines.push(`  … and ${report.diagnostics.length - shownPerFile} more (--json lists all)`);
  return `${lines.join('\n')}\n`;
}
