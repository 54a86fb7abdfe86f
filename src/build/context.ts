import type { Diagnostic } from '../model/diagnostic.ts';
import type { MspConfig } from '../model/client.ts';
import type { PeriodId } from '../model/period.ts';
import type { IngestFile } from '../model/report.ts';
import type { SharedInputs } from './keys.ts';

/** Everything a worker needs to build any client: plain data, sent to each worker with its task. */
export interface BuildContext {
  dataDir: string;
  outDir: string;
  cacheDir: string;
  templatesDir: string;
  /** Where the development key lives (<work>/keys). */
  keysDir: string;
  msp: MspConfig;
  shared: SharedInputs;
  generatedAt: string;
  toolVersion: string;
  /** Build only this period (earlier ones are still assessed, for comparison). */
  period?: PeriodId;
  /** Rebuild and re-sign sealed past periods whose inputs changed, instead of refusing. */
  reseal: boolean;
}

/** The stages a client goes through, for progress and the time summary. */
export type StageName = 'assess' | 'site' | 'packet' | 'seal';
export type StageSeconds = Record<StageName, number>;
export const noSeconds = (): StageSeconds => ({ assess: 0, site: 0, packet: 0, seal: 0 });

/** Diagnostics kept per file for the CLI's ingest report; the portal's ingest page has them all. */
export const diagnosticsPerFile = 10;

/** Every file read and its first diagnostics, for the CLI's ingest report. */
export interface IngestAccount {
  files: IngestFile[];
  /** At most `diagnosticsPerFile` per file. */
  diagnostics: Diagnostic[];
  /** Diagnostics per file in all, where more were found than kept. */
  omitted: Record<string, number>;
}

/** One account from several, each file once (raci.csv is read for every period). */
export function mergeAccounts(accounts: IngestAccount[]): IngestAccount {
  const files = new Map<string, IngestFile>();
  const diagnostics = new Map<string, Diagnostic>();
  const omitted: Record<string, number> = {};
  for (const account of accounts) {
    for (const file of account.files) files.set(file.file, file);
    for (const d of account.diagnostics) diagnostics.set(JSON.stringify(d), d);
    Object.assign(omitted, account.omitted);
  }
  return { files: [...files.values()], diagnostics: [...diagnostics.values()], omitted };
}

/** Times a stage into `seconds`. */
export async function timed<T>(seconds: StageSeconds, stage: StageName, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    seconds[stage] += (performance.now() - started) / 1000;
  }
}
