import { expect, it } from 'vitest';
import { assessControls, type ControlsInput } from '../../src/assess/controls/assess-controls.ts';
import { EvidenceRule } from '../../src/assess/controls/rule-file.ts';
import type { Control } from '../../src/frameworks/catalog-schema.ts';
import type { Framework } from '../../src/model/client.ts';
import type { RiskAcceptance } from '../../src/model/evidence.ts';
import { sampleReport } from '../support/sample-report.ts';

/** What a control's own page shows beyond its status: designation, every rule, freshness, exceptions, crosswalk siblings. */

const control = (framework: Framework, id: string, designation: Control['designation'] = null): Control => ({
  framework, id, parent: null, kind: 'requirement', title: `Control ${id}`, citation: id, designation, futureDated: false, owner: null, note: null, definedAt: { file: 'x.yaml', line: 1 },
});
const hipaa = [control('hipaa', '164.308(a)(1)(ii)(B)', 'required'), control('hipaa', '164.308(a)(6)(ii)', 'addressable'), control('hipaa', '164.310(d)(1)', 'required')];
const pci = [control('pci-dss-4.0.1', '11.3.1'), control('pci-dss-4.0.1', '12.10.1')];
const acceptance = (id: string, scope: string[], expires: string): RiskAcceptance => ({
  id, title: `Acceptance ${id}`, owner: 'Owner', approvedBy: 'Board', accepted: '2026-01-01', expires, scope, reason: 'why', source: { file: 'c/2026-Q3/risk-acceptances.yaml', line: 2 },
});

function input(): ControlsInput {
  const report = sampleReport({ findings: 10 });
  // The scan was 120 days before the period end: stale under a 92-day TTL, fresh under a 365-day one.
  report.ingest.files[0] = { ...report.ingest.files[0]!, effective: '2026-06-02' };
  return {
    frameworks: {
      catalogs: [
        { framework: 'hipaa', title: 'HIPAA', version: '1', source: { citation: 'HIPAA', url: null }, controls: hipaa },
        { framework: 'pci-dss-4.0.1', title: 'PCI', version: '1', source: { citation: 'PCI', url: null }, controls: pci },
      ],
      topics: [{ id: 'vulnerability-management', title: 'Vulnerability management', controls: [hipaa[0]!, pci[0]!] }],
    },
    rules: [
      EvidenceRule.parse({ id: 'scans-quarterly', title: 'Scans this quarter', check: 'findings-remediation', topics: ['vulnerability-management'], ttl_days: 92 }),
      EvidenceRule.parse({ id: 'scans-yearly', title: 'Scans this year', check: 'findings-remediation', controls: { hipaa: ['164.308(a)(1)(ii)(B)'] }, ttl_days: 365 }),
    ],
    scope: ['hipaa', 'pci-dss-4.0.1'],
    notApplicable: { '164.310(d)(1)': 'no removable media' },
    raci: [],
    documents: [],
    context: {
      periodEnd: report.period.end, findings: report.findings, tickets: report.tickets, files: report.ingest.files, scanSide: 'msp',
      records: {
        alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: [],
        riskAcceptances: [
          acceptance('RA-HOST', [report.findings.open[0]!.host], '2026-12-31'),
          acceptance('RA-OLD', [report.findings.open[1]!.key], '2026-06-30'),
          acceptance('RA-CONTROL', ['164.308(a)(6)(ii)'], '2027-03-31'),
          acceptance('RA-ELSEWHERE', ['192.0.2.99'], '2027-03-31'),
        ],
      },
      remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
    },
    previous: null,
  };
}

const find = (id: string) => assessControls(input()).controls.find((c) => c.id === id)!;

it('lists every rule that credits a control with its own outcome and TTL; the weakest decides', () => {
  const c = find('164.308(a)(1)(ii)(B)');
  expect(c.designation).toBe('required');
  expect(c.rules!.map((r) => [r.id, r.status, r.ttlDays])).toEqual([['scans-quarterly', 'gap', 92], ['scans-yearly', 'partial', 365]]);
  expect(c.rule!.id).toBe('scans-quarterly');
  expect(c.status).toBe('gap');
});

it('marks each piece of evidence fresh or stale by the TTL of the rule that used it, and an acceptance by its expiry', () => {
  const pciScan = find('11.3.1');
  expect(pciScan.rules!.map((r) => r.id)).toEqual(['scans-quarterly']);
  // The quarterly rule finds the scan stale and so lists nothing else.
  expect(pciScan.evidence.map((e) => [e.file, e.ttlDays, e.fresh])).toEqual([['sample-clinic/2026-Q3/nessus.csv', 92, false]]);
  const hipaaScan = find('164.308(a)(1)(ii)(B)');
  const byLabel = Object.fromEntries(hipaaScan.evidence.map((e) => [e.label.split(' (')[0], [e.ttlDays, e.fresh]]));
  expect(byLabel).toMatchObject({ 'sample-clinic/2026-Q3/nessus.csv': [92, false], 'risk acceptance RA-HOST': [null, true], 'risk acceptance RA-OLD': [null, false] });
});

it('names the risk acceptances that apply: those naming the control, and those covering a finding its remediation rule weighs', () => {
  expect(find('164.308(a)(1)(ii)(B)').exceptions!.map((x) => [x.id, x.inForce])).toEqual([['RA-HOST', true], ['RA-OLD', false]]);
  expect(find('164.308(a)(6)(ii)').exceptions!.map((x) => [x.id, x.expires, x.inForce])).toEqual([['RA-CONTROL', '2027-03-31', true]]);
  expect(find('164.308(a)(6)(ii)').status).toBe('not-assessed');
  expect(find('12.10.1').exceptions).toEqual([]);
});

it('relates a control to its crosswalk siblings in the other frameworks assessed for the client, with their status', () => {
  expect(find('164.308(a)(1)(ii)(B)').related).toEqual([{ framework: 'pci-dss-4.0.1', id: '11.3.1', title: 'Control 11.3.1', status: 'gap' }]);
  expect(find('11.3.1').related).toEqual([{ framework: 'hipaa', id: '164.308(a)(1)(ii)(B)', title: 'Control 164.308(a)(1)(ii)(B)', status: 'gap' }]);
  expect(find('164.310(d)(1)')).toMatchObject({ status: 'not-applicable', related: [], rules: [], exceptions: [] });
});
