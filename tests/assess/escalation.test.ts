import { describe, expect, it } from 'vitest';
import { runCheck, type CheckContext } from '../../src/assess/controls/checks.ts';
import type { SiemAlert } from '../../src/model/evidence.ts';
import type { IngestFile } from '../../src/model/report.ts';
import { sampleReport } from '../support/sample-report.ts';

const alertsFile: IngestFile = {
  file: 'c/2026-Q3/alerts.csv', kind: 'alerts', format: 'generic-alerts-csv', sha256: 'a'.repeat(64), bytes: 10, effective: '2026-09-30', rowsRead: 1, accepted: 1, rejected: 0, duplicates: 0,
};

/** An alert acknowledged `ackMinutes` after it fired; null: never acknowledged; undefined: the export has no such column. */
const alert = (id: string, severity: SiemAlert['severity'], ackMinutes: number | null | undefined, escalatedTo?: string): SiemAlert => {
  const time = '2026-08-01T10:00:00.000Z';
  return {
    id, time, rule: 'r', title: 't', severity, host: 'WS01', status: 'closed', source: { file: alertsFile.file, line: 2 },
    ...(ackMinutes === undefined ? {} : { acknowledged: ackMinutes === null ? null : new Date(Date.parse(time) + ackMinutes * 60_000).toISOString(), escalated: escalatedTo !== undefined, escalatedTo: escalatedTo ?? '' }),
  };
};

function context(alerts: SiemAlert[], files: IngestFile[] = [alertsFile]): CheckContext {
  // The sample's ticket SLA: P1 acknowledged within 1 hour, P2 within 4.
  const report = sampleReport({ findings: 0 });
  expect(report.tickets.byPriority.slice(0, 2).map((p) => p.ackTargetHours)).toEqual([1, 4]);
  return {
    periodEnd: '2026-09-30', findings: report.findings, tickets: report.tickets, files, scanSide: 'msp',
    records: { alerts, restoreTests: [], accessReviews: [], remoteSessions: [], patches: [], riskAcceptances: [] },
    remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
  };
}

describe('incident-escalation: critical and high alerts acknowledged in time and escalated', () => {
  it('satisfied when each is acknowledged within its priority\'s target and every critical one escalated to a named ticket', () => {
    const outcome = runCheck('incident-escalation', context([alert('A1', 'critical', 50, 'INC-7'), alert('A2', 'high', 230), alert('A3', 'low', null)]), 92);
    expect(outcome).toMatchObject({ status: 'satisfied', reason: '2 critical or high alerts, each acknowledged within target (P1 for critical, P2 for high), 1 escalated with a recorded ticket or recipient' });
    expect(outcome!.evidence.map((e) => e.file)).toEqual([alertsFile.file]);
  });

  it('partial on a late or missing acknowledgment, an unescalated critical alert, or an escalation to nobody', () => {
    const outcome = runCheck('incident-escalation', context([
      alert('A1', 'critical', 61, 'INC-7'), alert('A2', 'high', null), alert('A3', 'critical', 5), alert('A4', 'high', 10, ''), alert('A5', 'high', 10),
    ]), 92);
    expect(outcome).toMatchObject({
      status: 'partial',
      reason: 'of 5 critical or high, 2 not acknowledged within target (A1, A2); 1 critical not escalated (A3); 1 escalated without saying to whom (A4)',
    });
  });

  it('partial when no critical or high alert fired; a gap with no alert export; nothing credited when the export has no acknowledgment times', () => {
    expect(runCheck('incident-escalation', context([alert('A1', 'medium', 30)]), 92)).toMatchObject({ status: 'partial', reason: '1 alert in the period, none critical or high: the response to one is not shown' });
    expect(runCheck('incident-escalation', context([], []), 92)).toMatchObject({ status: 'gap', reason: 'no SIEM or EDR alert export in this period' });
    expect(runCheck('incident-escalation', context([alert('A1', 'critical', undefined)]), 92)).toBeNull();
  });

  it('HIPAA 164.308(a)(6)(ii) asks for mitigation and documentation too: partial at best', () => {
    expect(runCheck('incident-escalation-hipaa', context([alert('A1', 'high', 30)]), 92))
      .toMatchObject({ status: 'partial', reason: expect.stringMatching(/^1 critical or high alert, each .*; not shown by this evidence: mitigation of harmful effects, and the documentation of incidents and their outcomes$/) });
  });
});
