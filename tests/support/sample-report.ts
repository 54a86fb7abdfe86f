import { previousPeriodId } from '../../src/model/period.ts';
import { ReportModel } from '../../src/model/report.ts';
import type { FindingRow, TicketBreach } from '../../src/model/report.ts';

/**
 * A small, valid report model for renderer tests, so the portal and packet can be tested without
 * running ingest. `findings` controls the length of the long tables; `marker` is planted in text fields.
 */
export function sampleReport(options: { clientId?: string; period?: string; findings?: number; marker?: string } = {}): ReportModel {
  const clientId = options.clientId ?? 'sample-clinic';
  const period = options.period ?? '2026-Q3';
  const marker = options.marker ?? '';
  const open: FindingRow[] = Array.from({ length: options.findings ?? 12 }, (_, i) => ({
    key: `nessus|${10000 + i}|10.0.0.${i % 250}|443|tcp`,
    scanner: 'nessus',
    pluginId: String(10000 + i),
    title: `Sample finding ${i + 1} ${marker}`.trim(),
    severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5]!,
    host: `10.0.0.${i % 250}`,
    port: 443,
    protocol: 'tcp',
    cves: i % 3 === 0 ? [`CVE-2026-${1000 + i}`] : [],
    output: `Output line for finding ${i + 1}\nsecond line ${marker}`,
    solution: 'Apply the vendor update.',
    firstSeen: '2026-05-01T00:00:00.000Z',
    ageDays: 153,
    slaDays: i % 5 === 4 ? null : 30,
    dueDate: i % 5 === 4 ? null : '2026-05-31',
    sla: i % 5 === 4 ? 'no-sla' : 'breached',
    change: i % 2 === 0 ? 'persisting' : 'new',
    source: { file: `${clientId}/${period}/nessus.csv`, line: 2 + i },
  }));
  const breach: TicketBreach = {
    id: 'T-1001',
    title: `Server down ${marker}`.trim(),
    priority: 'P1',
    ownerSide: 'msp',
    assignee: 'tech1',
    measure: 'acknowledgment',
    actualHours: 2.5,
    targetHours: 1,
    outstanding: false,
    created: '2026-07-02T14:00:00.000Z',
    source: { file: `${clientId}/${period}/tickets.csv`, line: 7 },
  };
  return ReportModel.parse({
    schemaVersion: 1,
    client: {
      id: clientId,
      name: `Sample Clinic ${marker}`.trim(),
      frameworks: [{ id: 'hipaa', name: 'HIPAA Security Rule (45 CFR 164)' }],
      complianceOwner: { name: 'Dana Reyes', title: 'Practice Administrator' },
      packetTagged: false,
    },
    msp: { name: 'Harborline Managed IT' },
    period: { id: period, start: '2026-07-01', end: '2026-09-30' },
    periods: [previousPeriodId(period), period],
    previousPeriod: previousPeriodId(period),
    generatedAt: '2026-10-05T12:00:00.000Z',
    toolVersion: '0.1.0',
    headlines: [
      { label: 'Open findings past SLA', value: '3', status: 'fail', detail: '3 of 12 open findings are past their remediation date' },
      { label: 'Ticket acknowledgment P95', value: '4 of 4 priorities met', status: 'ok', detail: 'P95 at or below target for every priority' },
      { label: 'Rows rejected at ingest', value: '1', status: 'warn', detail: '13 rows read in 1 file: 12 accepted, 1 rejected' },
    ],
    findings: {
      bySeverity: (['critical', 'high', 'medium', 'low', 'info'] as const).map((severity) => ({
        severity, slaDays: severity === 'info' ? null : 30, open: 2, new: 1, persisting: 1, reopened: 0, fixed: 1, withinSla: 1, breached: 1,
      })),
      totals: { open: 10, new: 5, persisting: 5, reopened: 0, fixed: 5, withinSla: 5, breached: 5 },
      open,
      fixed: open.slice(0, 2).map((f) => ({ ...f, change: 'fixed' as const, sla: 'fixed-in-time' as const })),
    },
    tickets: {
      byPriority: (['P1', 'P2', 'P3', 'P4'] as const).map((priority, i) => ({
        priority, tickets: 10 * (i + 1), open: i, ackTargetHours: [1, 4, 8, 24][i]!, resolveTargetHours: [8, 24, 72, 168][i]!,
        ackP50: 0.4 * (i + 1), ackP95: 0.9 * (i + 1), resolveP50: 3 * (i + 1), resolveP95: 7 * (i + 1),
        ackMet: true, resolveMet: i !== 0, ackBreaches: i === 0 ? 1 : 0, resolveBreaches: 0,
      })),
      bySide: [{ side: 'msp', tickets: 80, breaches: 1 }, { side: 'internal', tickets: 20, breaches: 0 }],
      breaches: [breach],
      total: 100,
    },
    raci: [
      { task: 'Vulnerability scanning', controls: ['164.308(a)(1)(ii)(A)'], responsible: ['msp'], accountable: 'internal', consulted: [], informed: ['internal'], source: { file: `${clientId}/raci.csv`, line: 2 } },
    ],
    ingest: {
      files: [
        { file: `${clientId}/${period}/nessus.csv`, kind: 'findings', format: 'nessus-csv', sha256: 'a'.repeat(64), bytes: 1234, effective: '2026-09-20', rowsRead: 13, accepted: 12, rejected: 1, duplicates: 1 },
      ],
      diagnostics: [
        { file: `${clientId}/${period}/nessus.csv`, line: 9, column: 4, field: 'Risk', rule: 'field/invalid-value', severity: 'error', message: `Risk "Severe" is not one of None, Low, Medium, High, Critical ${marker}`.trim(), hint: 'Use one of the values listed in the message.' },
      ],
      totals: { rowsRead: 13, accepted: 12, rejected: 1, duplicates: 1 },
    },
  });
}
