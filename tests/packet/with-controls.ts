import type { Framework } from '../../src/model/client.ts';
import { frameworkNames } from '../../src/model/client.ts';
import { ReportModel } from '../../src/model/report.ts';
import type { ControlAssessment, ControlGroup, ControlStatus, OpenItem } from '../../src/model/report.ts';
import { sampleReport } from '../support/sample-report.ts';

/**
 * The sample report with `count` controls per framework given, each with a marker of its own
 * ("HIP-000042"), and the regulatory summaries of exactly those frameworks, so a test can find
 * every control row in the printed text and tell which summaries belong.
 */

const statuses: readonly ControlStatus[] = ['satisfied', 'partial', 'gap', 'not-applicable', 'not-assessed'];
const prefixes: Record<Framework, string> = { hipaa: 'HIP', 'pci-dss-4.0.1': 'PCI', 'nydfs-500': 'NYD', 'ftc-safeguards': 'FTC' };
const pad = (n: number) => String(n).padStart(6, '0');

/** The marker of a control: what its row prints first. */
export const controlMarker = (framework: Framework, n: number) => `${prefixes[framework]}-${pad(n)}`;

function control(framework: Framework, n: number): ControlAssessment {
  const status = statuses[n % statuses.length]!;
  return {
    framework,
    id: controlMarker(framework, n),
    title: `Control ${n} of ${frameworkNames[framework]}`,
    citation: `${framework} citation ${n}`,
    status,
    rule: status === 'not-assessed' || status === 'not-applicable' ? null : { id: 'findings-within-sla', title: 'Findings fixed within SLA' },
    reason: `Reason for control ${n}`,
    evidence: n % 3 === 0 ? [] : [{ label: `Nessus scan ${n}`, file: 'sample-clinic/2026-Q3/nessus.csv', effective: '2026-09-30', side: 'msp', section: 'findings' }],
    accountable: n % 7 === 0 ? null : 'internal',
    responsible: ['msp'],
    raciIssues: n % 7 === 0 ? ['No Accountable party'] : [],
    previousStatus: n % 4 === 0 ? null : 'satisfied',
  };
}

function groupOf(id: string, members: readonly ControlAssessment[]): ControlGroup {
  const count = (status: ControlStatus) => members.filter((c) => c.status === status).length;
  return { id, title: `Group ${id}`, status: members.some((c) => c.status === 'gap') ? 'gap' : 'satisfied', counts: { satisfied: count('satisfied'), partial: count('partial'), gap: count('gap'), notApplicable: count('not-applicable'), notAssessed: count('not-assessed') } };
}

const openItems = (controls: readonly ControlAssessment[]): OpenItem[] =>
  controls.filter((c) => c.status === 'gap').slice(0, 5).map((c) => ({ framework: c.framework, id: c.id, title: c.title, status: c.status, reason: c.reason, accountable: c.accountable }));

export function withControls(frameworks: readonly Framework[], count: number): ReportModel {
  const base = sampleReport();
  const byFramework = new Map(frameworks.map((f) => [f, Array.from({ length: count }, (_, i) => control(f, i + 1))]));
  const controls = [...byFramework.values()].flat();
  const of = (f: Framework) => byFramework.get(f) ?? null;
  const nydfs = of('nydfs-500');
  const ftc = of('ftc-safeguards');
  const hipaa = of('hipaa');
  return ReportModel.parse({
    ...base,
    client: { ...base.client, frameworks: frameworks.map((id) => ({ id, name: frameworkNames[id] })) },
    controls: {
      frameworks: [...byFramework].map(([id, members]) => ({ id, name: frameworkNames[id], version: '2026', total: members.length, counts: groupOf(id, members).counts })),
      controls,
    },
    regulatory: {
      nydfsCertification: nydfs && { sections: [groupOf('500.2', nydfs.slice(0, 10)), groupOf('500.7', nydfs.slice(10, 20))], supportsCertification: false, acknowledgmentItems: openItems(nydfs) },
      ftcBoardReport: ftc && { overall: groupOf('314.4', ftc), elements: [groupOf('314.4(a)', ftc.slice(0, 5)), groupOf('314.4(c)', ftc.slice(5, 30))], materialMatters: ['12 open vulnerability findings on 10 hosts'], recommendations: openItems(ftc) },
      hipaaRiskAnalysis: hipaa && { safeguards: [groupOf('164.308', hipaa.slice(0, 50)), groupOf('164.312', hipaa.slice(50))], vulnerabilities: ['12 open vulnerability findings on 10 hosts'], gaps: openItems(hipaa) },
    },
  });
}
