import type { OwnerSide } from '../model/client.ts';
import type { RiskAcceptance } from '../model/evidence.ts';
import type { ControlsSection, DueItem, FindingsSection } from '../model/report.ts';
import { inForce } from './operations.ts';

export interface OpenItemsInput {
  findings: FindingsSection;
  controls: ControlsSection;
  periodEnd: string;
  riskAcceptances: readonly RiskAcceptance[];
  /** Ids of the evidence rules that weigh remediation of findings: the controls they credit say who owns the findings. */
  remediationRules: readonly string[];
}

/**
 * The period's open items with owner side and due date. A finding's due date is the one the findings
 * assessment gave it (first seen + the SLA days of its severity); it is listed when critical or high
 * or already past its SLA. A control with a gap or partial is due at the period's end, unless a risk
 * acceptance in force names it: then when the earliest such acceptance expires.
 */
export function openItems(input: OpenItemsInput): DueItem[] {
  const findingsOwner = ownerOfFindings(input.controls, input.remediationRules);
  const findings: DueItem[] = input.findings.open
    .filter((f) => f.dueDate !== null && (f.severity === 'critical' || f.severity === 'high' || f.sla === 'breached'))
    .map((f) => ({
      kind: 'finding', id: f.key, framework: null, title: f.title, status: null, severity: f.severity,
      reason: `${f.severity} finding on ${f.host}:${f.port}/${f.protocol}, first seen ${f.firstSeen.slice(0, 10)}, ${f.slaDays} days to fix`,
      ownerSide: findingsOwner, due: f.dueDate!, dueBasis: 'sla', overdue: f.sla === 'breached',
    }));
  const controls: DueItem[] = input.controls.controls
    .filter((c) => c.status === 'gap' || c.status === 'partial')
    .map((c) => {
      const accepted = input.riskAcceptances.filter((a) => a.scope.includes(c.id) && inForce(a, input.periodEnd)).map((a) => a.expires).sort()[0];
      return {
        kind: 'control', id: c.id, framework: c.framework, title: c.title, status: c.status, severity: null, reason: c.reason,
        ownerSide: c.accountable, due: accepted ?? input.periodEnd, dueBasis: accepted ? 'risk-acceptance' : 'period-end', overdue: false,
      };
    });
  return [...findings, ...controls].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/** The side the RACI holds accountable for the controls a remediation rule credits, when they agree on one. */
function ownerOfFindings(controls: ControlsSection, remediationRules: readonly string[]): OwnerSide | null {
  const sides = new Set(
    controls.controls
      .filter((c) => c.rules?.some((r) => remediationRules.includes(r.id)))
      .map((c) => c.accountable),
  );
  const [only] = sides;
  return sides.size === 1 && only !== undefined ? only : null;
}
