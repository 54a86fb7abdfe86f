import type { ControlAssessment, ControlGroup, ReportModel } from '../../src/model/report.ts';

/**
 * Adds control status and regulatory summaries to a portal model: two frameworks (HIPAA and NYDFS),
 * one control of every status (the assessed ones with their rule, the gaps with a stale scan, an
 * exception and a crosswalk sibling in the other framework), and the HIPAA and NYDFS summaries (the FTC report stays null, so the
 * page shows only what is in scope). `marker` goes into the text fields, as in the sample model.
 */
export function withControls(model: ReportModel, marker = ''): ReportModel {
  const control = (id: string, status: ControlAssessment['status'], previousStatus: ControlAssessment['status'] | null): ControlAssessment => ({
    framework: id.startsWith('500') ? 'nydfs-500' : 'hipaa',
    id,
    title: `Control ${id} ${marker}`,
    citation: id.startsWith('500') ? `23 NYCRR ${id}` : `45 CFR ${id}`,
    status,
    rule: status === 'not-assessed' || status === 'not-applicable' ? null : { id: 'EV-SCAN-COVERAGE', title: `Scan coverage ${marker}` },
    reason: `Reason for ${id}: ${status} ${marker}`,
    evidence: status === 'not-assessed' || status === 'not-applicable' ? [] : [
      { label: `Scanner export ${marker}`, file: `${model.client.id}/scan.csv`, effective: model.period.end, side: 'msp', section: 'findings', ttlDays: 92, fresh: status !== 'gap' },
      { label: 'Responsibility matrix', file: null, effective: null, side: null, section: 'raci' },
    ],
    accountable: 'internal',
    responsible: ['msp'],
    raciIssues: status === 'gap' ? [`Evidence from a side not responsible ${marker}`] : [],
    previousStatus,
    designation: id.startsWith('164') ? 'required' : null,
    rules: status === 'satisfied' || status === 'partial' || status === 'gap' ? [{ id: 'EV-SCAN-COVERAGE', title: `Scan coverage ${marker}`, status, reason: `Rule reason ${marker}`, ttlDays: 92 }] : [],
    exceptions: status === 'gap' ? [{ id: 'RA-1', title: `Legacy imaging PC ${marker}`, owner: `Owner ${marker}`, approvedBy: `Practice manager ${marker}`, expires: '2026-12-31', inForce: true, source: { file: `${model.client.id}/${model.period.id}/risk-acceptances.yaml`, line: 1 } }] : [],
    related: [],
  });
  // 164.312(b) and 500.5 share a crosswalk topic here, so each control page links the other.
  const sibling = (framework: ControlAssessment['framework'], id: string, status: ControlAssessment['status']) => [{ framework, id, title: `Control ${id} ${marker}`, status }];
  const controls = [
    control('164.308(a)(1)(ii)(A)', 'satisfied', 'partial'),
    control('164.308(a)(5)(ii)(B)', 'partial', 'partial'),
    { ...control('164.312(b)', 'gap', null), related: sibling('nydfs-500', '500.5', 'gap') },
    control('164.310(a)(1)', 'not-assessed', null),
    { ...control('500.5', 'gap', 'satisfied'), related: sibling('hipaa', '164.312(b)', 'gap') },
    control('500.14', 'not-applicable', null),
  ];
  const counts = (framework: string) => {
    const of = controls.filter((c) => c.framework === framework);
    const n = (s: ControlAssessment['status']) => of.filter((c) => c.status === s).length;
    return { satisfied: n('satisfied'), partial: n('partial'), gap: n('gap'), notApplicable: n('not-applicable'), notAssessed: n('not-assessed') };
  };
  const group = (id: string, framework: string, status: ControlAssessment['status']): ControlGroup => ({ id, title: `Group ${id} ${marker}`, status, counts: counts(framework) });
  const open = controls.filter((c) => c.status === 'gap' || c.status === 'partial').map(({ framework, id, title, status, reason, accountable }) => ({ framework, id, title, status, reason, accountable }));
  const [overdue, notYet] = model.findings.open;
  const openItems: ReportModel['openItems'] = [
    { kind: 'finding', id: overdue!.key, framework: null, title: overdue!.title, status: null, severity: overdue!.severity, reason: `Overdue finding ${marker}`, ownerSide: 'msp', due: '2026-05-31', dueBasis: 'sla', overdue: true },
    ...open.map((o) => ({ kind: 'control' as const, id: o.id, framework: o.framework, title: o.title, status: o.status, severity: null, reason: o.reason, ownerSide: o.accountable, due: model.period.end, dueBasis: 'period-end' as const, overdue: false })),
    { kind: 'finding', id: notYet!.key, framework: null, title: notYet!.title, status: null, severity: notYet!.severity, reason: `Finding due later ${marker}`, ownerSide: null, due: '2026-10-31', dueBasis: 'sla', overdue: false },
  ];
  return {
    ...model,
    openItems,
    controls: {
      frameworks: [
        { id: 'hipaa', name: 'HIPAA Security Rule', version: '2013', counts: counts('hipaa'), total: 4 },
        { id: 'nydfs-500', name: 'NYDFS 23 NYCRR 500', version: '2023-11', counts: counts('nydfs-500'), total: 2 },
      ],
      controls,
    },
    regulatory: {
      nydfsCertification: { sections: [group('500.5', 'nydfs-500', 'gap')], supportsCertification: false, acknowledgmentItems: open.filter((o) => o.framework === 'nydfs-500') },
      ftcBoardReport: null,
      hipaaRiskAnalysis: {
        safeguards: [group('164.308', 'hipaa', 'partial'), group('164.312', 'hipaa', 'gap')],
        vulnerabilities: [`Open critical findings past SLA ${marker}`],
        gaps: open.filter((o) => o.framework === 'hipaa'),
      },
    },
  };
}
