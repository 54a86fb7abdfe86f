import type { Framework } from '../model/client.ts';
import type { ControlAssessment, ControlGroup, ControlsSection, ControlStatus, FindingsSection, OpenItem, RegulatorySection, TicketsSection } from '../model/report.ts';
import type { Frameworks } from '../frameworks/load.ts';

export interface RegulatoryInput {
  frameworks: Frameworks;
  controls: ControlsSection;
  findings: FindingsSection;
  tickets: TicketsSection;
}

const order: ControlStatus[] = ['gap', 'partial', 'not-assessed', 'satisfied', 'not-applicable'];

/** The worst status in a group decides it; a group with nothing but not-applicable controls is not applicable. */
function group(id: string, title: string, members: readonly ControlAssessment[]): ControlGroup {
  const count = (status: ControlStatus) => members.filter((c) => c.status === status).length;
  const status = order.find((s) => count(s) > 0) ?? 'not-assessed';
  return { id, title, status, counts: { satisfied: count('satisfied'), partial: count('partial'), gap: count('gap'), notApplicable: count('not-applicable'), notAssessed: count('not-assessed') } };
}

/** Controls at or under a citation: `500.7` holds `500.7(a)(1)`. */
const under = (controls: readonly ControlAssessment[], framework: Framework, id: string) =>
  controls.filter((c) => c.framework === framework && (c.id === id || c.id.startsWith(`${id}(`)));

const openItems = (controls: readonly ControlAssessment[], framework: Framework): OpenItem[] =>
  controls
    .filter((c) => c.framework === framework && (c.status === 'gap' || c.status === 'partial'))
    .map((c) => ({ framework, id: c.id, title: c.title, status: c.status, reason: c.reason, accountable: c.accountable }));

function groupsOf(input: RegulatoryInput, framework: Framework, ids: readonly string[]): ControlGroup[] {
  const catalog = input.frameworks.catalogs.find((c) => c.framework === framework);
  return ids.map((id) => group(id, catalog?.controls.find((c) => c.id === id)?.title ?? id, under(input.controls.controls, framework, id)));
}

const inScope = (input: RegulatoryInput, framework: Framework) => input.controls.frameworks.some((f) => f.id === framework);

/** The figures every regulator-shaped summary repeats, worded once. */
function vulnerabilityLines(findings: FindingsSection): string[] {
  const severe = findings.open.filter((f) => f.sla === 'breached' && (f.severity === 'critical' || f.severity === 'high')).length;
  const hosts = new Set(findings.open.filter((f) => f.severity !== 'info').map((f) => f.host)).size;
  return [
    `${findings.totals.open} open vulnerability findings on ${hosts} hosts (excluding informational), ${findings.totals.breached} past their remediation date, ${severe} of them critical or high`,
    `${findings.totals.fixed} findings fixed and ${findings.totals.new} new this period; ${findings.totals.reopened} reopened`,
  ];
}

export function regulatoryOutputs(input: RegulatoryInput): RegulatorySection {
  const nydfs = inScope(input, 'nydfs-500')
    ? (() => {
        const sectionIds = input.frameworks.catalogs.find((c) => c.framework === 'nydfs-500')?.controls.filter((c) => c.kind === 'section').map((c) => c.id) ?? [];
        const sections = groupsOf(input, 'nydfs-500', sectionIds).filter((g) => g.counts.satisfied + g.counts.partial + g.counts.gap + g.counts.notAssessed + g.counts.notApplicable > 0);
        return {
          sections,
          supportsCertification: sections.every((s) => s.status === 'satisfied' || s.status === 'not-applicable'),
          acknowledgmentItems: openItems(input.controls.controls, 'nydfs-500'),
        };
      })()
    : null;

  const ftc = inScope(input, 'ftc-safeguards')
    ? {
        overall: group('314.4', 'Information security program', input.controls.controls.filter((c) => c.framework === 'ftc-safeguards')),
        elements: groupsOf(input, 'ftc-safeguards', ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)'].map((x) => `314.4${x}`)),
        materialMatters: [
          ...vulnerabilityLines(input.findings),
          serviceProviderLine(input.tickets),
        ],
        recommendations: openItems(input.controls.controls, 'ftc-safeguards'),
      }
    : null;

  const hipaa = inScope(input, 'hipaa')
    ? {
        safeguards: groupsOf(input, 'hipaa', ['164.308', '164.310', '164.312', '164.314', '164.316']),
        vulnerabilities: vulnerabilityLines(input.findings),
        gaps: openItems(input.controls.controls, 'hipaa'),
      }
    : null;

  return { nydfsCertification: nydfs, ftcBoardReport: ftc, hipaaRiskAnalysis: hipaa };
}

function serviceProviderLine(tickets: TicketsSection): string {
  const measured = tickets.byPriority.filter((p) => p.tickets > 0);
  const met = measured.filter((p) => p.ackMet !== false && p.resolveMet !== false).length;
  return `service provider oversight: ${tickets.total} help-desk tickets; P95 acknowledgment and resolution targets met for ${met} of ${measured.length} priorities; ${tickets.breaches.length} SLA breaches listed`;
}
