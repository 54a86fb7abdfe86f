import { describe, expect, it } from 'vitest';
import { assessControls, type ControlsInput } from '../../src/assess/controls/assess-controls.ts';
import type { CheckContext } from '../../src/assess/controls/checks.ts';
import { EvidenceRule } from '../../src/assess/controls/rule-file.ts';
import type { Control } from '../../src/frameworks/catalog-schema.ts';
import type { Frameworks } from '../../src/frameworks/load.ts';
import type { Framework } from '../../src/model/client.ts';
import type { RaciEntry } from '../../src/model/evidence.ts';
import { sampleReport } from '../support/sample-report.ts';

const control = (framework: Framework, id: string, kind: Control['kind'] = 'requirement', parent: string | null = null): Control => ({
  framework, id, parent, kind, title: `Control ${id}`, citation: id, designation: null, futureDated: false, owner: null, note: null, definedAt: { file: 'x.yaml', line: 1 },
});

const catalog = (framework: Framework, controls: Control[]) => ({ framework, title: framework, version: '1', source: { citation: framework, url: null }, controls });

const hipaa = [control('hipaa', '164.308(a)(1)', 'standard'), control('hipaa', '164.308(a)(1)(ii)(A)', 'implementation-specification', '164.308(a)(1)'), control('hipaa', '164.310(d)(1)', 'standard')];
const pci = [control('pci-dss-4.0.1', '11', 'principal-requirement'), control('pci-dss-4.0.1', '11.3.1', 'requirement', '11'), control('pci-dss-4.0.1', '12.10.1'), control('pci-dss-4.0.1', '0', 'section')];
const frameworks: Frameworks = {
  catalogs: [catalog('hipaa', hipaa), catalog('pci-dss-4.0.1', pci)],
  topics: [{ id: 'vulnerability-management', title: 'Vulnerability management', controls: [hipaa[1]!, pci[1]!] }],
};

const rules = [
  EvidenceRule.parse({ id: 'scans', title: 'Scans ran and findings are fixed in time', check: 'findings-remediation', topics: ['vulnerability-management'], ttl_days: 92 }),
  EvidenceRule.parse({ id: 'tickets', title: 'Ticket SLA met', check: 'ticket-sla', controls: { 'pci-dss-4.0.1': ['12.10.1'] }, ttl_days: 92 }),
];

const raciRow = (task: string, controls: string[], accountable: RaciEntry['accountable'], responsible: RaciEntry['responsible']): RaciEntry => ({
  task, controls, responsible, accountable, consulted: [], informed: [], source: { file: 'c/raci.csv', line: 2 },
});

/** The sample with a ticket export beside its scan. */
function sampleWithTickets() {
  const report = sampleReport({ findings: 10 });
  const scan = report.ingest.files[0]!;
  report.ingest.files.push({ ...scan, file: 'sample-clinic/2026-Q3/tickets.csv', kind: 'tickets', format: 'generic-tickets-csv', effective: '2026-09-30' });
  return report;
}

function input(overrides: Partial<ControlsInput> = {}, report = sampleWithTickets()): ControlsInput {
  const context: CheckContext = {
    periodEnd: report.period.end, findings: report.findings, tickets: report.tickets, files: report.ingest.files, scanSide: 'msp',
    records: { alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: [], riskAcceptances: [] },
    remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
  };
  return {
    frameworks,
    rules,
    scope: ['hipaa', 'pci-dss-4.0.1'],
    notApplicable: {},
    raci: [raciRow('Vulnerability scanning', ['164.308(a)(1)(ii)(A)', '11.3.1'], 'internal', ['msp'])],
    documents: [],
    context,
    previous: null,
    ...overrides,
  };
}

const find = (section: ReturnType<typeof assessControls>, id: string) => section.controls.find((c) => c.id === id)!;

describe('assessControls', () => {
  it('credits one scan to the related controls of every framework through the crosswalk', () => {
    const section = assessControls(input());
    expect(find(section, '164.308(a)(1)(ii)(A)')).toMatchObject({ status: 'partial', rule: { id: 'scans' }, accountable: 'internal', responsible: ['msp'], raciIssues: [] });
    expect(find(section, '11.3.1')).toMatchObject({ status: 'partial', rule: { id: 'scans' } });
    expect(find(section, '11.3.1').reason).toMatch(/critical or high findings are open past/);
    expect(find(section, '11.3.1').evidence.map((e) => e.file)).toContain('sample-clinic/2026-Q3/nessus.csv');
  });

  it('is satisfied when the scan is fresh and nothing severe is past its date', () => {
    const report = sampleReport({ findings: 10 });
    report.findings.open = report.findings.open.filter((f) => f.severity !== 'critical' && f.severity !== 'high');
    expect(find(assessControls(input({}, report)), '11.3.1').status).toBe('satisfied');
  });

  it('calls stale evidence a gap', () => {
    const report = sampleReport();
    report.ingest.files = report.ingest.files.map((f) => ({ ...f, effective: '2026-03-01' }));
    const outcome = find(assessControls(input({}, report)), '164.308(a)(1)(ii)(A)');
    expect(outcome).toMatchObject({ status: 'gap', rule: { id: 'scans' } });
    expect(outcome.reason).toMatch(/older than 92 days/);
  });

  it('never shows a control without a rule as satisfied', () => {
    const outcome = find(assessControls(input()), '164.310(d)(1)');
    expect(outcome).toMatchObject({ status: 'not-assessed', rule: null, raciIssues: ['no RACI row names this control'] });
  });

  it('takes a declared not-applicable with its reason', () => {
    const outcome = find(assessControls(input({ notApplicable: { '164.310(d)(1)': 'no on-premises media; all storage is cloud hosted' } })), '164.310(d)(1)');
    expect(outcome).toMatchObject({ status: 'not-applicable', reason: 'declared not applicable: no on-premises media; all storage is cloud hosted' });
  });

  it('assesses only obligations, not the headings that group them', () => {
    const ids = assessControls(input()).controls.map((c) => c.id);
    expect(ids).toContain('164.308(a)(1)');
    expect(ids).not.toContain('11');
    // A heading with nothing under it and no owner (like NYDFS 500.1, definitions) obliges no one.
    expect(ids).not.toContain('0');
  });

  it('reports two Accountables and evidence from a side the RACI does not name responsible', () => {
    const raci = [raciRow('Scanning', ['11.3.1'], 'msp', ['internal']), raciRow('Remediation', ['11.3.1'], 'internal', ['internal'])];
    const outcome = find(assessControls(input({ raci })), '11.3.1');
    expect(outcome.accountable).toBeNull();
    expect(outcome.raciIssues).toEqual([
      'two Accountables: the MSP (Scanning), internal IT (Remediation)',
      'evidence produced by the MSP, but the RACI names internal IT responsible',
    ]);
  });

  it('counts statuses per framework and carries the previous status', () => {
    const first = assessControls(input());
    expect(first.frameworks.find((f) => f.id === 'pci-dss-4.0.1')).toMatchObject({ total: 2, counts: { satisfied: 0, partial: 2, gap: 0, notApplicable: 0, notAssessed: 0 } });
    expect(find(first, '12.10.1')).toMatchObject({ status: 'partial', reason: 'P95 above target for P1' });
    const second = assessControls(input({ previous: first }));
    expect(find(second, '11.3.1').previousStatus).toBe('partial');
  });

  it('makes a ticket export missing a gap', () => {
    const report = sampleWithTickets();
    report.ingest.files = report.ingest.files.filter((f) => f.kind !== 'tickets');
    expect(find(assessControls(input({}, report)), '12.10.1')).toMatchObject({ status: 'gap', reason: 'no ticket export in this period' });
  });

  it('credits a document in effect, and calls a stale or not yet effective one a gap', () => {
    const document = (effective: string, nextReview: string) => ({
      file: 'c/policies/p.md', title: 'Media policy', kind: 'policy' as const, ownerSide: 'internal' as const, approver: 'Dana', effective, nextReview,
      controls: ['164.310(d)(1)'], body: '', bodyBlocks: [], scope: 'client' as const,
    });
    const status = (effective: string, nextReview: string) => find(assessControls(input({ documents: [document(effective, nextReview)] })), '164.310(d)(1)');
    expect(status('2026-01-01', '2027-01-01')).toMatchObject({ status: 'satisfied', rule: { id: 'policy-documents' } });
    expect(status('2025-01-01', '2026-01-01')).toMatchObject({ status: 'gap', reason: '"Media policy" past its review date (2026-01-01): stale' });
    expect(status('2026-12-01', '2027-12-01')).toMatchObject({ status: 'gap', reason: '"Media policy" takes effect only after the period' });
  });
});
