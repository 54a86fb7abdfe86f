import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../cli/user-error.ts';
import { ClientConfig, DropConfig, MspConfig } from '../model/client.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { AccessReview, Finding, PatchStatus, RaciEntry, RemoteSession, RestoreTest, RiskAcceptance, SiemAlert, Ticket } from '../model/evidence.ts';
import { periodBounds, PeriodId, type ClientId } from '../model/period.ts';
import type { IngestFile } from '../model/report.ts';
import { rules } from '../model/rules.ts';
import { readYamlConfig } from './config-file.ts';
import { isValidTimezone } from './dates.ts';
import { DecodeError } from './decode.ts';
import type { AnyFormat } from './format.ts';
import { formats } from './formats/index.ts';
import { mappedTicketsCsv } from './formats/psa-tickets.ts';
import { readEvidence, UnknownFormatError, type FileIngest } from './read-evidence.ts';

/** What one client's period drop holds once read: records by kind, and the account of every file. */
export interface PeriodEvidence {
  findings: Finding[];
  tickets: Ticket[];
  alerts: SiemAlert[];
  restoreTests: RestoreTest[];
  accessReviews: AccessReview[];
  remoteSessions: RemoteSession[];
  patches: PatchStatus[];
  riskAcceptances: RiskAcceptance[];
  files: IngestFile[];
  diagnostics: Diagnostic[];
}

export interface ClientDrop {
  config: ClientConfig;
  raci: RaciEntry[];
  raciFile: IngestFile | null;
  raciDiagnostics: Diagnostic[];
  periods: PeriodId[];
}

const configFiles = new Set(['drop.yaml']);

export async function readMsp(dataDir: string): Promise<MspConfig> {
  const file = path.join(dataDir, 'msp.yaml');
  if (!existsSync(file)) throw new UserError(`${file} does not exist`, 'Create data/msp.yaml with at least `name: <your MSP>`; README "Data drop layout" shows an example.');
  return readYamlConfig(file, 'msp.yaml', MspConfig);
}

/** Client ids: the folders under the data folder that hold a client.yaml. */
export async function listClients(dataDir: string): Promise<ClientId[]> {
  if (!existsSync(dataDir)) throw new UserError(`the data folder ${dataDir} does not exist`, 'Pass --data DIR, or run from the folder that holds data/.');
  const entries = await readdir(dataDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(path.join(dataDir, e.name, 'client.yaml'))).map((e) => e.name).sort();
}

export async function readClient(dataDir: string, clientId: string): Promise<ClientDrop> {
  const folder = path.join(dataDir, clientId);
  if (!existsSync(path.join(folder, 'client.yaml'))) {
    const known = await listClients(dataDir);
    throw new UserError(`unknown client "${clientId}": ${path.join(folder, 'client.yaml')} does not exist`, `${rules['drop/unknown-client'].hint} Known clients: ${known.join(', ') || 'none'}.`);
  }
  const config = await readYamlConfig(path.join(folder, 'client.yaml'), `${clientId}/client.yaml`, ClientConfig);
  if (config.id !== clientId) {
    throw new UserError(`${clientId}/client.yaml: id "${config.id}" does not match its folder "${clientId}"`, 'The id in client.yaml and the folder name must be the same slug.');
  }
  if (!isValidTimezone(config.timezone)) {
    throw new UserError(`${clientId}/client.yaml: timezone "${config.timezone}" is not an IANA time zone`, 'Write a zone such as America/New_York or UTC.');
  }
  const entries = await readdir(folder, { withFileTypes: true });
  const periods = entries.filter((e) => e.isDirectory() && PeriodId.safeParse(e.name).success).map((e) => e.name).sort();
  const raciPath = path.join(folder, 'raci.csv');
  let raci: RaciEntry[] = [];
  let raciFile: IngestFile | null = null;
  let raciDiagnostics: Diagnostic[] = [];
  if (existsSync(raciPath)) {
    const read = await readEvidenceFile(raciPath, `${clientId}/raci.csv`, config.timezone, null, formats);
    raci = read.records as RaciEntry[];
    raciFile = read.file;
    raciDiagnostics = read.diagnostics;
  }
  return { config: Object.freeze(config), raci, raciFile, raciDiagnostics, periods };
}

/** Reads every export in `data/<client>/<period>/`. */
export async function readPeriod(dataDir: string, client: ClientConfig, period: PeriodId): Promise<PeriodEvidence> {
  const folder = path.join(dataDir, client.id, period);
  const dropPath = path.join(folder, 'drop.yaml');
  const drop = existsSync(dropPath) ? await readYamlConfig(dropPath, `${client.id}/${period}/drop.yaml`, DropConfig) : DropConfig.parse({});
  const names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.') && !configFiles.has(e.name)).map((e) => e.name).sort();
  const evidence: PeriodEvidence = { findings: [], tickets: [], alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: [], riskAcceptances: [], files: [], diagnostics: [] };
  const byKind: Partial<Record<IngestFile['kind'], unknown[]>> = {
    findings: evidence.findings,
    tickets: evidence.tickets,
    alerts: evidence.alerts,
    'restore-tests': evidence.restoreTests,
    'access-reviews': evidence.accessReviews,
    'remote-sessions': evidence.remoteSessions,
    patches: evidence.patches,
    'risk-acceptances': evidence.riskAcceptances,
  };
  const clientFormats = formatsFor(client);
  for (const name of Object.keys(drop.files)) {
    if (!names.includes(name)) {
      throw new UserError(`${client.id}/${period}/drop.yaml names "${name}", which is not in the folder`, `Files in this folder: ${names.join(', ') || 'none'}.`);
    }
  }
  for (const name of names) {
    const effective = drop.files[name]?.effective ?? periodBounds(period).end;
    const read = await readEvidenceFile(path.join(folder, name), `${client.id}/${period}/${name}`, client.timezone, effective, clientFormats);
    evidence.files.push(read.file);
    evidence.diagnostics.push(...read.diagnostics);
    byKind[read.file.kind]?.push(...read.records);
  }
  return evidence;
}

interface ReadFile {
  file: IngestFile;
  records: unknown[];
  diagnostics: Diagnostic[];
}

/** The formats a client's drop is read with: its own ticket column mapping first, when client.yaml declares one. */
function formatsFor(client: ClientConfig): readonly AnyFormat[] {
  return client.ticket_columns ? [mappedTicketsCsv(client.ticket_columns) as never, ...formats] : formats;
}

async function readEvidenceFile(absolute: string, file: string, timezone: string, effective: string | null, candidates: readonly AnyFormat[]): Promise<ReadFile> {
  const [sha256, info] = await Promise.all([sha256File(absolute), stat(absolute)]);
  const base = { file, sha256, bytes: info.size, effective };
  let read: FileIngest<unknown>;
  try {
    read = await readEvidence({ path: absolute, file, timezone, effective: effective ?? '1970-01-01' }, candidates);
  } catch (error) {
    const unknown = error instanceof UnknownFormatError;
    if (!unknown && !(error instanceof DecodeError)) throw error;
    const rule = unknown ? 'file/unknown-format' : 'file/unreadable';
    return {
      file: { ...base, kind: 'unknown', format: 'unknown', rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0 },
      records: [],
      diagnostics: [{ file, line: unknown ? 1 : null, column: null, field: null, rule, severity: 'error', message: (error as Error).message, hint: rules[rule].hint }],
    };
  }
  const { records, diagnostics, format, kind, rowsRead, accepted, rejected, duplicates } = read;
  return { file: { ...base, kind, format, rowsRead, accepted, rejected, duplicates }, records, diagnostics };
}

export function sha256File(absolute: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(absolute).on('error', reject).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex')));
  });
}
