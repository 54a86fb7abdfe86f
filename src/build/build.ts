import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../cli/user-error.ts';
import type { Progress } from '../cli/progress.ts';
import { listClients, readMsp } from '../ingest/drop.ts';
import type { PeriodId } from '../model/period.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { IngestFile, ReportModel } from '../model/report.ts';
import { launchBrowser } from '../packet/browser.ts';
import { buildPacket } from '../packet/packet.ts';
import { buildSites } from '../portal/build-sites.ts';
import { resolveSigningKey } from '../seal/keys.ts';
import { assessClient } from './assess-client.ts';
import { sealPeriod } from './seal-period.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Scratch space and the development key live here (default .proofbook). */
  workDir: string;
  /** Handlebars packet templates and print CSS; a copy of the bundled ones can be customised. */
  templatesDir: string;
  client?: string;
  period?: PeriodId;
  strict: boolean;
  env: NodeJS.ProcessEnv;
  progress: Progress;
  toolVersion: string;
}

export interface BuildSummary {
  clients: number;
  periods: number;
  pages: number;
  packets: string[];
  rowsRead: number;
  accepted: number;
  rejected: number;
  ingest: IngestAccount;
  developmentKey: boolean;
  seconds: Record<'assess' | 'site' | 'packet' | 'seal', number>;
}

/** Thrown when --strict finds rejected rows: the build writes nothing. */
export class StrictFailure extends Error {
  readonly ingest: IngestAccount;
  constructor(message: string, ingest: IngestAccount) {
    super(message);
    this.ingest = ingest;
  }
}

/** Every file read and every diagnostic, for the CLI's ingest report. */
export interface IngestAccount {
  files: IngestFile[];
  diagnostics: Diagnostic[];
}

export const packetFileName = (client: string, period: string): string => `${client}-${period}-packet.pdf`;

/** The whole pipeline: ingest and assess → portal → packets → seal. Disk, browser and key live here. */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const seconds = { assess: 0, site: 0, packet: 0, seal: 0 };
  const timed = async <T>(stage: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[stage] += (performance.now() - started) / 1000;
    }
  };
  const { dataDir, outDir, progress } = options;
  const generatedAt = buildTime(options.env);
  const msp = await readMsp(dataDir);
  const clientIds = options.client ? [options.client] : await listClients(dataDir);
  if (clientIds.length === 0) throw new UserError(`no client folders in ${dataDir}`, 'Each client is a folder under the data folder holding a client.yaml.');

  progress.start(clientIds.length, 'clients assessed');
  const assessed = await timed('assess', async () => {
    const all = [];
    for (const clientId of clientIds) {
      progress.step(`${clientId}: ingest and assess`);
      all.push(await assessClient(dataDir, clientId, msp, { period: options.period, generatedAt, toolVersion: options.toolVersion }));
      progress.advance(clientId);
    }
    return all;
  });
  progress.stop();
  const reports = assessed.flatMap((c) => c.reports);
  if (options.period && reports.length === 0) {
    throw new UserError(`no client has data for period ${options.period}`, 'Check the folder names under data/<client>/ (YYYY-Qn).');
  }
  const ingest = ingestAccount(reports);
  const rejected = reports.reduce((n, r) => n + r.ingest.totals.rejected, 0);
  if (options.strict && rejected > 0) {
    throw new StrictFailure(`--strict: ${rejected} rows were rejected; nothing was built`, ingest);
  }

  const site = await timed('site', async () => {
    progress.start(1, 'portal builds');
    progress.step(`portal: ${reports.length} client periods`);
    // Astro needs its scratch folder inside the current directory; one per process keeps parallel builds apart.
    const workDir = path.join(process.cwd(), '.proofbook', `site-work-${process.pid}`);
    const result = await buildSites(reports, { outDir: path.join(outDir, 'sites'), workDir }).finally(() => rm(workDir, { recursive: true, force: true }));
    progress.advance('portal');
    progress.stop();
    return result;
  });

  const key = await resolveSigningKey(options.env, path.join(options.workDir, 'keys'));
  const packets = await timed('packet', () => writePackets(reports, options, key, progress));

  await timed('seal', async () => {
    for (const { clientId, reports: clientReports } of assessed) {
      for (const report of clientReports) {
        await sealPeriod({ outDir, dataDir, report, key, extraInputs: ['msp.yaml', `${clientId}/client.yaml`] });
      }
    }
  });

  return {
    clients: assessed.length,
    periods: reports.length,
    pages: site.pages,
    packets,
    rowsRead: ingest.files.reduce((n, f) => n + f.rowsRead, 0),
    accepted: ingest.files.reduce((n, f) => n + f.accepted, 0),
    rejected: ingest.files.reduce((n, f) => n + f.rejected, 0),
    ingest,
    developmentKey: key.development,
    seconds,
  };
}

async function writePackets(reports: ReportModel[], options: BuildOptions, key: Awaited<ReturnType<typeof resolveSigningKey>>, progress: Progress): Promise<string[]> {
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    progress.start(reports.length, 'packets');
    for (const report of reports) {
      progress.step(`${report.client.id} ${report.period.id}: packet`);
      const packet = await buildPacket(report, { browser, templatesDir: options.templatesDir, key, signedWithDevelopmentKey: key.development });
      const folder = path.join(options.outDir, 'packets', report.client.id, report.period.id);
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, packetFileName(report.client.id, report.period.id));
      await writeFile(file, packet.signed);
      written.push(file);
      progress.advance(`${report.client.id} ${report.period.id}`);
    }
    progress.stop();
  } finally {
    await browser.close();
  }
  return written;
}

/** Client-level files (raci.csv) appear in every period's report; the account lists them once. */
function ingestAccount(reports: ReportModel[]): IngestAccount {
  const files = new Map<string, IngestFile>();
  const diagnostics = new Map<string, Diagnostic>();
  for (const report of reports) {
    for (const file of report.ingest.files) files.set(file.file, file);
    for (const d of report.ingest.diagnostics) diagnostics.set(JSON.stringify(d), d);
  }
  return { files: [...files.values()], diagnostics: [...diagnostics.values()] };
}

/** SOURCE_DATE_EPOCH (seconds) makes the build date, and so the outputs, reproducible. */
export function buildTime(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) throw new UserError(`SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds`, 'Set it to a Unix time, e.g. $(git log -1 --format=%ct), or unset it.');
  return new Date(Number(epoch) * 1000).toISOString();
}
