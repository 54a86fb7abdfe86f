import { buildReport } from '../assess/report.ts';
import { readClient, readMsp, readPeriod } from '../ingest/drop.ts';
import type { PeriodId } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';
import { clientDocuments, clientLevelInputs, type Policy } from './policy.ts';

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
  const drop = await readClient(dataDir, clientId);
  const documents = await clientDocuments(dataDir, clientId, options.policy);
  const clientLevel = clientLevelInputs(drop, documents);
  const reports: ReportModel[] = [];
  for (const period of drop.periods.filter((p) => !options.until || p <= options.until)) {
    const evidence = await readPeriod(dataDir, drop.config, period);
    reports.push(
      buildReport({
        msp, client: drop.config, period, periods: drop.periods, previous: reports.at(-1) ?? null,
        findings: evidence.findings, tickets: evidence.tickets, records: evidence, raci: drop.raci,
        files: [...clientLevel.files, ...evidence.files], diagnostics: [...clientLevel.diagnostics, ...evidence.diagnostics], documents: documents.documents,
        generatedAt: options.generatedAt, toolVersion: options.toolVersion, policy: options.policy,
      }),
    );
  }
  return reports;
}
