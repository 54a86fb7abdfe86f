import { describe, expect, it } from 'vitest';
import { assessFindings } from '../../src/assess/findings.ts';
import { findingKey, type Finding } from '../../src/model/evidence.ts';
import { periodBounds } from '../../src/model/period.ts';

const sla = { critical: 15, high: 30, medium: 90, low: 180 };

function finding(pluginId: string, severity: Finding['severity'], overrides: Partial<Finding> = {}): Finding {
  const identity = { scanner: 'nessus', pluginId, host: '10.0.0.5', port: 443, protocol: 'tcp' };
  return {
    key: findingKey(identity), ...identity, title: `Plugin ${pluginId}`, severity, cves: [], output: '', solution: '',
    firstSeen: null, lastSeen: '2026-06-20T00:00:00.000Z', status: 'open', fixedAt: null, source: { file: 'c/p/n.csv', line: 2 }, ...overrides,
  };
}

describe('assessFindings', () => {
  const q2 = assessFindings(
    [finding('1', 'critical'), finding('2', 'high'), finding('3', 'medium'), finding('4', 'info')],
    null,
    periodBounds('2026-Q2'),
    sla,
  );

  it('dates a finding from the scan that first saw it and measures its age at the period end', () => {
    const critical = q2.open.find((f) => f.pluginId === '1')!;
    expect(critical).toMatchObject({ firstSeen: '2026-06-20T00:00:00.000Z', ageDays: 10, slaDays: 15, dueDate: '2026-07-05', sla: 'within', change: 'new' });
    expect(q2.open.find((f) => f.pluginId === '4')).toMatchObject({ slaDays: null, dueDate: null, sla: 'no-sla' });
  });

  it('sorts open findings most severe first', () => {
    expect(q2.open.map((f) => f.severity)).toEqual(['critical', 'high', 'medium', 'info']);
  });

  const q3 = assessFindings(
    [
      finding('1', 'critical', { lastSeen: '2026-09-20T00:00:00.000Z' }),
      finding('3', 'medium', { lastSeen: '2026-09-20T00:00:00.000Z' }),
      finding('5', 'low', { lastSeen: '2026-09-20T00:00:00.000Z' }),
    ],
    q2,
    periodBounds('2026-Q3'),
    sla,
  );

  it('marks findings new, persisting and fixed against the previous period', () => {
    expect(q3.open.map((f) => [f.pluginId, f.change])).toEqual([['1', 'persisting'], ['3', 'persisting'], ['5', 'new']]);
    expect(q3.fixed.map((f) => [f.pluginId, f.change])).toEqual([['2', 'fixed'], ['4', 'fixed']]);
  });

  it('keeps the first-seen date across periods, so a persisting critical breaches its SLA', () => {
    expect(q3.open[0]).toMatchObject({ firstSeen: '2026-06-20T00:00:00.000Z', ageDays: 102, sla: 'breached' });
    expect(q3.fixed.find((f) => f.pluginId === '2')).toMatchObject({ ageDays: 92, sla: 'fixed-late' });
  });

  it('counts per severity and in total', () => {
    expect(q3.bySeverity.find((s) => s.severity === 'critical')).toMatchObject({ open: 1, persisting: 1, breached: 1, withinSla: 0, fixed: 0 });
    // The medium seen in June is 102 days old at the end of September: past its 90 days too.
    expect(q3.totals).toEqual({ open: 3, new: 1, persisting: 2, reopened: 0, fixed: 2, withinSla: 1, breached: 2 });
  });

  it('calls a finding seen again after it was fixed reopened', () => {
    const q4 = assessFindings([finding('2', 'high', { lastSeen: '2026-12-01T00:00:00.000Z' })], q3, periodBounds('2026-Q4'), sla);
    expect(q4.open[0]?.change).toBe('reopened');
  });

  it('does not call findings fixed when their scanner did not report this period', () => {
    const other = assessFindings([finding('9', 'low', { scanner: 'asm', key: 'asm|9|10.0.0.5|443|tcp' })], q2, periodBounds('2026-Q3'), sla);
    expect(other.fixed).toEqual([]);
  });
});
