import { expect, it } from 'vitest';
import { assessFindings } from '../../src/assess/findings.ts';
import { openItems } from '../../src/assess/open-items.ts';
import { periodBounds } from '../../src/model/period.ts';
import type { ControlAssessment } from '../../src/model/report.ts';
import type { Finding, RiskAcceptance } from '../../src/model/evidence.ts';

const bounds = periodBounds('2026-Q3');
const sla = { critical: 15, high: 30, medium: 90, low: 180 };
const finding = (plugin: string, severity: Finding['severity'], firstSeen: string): Finding => ({
  key: `nessus|${plugin}|10.0.0.1|443|tcp`, scanner: 'nessus', pluginId: plugin, title: `Plugin ${plugin}`, severity, host: '10.0.0.1', port: 443, protocol: 'tcp',
  cves: [], output: '', solution: '', firstSeen, lastSeen: '2026-09-20T00:00:00.000Z', status: 'open', fixedAt: null, source: { file: 'c/2026-Q3/scan.csv', line: 2 },
});
const control = (id: string, status: ControlAssessment['status'], accountable: ControlAssessment['accountable'], rules: string[] = []): ControlAssessment => ({
  framework: 'nydfs-500', id, title: `Control ${id}`, citation: id, status, rule: null, reason: `Reason ${id}`, evidence: [], accountable, responsible: [], raciIssues: [], previousStatus: null,
  rules: rules.map((rule) => ({ id: rule, title: rule, status: 'partial', reason: '', ttlDays: 92 })),
});
const acceptance = (id: string, scope: string[], expires: string): RiskAcceptance => ({
  id, title: id, owner: 'Owner', approvedBy: 'Board', accepted: '2026-01-01', expires, scope, reason: 'why', source: { file: 'c/2026-Q3/ra.yaml', line: 1 },
});

// The due dates come from the findings assessment: first seen + the SLA days of the severity.
const findings = assessFindings(
  [
    finding('1', 'critical', '2026-09-01T08:00:00.000Z'), // due 2026-09-16: overdue at 2026-09-30
    finding('2', 'high', '2026-09-20T08:00:00.000Z'), // due 2026-10-20: not yet
    finding('3', 'medium', '2026-05-01T08:00:00.000Z'), // due 2026-07-30: overdue
    finding('4', 'low', '2026-09-01T08:00:00.000Z'), // due 2027-02-28, low and not overdue: not an open item
    finding('5', 'info', '2026-01-01T08:00:00.000Z'), // no SLA: never an open item
  ],
  null, bounds, sla,
);
const controls = {
  frameworks: [],
  controls: [
    control('500.5(a)(2)', 'partial', 'msp', ['scans']),
    control('500.7(a)(1)', 'gap', 'internal'),
    control('500.12(a)', 'gap', null),
    control('500.14(b)', 'satisfied', 'msp'),
  ],
};

it('lists overdue findings first, then by due date, each due first seen + SLA days, owned by the side accountable for remediation', () => {
  const items = openItems({
    findings, controls, periodEnd: bounds.end, remediationRules: ['scans'],
    riskAcceptances: [acceptance('RA-1', ['500.7(a)(1)'], '2026-11-30'), acceptance('RA-2', ['500.12(a)'], '2026-06-30'), acceptance('RA-3', ['500.7(a)(1)'], '2027-01-31')],
  });
  expect(items.map((i) => [i.kind, i.id.split('|')[1] ?? i.id, i.due, i.dueBasis, i.overdue, i.ownerSide])).toEqual([
    ['finding', '3', '2026-07-30', 'sla', true, 'msp'],
    ['finding', '1', '2026-09-16', 'sla', true, 'msp'],
    // A gap whose only acceptance expired is due at the period's end.
    ['control', '500.12(a)', '2026-09-30', 'period-end', false, null],
    ['control', '500.5(a)(2)', '2026-09-30', 'period-end', false, 'msp'],
    ['finding', '2', '2026-10-20', 'sla', false, 'msp'],
    // The earliest acceptance in force that names the control sets its due date.
    ['control', '500.7(a)(1)', '2026-11-30', 'risk-acceptance', false, 'internal'],
  ]);
  expect(items[0]!.reason).toBe('medium finding on 10.0.0.1:443/tcp, first seen 2026-05-01, 90 days to fix');
  expect(items.find((i) => i.id === '500.5(a)(2)')).toMatchObject({ framework: 'nydfs-500', status: 'partial', severity: null, reason: 'Reason 500.5(a)(2)' });
});

it('names no owner of findings when the controls its remediation rules credit have no single accountable side', () => {
  const split = { frameworks: [], controls: [control('500.5(a)(2)', 'partial', 'msp', ['scans']), control('11.3.1', 'partial', 'internal', ['scans'])] };
  const items = openItems({ findings, controls: split, periodEnd: bounds.end, remediationRules: ['scans'], riskAcceptances: [] });
  expect(new Set(items.filter((i) => i.kind === 'finding').map((i) => i.ownerSide))).toEqual(new Set([null]));
});
