import { describe, expect, it } from 'vitest';
import { runCheck, type CheckContext, type KindRecords } from '../../src/assess/controls/checks.ts';
import type { IngestFile } from '../../src/model/report.ts';
import { sampleReport } from '../support/sample-report.ts';

const source = { file: 'c/2026-Q3/x.csv', line: 2 };
const file = (kind: IngestFile['kind'], effective = '2026-09-30'): IngestFile => ({
  file: `c/2026-Q3/${kind}.csv`, kind, format: `generic-${kind}-csv`, sha256: 'a'.repeat(64), bytes: 10, effective, rowsRead: 1, accepted: 1, rejected: 0, duplicates: 0,
});
const none: KindRecords = { alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: [], riskAcceptances: [] };

function context(records: Partial<KindRecords>, files: IngestFile[], report = sampleReport({ findings: 10 })): CheckContext {
  return {
    periodEnd: '2026-09-30', findings: report.findings, tickets: report.tickets, files: [...report.ingest.files, ...files], scanSide: 'msp',
    records: { ...none, ...records }, remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
  };
}

const restore = (system: string, result: 'pass' | 'fail', rtoAchieved: number, tested = '2026-08-15T02:00:00.000Z') =>
  ({ system, tested, rpoTargetHours: 24, rpoAchievedHours: 4, rtoTargetHours: 4, rtoAchievedHours: rtoAchieved, result, performedBy: 'msp', source });

describe('evidence checks', () => {
  it('restore tests: satisfied, partial on a miss of RTO, gap when none is recent', () => {
    expect(runCheck('restore-tests', context({ restoreTests: [restore('EHR', 'pass', 2)] }, [file('restore-tests')]), 92)).toMatchObject({ status: 'satisfied' });
    const missed = runCheck('restore-tests', context({ restoreTests: [restore('EHR', 'pass', 2), restore('Files', 'pass', 9)] }, [file('restore-tests')]), 92);
    expect(missed).toMatchObject({ status: 'partial', reason: '1 of 2 restore tests failed or missed their RPO/RTO (Files)' });
    expect(runCheck('restore-tests', context({ restoreTests: [restore('EHR', 'pass', 2, '2026-03-01T00:00:00.000Z')] }, [file('restore-tests')]), 92).status).toBe('gap');
  });

  it('access review: privileged accounts must be among those reviewed', () => {
    const review = (privileged: boolean) => ({ system: 'M365', account: 'a', access: 'admin', privileged, reviewer: 'Dana', reviewed: '2026-09-01', decision: 'keep' as const, source });
    expect(runCheck('access-review', context({ accessReviews: [review(true)] }, [file('access-reviews')]), 92).status).toBe('satisfied');
    expect(runCheck('access-review', context({ accessReviews: [review(false)] }, [file('access-reviews')]), 92).status).toBe('partial');
    expect(runCheck('access-review', context({}, []), 92).status).toBe('gap');
  });

  it('remote sessions: an unrecorded or unapproved vendor session makes it partial', () => {
    const session = (recorded: boolean, approvalTicket: string) => ({ id: 'S', user: 'u', party: 'vendor', target: 'XRAY', start: '2026-08-01T10:00:00.000Z', end: null, durationMinutes: 30, recorded, approvalTicket, source });
    expect(runCheck('remote-sessions', context({ remoteSessions: [session(true, 'T-1')] }, [file('remote-sessions')]), 92).status).toBe('satisfied');
    expect(runCheck('remote-sessions', context({ remoteSessions: [session(true, 'T-1'), session(false, '')] }, [file('remote-sessions')]), 92)).toMatchObject({
      status: 'partial', reason: 'of 2 remote sessions, 1 had no approving ticket and 1 were not recorded',
    });
  });

  it('patch status: a critical patch missing longer than its remediation days', () => {
    const patch = (released: string, status: 'installed' | 'missing') => ({ device: 'PC1', patchId: 'KB1', title: 'CU', severity: 'critical' as const, status, released, installed: null, source });
    expect(runCheck('patch-status', context({ patches: [patch('2026-09-25', 'missing')] }, [file('patches')]), 92).status).toBe('satisfied');
    expect(runCheck('patch-status', context({ patches: [patch('2026-08-01', 'missing')] }, [file('patches')]), 92).status).toBe('partial');
  });

  it('SIEM monitoring: an open critical alert makes it partial', () => {
    const alert = (status: 'open' | 'closed') => ({ id: 'A', time: '2026-09-01T00:00:00.000Z', rule: 'r', title: 't', severity: 'critical' as const, host: 'h', status, source });
    expect(runCheck('siem-monitoring', context({ alerts: [alert('closed')] }, [file('alerts')]), 92).status).toBe('satisfied');
    expect(runCheck('siem-monitoring', context({ alerts: [alert('open')] }, [file('alerts')]), 92).status).toBe('partial');
  });

  it('a risk acceptance in force covers overdue findings; an expired one no longer counts', () => {
    const report = sampleReport({ findings: 10 });
    report.findings.open = report.findings.open.filter((f) => f.severity === 'critical');
    const hosts = report.findings.open.map((f) => f.host);
    const acceptance = (expires: string) => ({ id: 'RA-1', title: 'legacy', owner: 'Dana', approvedBy: 'Dr Lee', accepted: '2026-04-01', expires, scope: hosts, reason: 'vendor', source });
    const inForce = runCheck('findings-remediation', context({ riskAcceptances: [acceptance('2026-12-31')] }, [], report), 92);
    expect(inForce).toMatchObject({ status: 'satisfied' });
    expect(inForce.reason).toMatch(/2 covered by a risk acceptance in force/);
    expect(inForce.evidence.map((e) => e.label)).toContain('risk acceptance RA-1 (Dana, expires 2026-12-31)');
    const lapsed = runCheck('findings-remediation', context({ riskAcceptances: [acceptance('2026-09-01')] }, [], report), 92);
    expect(lapsed).toMatchObject({ status: 'partial' });
    expect(lapsed.reason).toMatch(/2 under an expired acceptance, which no longer counts/);
  });
});
