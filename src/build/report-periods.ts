import { buildReport } from '../assess/report.ts';
import { readClient, readMsp, readPeriod, type ClientDrop } from '../ingest/drop.ts';
import type { MspConfig } from '../model/client.ts';
import type { PeriodId } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';
import { clientDocuments, clientLevelInputs, type ClientDocuments, type Policy } from './policy.ts';

/** What every period of a client is assessed with: its drop, its documents and its client-level inputs. */
export interface PreparedClient {
  drop: ClientDrop;
  documents: ClientDocuments;
  clientLevel: ReturnType<typeof clientLevelInputs>;
}

export async function prepareClient(dataDir: string, clientId: string, policy: Policy): Promise<PreparedClient> {
  const drop = await readClient(dataDir, clientId);
  const documents = await clientDocuments(dataDir, clientId, policy);
  return { drop, documents, clientLevel: clientLevelInputs(drop, documents) };
}

/** Reads one period's drop and assesses it against the previous period's report. */
export async function reportOfPeriod(
  dataDir: string,
  client: PreparedClient,
  options: { msp: MspConfig; policy: Policy; period: PeriodId; periods: PeriodId[]; previous: ReportModel | null; generatedAt: string; toolVersion: string },
): Promise<ReportModel> {
  const { drop, documents, clientLevel } = client;
  const evidence = await readPeriod(dataDir, drop.config, options.period);
  return buildReport({
    msp: options.msp,
    client: drop.config,
    period: options.period,
    periods: options.periods,
    previous: options.previous,
    findings: evidence.findings,
    tickets: evidence.tickets,
    records: evidence,
    raci: drop.raci,
    files: [...clientLevel.files, ...evidence.files],
    diagnostics: [...clientLevel.diagnostics, ...evidence.diagnostics],
    documents: documents.documents,
    generatedAt: options.generatedAt,
    toolVersion: options.toolVersion,
    policy: options.policy,
  });
}

/**
 * The report of every period of one client up to `until`, oldest first, computed afresh without
 * the build's cache: what `proofbook assess` prints. Each period is assessed against the one before.
 */
export async function reportPeriods(
  dataDir: string,
  clientId: string,
  options: { policy: Policy; until?: PeriodId; generatedAt: string; toolVersion: string },
): Promise<ReportModel[]> {
  const msp = await readMsp(dataDir);
  const client = await prepareClient(dataDir, clientId, options.policy);
  const periods = client.drop.periods;
  const reports: ReportModel[] = [];
  for (const period of periods.filter((p) => !options.until || p <= options.until)) {
    reports.push(await reportOfPeriod(dataDir, client, { ...options, msp, period, periods, previous: reports.at(-1) ?? null }));
  }
  return reports;
}
