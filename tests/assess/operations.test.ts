import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/build/policy.ts';
import { reportPeriods } from '../../src/build/report-periods.ts';

const root = path.join(import.meta.dirname, '..', '..');

describe('operational evidence on the example drop', () => {
  it('lists restore tests against RPO/RTO, flags loose remote sessions, and counts patch compliance per device', async () => {
    const policy = await loadPolicy(path.join(root, 'content'));
    const [, q3] = await reportPeriods(path.join(root, 'data'), 'ledger-cpa', { policy, generatedAt: '2026-10-01T00:00:00.000Z', toolVersion: 'test' });
    const ops = q3!.operations;
    expect(ops.restoreTests.map((t) => [t.system, t.result, t.rtoMet])).toEqual([
      ['Document management', 'partial', false], ['Tax software database', 'pass', true], ['File server', 'pass', true],
    ]);
    expect(ops.accessReviews.rows).toEqual([]);
    expect(ops.remoteSessions).toMatchObject({ flagged: 0 });
    // Every device of the inventory once: the workstations and the other hosts the scans see.
    const inventory = readFileSync(path.join(root, 'data', 'ledger-cpa', '2026-Q3', 'patches.csv'), 'utf8').trim().split('\n').slice(1);
    expect(ops.patches.devices).toHaveLength(new Set(inventory.map((row) => row.split(',')[0])).size);
    expect(ops.patches.devices.length).toBeGreaterThan(8);
    expect(ops.patches.compliantDevices).toBeLessThan(ops.patches.devices.length);
    expect(ops.patches.missing.some((p) => p.overdue && p.severity === 'critical')).toBe(true);
    expect(ops.alerts.bySeverity.find((s) => s.severity === 'high')!.open).toBe(1);
    const smile = (await reportPeriods(path.join(root, 'data'), 'smile-dental', { policy, generatedAt: '2026-10-01T00:00:00.000Z', toolVersion: 'test' })).at(-1)!;
    expect(smile.operations.remoteSessions.flagged).toBe(1);
    expect(smile.operations.remoteSessions.rows.find((s) => s.flagged)).toMatchObject({ recorded: false, approvalTicket: '' });
    const hudson = (await reportPeriods(path.join(root, 'data'), 'hudson-brokerage', { policy, generatedAt: '2026-10-01T00:00:00.000Z', toolVersion: 'test' })).at(-1)!;
    expect(hudson.operations.riskAcceptances.map((a) => [a.id, a.inForce])).toEqual([['RA-2026-004', true], ['RA-2026-002', false]]);
    // The MSP-wide patch procedure names NYDFS and PCI controls only: the HIPAA clinic does not list it.
    expect(hudson.documents.map((d) => d.file)).toContain('content/policies/msp-patch-management-procedure.md');
    expect(smile.documents.map((d) => d.file)).toEqual(['smile-dental/policies/contingency-plan.md', 'smile-dental/policies/hipaa-security-policies.md']);
  });
});
