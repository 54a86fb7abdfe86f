import path from 'node:path';
import { loadPolicy } from '../../src/build/policy.ts';
import { reportPeriods } from '../../src/build/report-periods.ts';
import type { ReportModel } from '../../src/model/report.ts';

/** Assesses the example drop's latest period of each client with the shipped catalogs and rules. */
export async function exampleReports(): Promise<Map<string, ReportModel>> {
  const root = path.join(import.meta.dirname, '..', '..');
  const policy = await loadPolicy(path.join(root, 'content'));
  const reports = new Map<string, ReportModel>();
  for (const clientId of ['smile-dental', 'ledger-cpa', 'hudson-brokerage']) {
    const periods = await reportPeriods(path.join(root, 'data'), clientId, { policy, generatedAt: '2026-10-01T00:00:00.000Z', toolVersion: 'test' });
    reports.set(clientId, periods.at(-1)!);
  }
  return reports;
}
