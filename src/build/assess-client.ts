import { buildReport } from '../assess/report.ts';
import { readClient, readPeriod } from '../ingest/drop.ts';
import type { MspConfig } from '../model/client.ts';
import type { PeriodId } from '../model/period.ts';
import type { IngestFile, ReportModel } from '../model/report.ts';

export interface ClientReports {
  clientId: string;
  /** Reports of the selected periods, oldest first. */
  reports: ReportModel[];
  /** Client-level inputs (client.yaml is added by the caller; raci.csv here). */
  clientFiles: IngestFile[];
}

/**
 * Reads and assesses every period of one client in order — each period needs the one before it
 * for new/persisting/fixed — and keeps the reports of the selected periods.
 */
export async function assessClient(
  dataDir: string,
  clientId: string,
  msp: MspConfig,
  options: { period?: PeriodId; generatedAt: string; toolVersion: string },
): Promise<ClientReports> {
  const drop = await readClient(dataDir, clientId);
  const reports: ReportModel[] = [];
  let previous: ReportModel | null = null;
  for (const period of drop.periods) {
    if (options.period && period > options.period) break;
    const evidence = await readPeriod(dataDir, drop.config, period);
    const report: ReportModel = buildReport({
      msp,
      client: drop.config,
      period,
      periods: drop.periods,
      previous,
      findings: evidence.findings,
      tickets: evidence.tickets,
      raci: drop.raci,
      files: drop.raciFile ? [drop.raciFile, ...evidence.files] : evidence.files,
      diagnostics: [...drop.raciDiagnostics, ...evidence.diagnostics],
      generatedAt: options.generatedAt,
      toolVersion: options.toolVersion,
    });
    if (!options.period || period === options.period) reports.push(report);
    previous = report;
  }
  return { clientId, reports, clientFiles: drop.raciFile ? [drop.raciFile] : [] };
}
