import { describe, expect, it } from 'vitest';
import { assessControls } from '../../src/assess/controls/assess-controls.ts';
import { runCheck, type CheckContext } from '../../src/assess/controls/checks.ts';
import { underPciRequirement } from '../../src/assess/controls/roles.ts';
import { EvidenceRule } from '../../src/assess/controls/rule-file.ts';
import type { Control } from '../../src/frameworks/catalog-schema.ts';
import type { Frameworks } from '../../src/frameworks/load.ts';
import type { RaciEntry } from '../../src/model/evidence.ts';
import { sampleReport } from '../support/sample-report.ts';

const row = (task: string, controls: string[], accountable: RaciEntry['accountable'], responsible: RaciEntry['responsible'] = ['msp'], line = 2): RaciEntry => ({
  task, controls, responsible, accountable, consulted: [], informed: [], source: { file: 'c/raci.csv', line },
});

function context(raci?: RaciEntry[]): CheckContext {
  const report = sampleReport({ findings: 1 });
  return {
    periodEnd: '2026-09-30', findings: report.findings, tickets: report.tickets, files: report.ingest.files, scanSide: 'msp',
    records: { alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: [], riskAcceptances: [] },
    remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
    ...(raci ? { raci } : {}),
  };
}

describe('roles-assigned: the RACI as evidence that roles are assigned', () => {
  it('tells PCI DSS Requirement n controls from the other catalogs and from Requirements 10-12', () => {
    const one = underPciRequirement(1);
    expect(['1.2.1', '1.1.2', '1.4.5'].every(one)).toBe(true);
    expect(['10.4.1', '11.3.1', '12.1.1', '164.308(a)(1)(ii)(D)', '1', 'A1.1.1'].some(one)).toBe(false);
    expect(underPciRequirement(10)('10.7.2')).toBe(true);
  });

  it('one Accountable and a Responsible side per control: partial, because a RACI cannot show the roles are understood', () => {
    const raci = [row('Firewall and VPN management', ['500.15(a)', '1.2.1', '1.2.7'], 'internal', ['msp']), row('Segmentation review', ['1.3.1'], 'msp', ['msp', 'internal'], 3)];
    const outcome = runCheck('roles-pci-requirement-1', context(raci), 92);
    expect(outcome?.status).toBe('partial');
    expect(outcome?.reason).toBe(
      'the RACI assigns the activities of PCI DSS Requirement 1 in 2 rows ("Firewall and VPN management", "Segmentation review"), each control with one Accountable and a Responsible side; '
      + 'not shown by this evidence: that the roles are understood by the people who hold them',
    );
    expect(outcome?.evidence).toEqual([
      { label: 'RACI "Firewall and VPN management": Accountable internal IT, Responsible the MSP', file: 'c/raci.csv', effective: null, side: null, section: 'raci', ttlDays: null, fresh: null },
      { label: 'RACI "Segmentation review": Accountable the MSP, Responsible the MSP and internal IT', file: 'c/raci.csv', effective: null, side: null, section: 'raci', ttlDays: null, fresh: null },
    ]);
  });

  it('different Accountables for different activities of a requirement are fine; two for one control are a gap', () => {
    const split = [row('Patching', ['6.3.3'], 'msp'), row('Secure development', ['6.2.1'], 'internal')];
    expect(runCheck('roles-pci-requirement-6', context(split), 92)?.status).toBe('partial');
    const contested = [row('Patching', ['6.3.3'], 'msp'), row('Patch approval', ['6.3.3', '6.3.1'], 'internal', ['internal'], 3)];
    expect(runCheck('roles-pci-requirement-6', context(contested), 92)).toMatchObject({ status: 'gap', reason: 'two Accountables in the RACI for 6.3.3 (the activities of PCI DSS Requirement 6)' });
  });

  it('a row with no Responsible side is a gap', () => {
    expect(runCheck('roles-pci-requirement-8', context([row('MFA enforcement', ['8.4.2'], 'internal', [])]), 92))
      .toMatchObject({ status: 'gap', reason: 'no Responsible side in the RACI for "MFA enforcement" (the activities of PCI DSS Requirement 8)' });
  });

  it('credits nothing when no RACI row names a control of the requirement, or when there is no RACI at all', () => {
    expect(runCheck('roles-pci-requirement-3', context([row('Firewall', ['1.2.1'], 'msp'), row('Security policy', ['12.1.1', '164.308(a)(2)'], 'internal')]), 92)).toBeNull();
    expect(runCheck('roles-pci-requirement-3', context(), 92)).toBeNull();
  });

  it('HIPAA security official: the RACI row for 164.308(a)(2) assigns a side, not the person', () => {
    const outcome = runCheck('roles-security-official', context([row('Security policy ownership', ['164.316(a)', '164.308(a)(2)'], 'internal', ['internal'])]), 92);
    expect(outcome).toMatchObject({ status: 'partial', reason: expect.stringMatching(/not shown by this evidence: which person is the security official$/) });
    expect(runCheck('roles-security-official', context([row('Security policy', ['164.308(a)(2)'], 'internal'), row('MSP security lead', ['164.308(a)(2)'], 'msp', ['msp'], 3)]), 92)?.status).toBe('gap');
    expect(runCheck('roles-security-official', context([row('Patching', ['164.308(a)(5)(ii)(B)'], 'msp')]), 92)).toBeNull();
  });
});

describe('roles-assigned in the control assessment', () => {
  const control = (id: string, parent: string | null): Control => ({
    framework: 'pci-dss-4.0.1', id, parent, kind: parent ? 'requirement' : 'principal-requirement', title: `Control ${id}`, citation: id, designation: null, futureDated: false, owner: null, note: null, definedAt: { file: 'x.yaml', line: 1 },
  });
  const controls = [control('1', null), control('1.1.2', '1'), control('1.2.1', '1'), control('3', null), control('3.1.2', '3')];
  const frameworks: Frameworks = { catalogs: [{ framework: 'pci-dss-4.0.1', title: 'PCI DSS', version: '4.0.1', source: { citation: 'PCI', url: null }, controls }], topics: [] };
  const rules = [1, 3].map((n) => EvidenceRule.parse({ id: `roles-${n}`, title: 'Roles assigned', check: `roles-pci-requirement-${n}`, controls: { 'pci-dss-4.0.1': [`${n}.1.2`] }, ttl_days: 92 }));

  it('a requirement with RACI rows is partial with the RACI as its evidence; one without stays not assessed', () => {
    const raci = [row('Firewall management', ['1.2.1'], 'internal')];
    const section = assessControls({ frameworks, rules, scope: ['pci-dss-4.0.1'], notApplicable: {}, raci, documents: [], context: context(raci), previous: null });
    const status = Object.fromEntries(section.controls.map((c) => [c.id, c.status]));
    expect(status).toEqual({ '1.1.2': 'partial', '1.2.1': 'not-assessed', '3.1.2': 'not-assessed' });
    const roles = section.controls.find((c) => c.id === '1.1.2')!;
    expect(roles.rule).toEqual({ id: 'roles-1', title: 'Roles assigned' });
    expect(roles.evidence.map((e) => e.section)).toEqual(['raci']);
    expect(section.controls.find((c) => c.id === '3.1.2')!.reason).toBe('no evidence rule covers this control yet');
  });
});
