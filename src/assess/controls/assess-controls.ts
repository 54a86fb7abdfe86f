import { frameworkNames, type Framework, type OwnerSide } from '../../model/client.ts';
import type { PolicyDocument } from '../../model/document.ts';
import type { RaciEntry } from '../../model/evidence.ts';
import type { ControlAssessment, ControlStatus, ControlsSection, EvidenceRef } from '../../model/report.ts';
import type { Control } from '../../frameworks/catalog-schema.ts';
import type { Frameworks } from '../../frameworks/load.ts';
import { runCheck, type CheckContext, type CheckOutcome } from './checks.ts';
import type { EvidenceRule } from './rule-file.ts';

export interface ControlsInput {
  frameworks: Frameworks;
  rules: readonly EvidenceRule[];
  scope: readonly Framework[];
  /** Control id → the client's reason it does not apply. */
  notApplicable: Readonly<Record<string, string>>;
  raci: readonly RaciEntry[];
  /** Policies, procedures and plans in force, each naming the controls it satisfies. */
  documents: readonly PolicyDocument[];
  context: CheckContext;
  previous: ControlsSection | null;
}

/**
 * Kinds that group other controls. One is assessed only when nothing sits under it and it has an
 * owner: a section such as NYDFS 500.1 (definitions) or 500.20 (enforcement) obliges no one.
 */
const groupingKinds = new Set(['section', 'principal-requirement', 'requirement-group']);
const isObligation = (control: Control, parents: Set<string>) => !groupingKinds.has(control.kind) || (!parents.has(control.id) && control.owner !== null);

const strength: Record<CheckOutcome['status'], number> = { gap: 0, partial: 1, satisfied: 2 };

/**
 * The status of every in-scope control: declared not applicable, decided by the evidence rules
 * that credit it (the weakest outcome wins when several do), or not assessed when no rule covers
 * it — never satisfied without a rule. The RACI says who is accountable and responsible, and its
 * gaps and contradictions are reported with the control.
 */
export function assessControls(input: ControlsInput): ControlsSection {
  const outcomes: Applied[] = input.rules.map((rule) => ({ rule, outcome: runCheck(rule.check, input.context, rule.ttl_days), credits: creditedControls(rule, input.frameworks) }));
  const previous = new Map(input.previous?.controls.map((c) => [`${c.framework}|${c.id}`, c.status]));

  const controls: ControlAssessment[] = [];
  const frameworks: ControlsSection['frameworks'] = [];
  for (const framework of input.scope) {
    const catalog = input.frameworks.catalogs.find((c) => c.framework === framework);
    if (!catalog) continue;
    const parents = new Set(catalog.controls.map((c) => c.parent).filter((p): p is string => p !== null));
    const assessed = catalog.controls
      .filter((control) => isObligation(control, parents))
      .map((control) => assessOne(control, input, outcomes, previous.get(`${framework}|${control.id}`) ?? null));
    controls.push(...assessed);
    const count = (status: ControlStatus) => assessed.filter((c) => c.status === status).length;
    frameworks.push({
      id: framework,
      name: frameworkNames[framework],
      version: catalog.version,
      counts: { satisfied: count('satisfied'), partial: count('partial'), gap: count('gap'), notApplicable: count('not-applicable'), notAssessed: count('not-assessed') },
      total: assessed.length,
    });
  }
  return { frameworks, controls };
}

/** A rule's outcome and the controls it credits. */
interface Applied {
  rule: Pick<EvidenceRule, 'id' | 'title'>;
  outcome: CheckOutcome;
  credits: ReadonlySet<string>;
}

const documentRule = {
  id: 'policy-documents',
  title: 'A policy, procedure or plan naming this control is approved, in effect and not past its review date',
};

/**
 * The documents naming a control decide one outcome: satisfied while one is in effect and not past
 * its review date; a gap when all are stale or not yet in effect.
 */
function documentOutcome(controlId: string, documents: readonly PolicyDocument[], periodEnd: string): Applied | null {
  const naming = documents.filter((d) => d.controls.includes(controlId));
  if (naming.length === 0) return null;
  const evidence: EvidenceRef[] = naming.map((d) => ({
    label: `${d.kind} "${d.title}" (approved by ${d.approver}, effective ${d.effective}, review due ${d.nextReview})`,
    file: d.file, effective: d.effective, side: d.ownerSide, section: 'ingest',
  }));
  const inEffect = naming.filter((d) => d.effective <= periodEnd);
  const current = inEffect.filter((d) => d.nextReview >= periodEnd);
  const outcome: CheckOutcome = current.length > 0
    ? { status: 'satisfied', reason: `${current.map((d) => `"${d.title}"`).join(', ')} in effect, next review ${current.map((d) => d.nextReview).sort()[0]}`, evidence }
    : inEffect.length > 0
      ? { status: 'gap', reason: `${inEffect.map((d) => `"${d.title}"`).join(', ')} past its review date (${inEffect.map((d) => d.nextReview).sort().at(-1)}): stale`, evidence }
      : { status: 'gap', reason: `${naming.map((d) => `"${d.title}"`).join(', ')} takes effect only after the period`, evidence };
  return { rule: documentRule, outcome, credits: new Set<string>() };
}

function creditedControls(rule: EvidenceRule, frameworks: Frameworks): Set<string> {
  const ids = new Set<string>();
  for (const topicId of rule.topics) {
    for (const control of frameworks.topics.find((t) => t.id === topicId)?.controls ?? []) ids.add(`${control.framework}|${control.id}`);
  }
  for (const [framework, controlIds] of Object.entries(rule.controls)) for (const id of controlIds ?? []) ids.add(`${framework}|${id}`);
  return ids;
}

function assessOne(
  control: Control,
  input: ControlsInput,
  outcomes: readonly Applied[],
  previousStatus: ControlStatus | null,
): ControlAssessment {
  const raci = raciFor(control.id, input.raci);
  const base = { framework: control.framework, id: control.id, title: control.title, citation: control.citation, accountable: raci.accountable, responsible: raci.responsible, previousStatus };
  const reason = input.notApplicable[control.id];
  if (reason !== undefined) {
    return { ...base, status: 'not-applicable', rule: null, reason: `declared not applicable: ${reason}`, evidence: [], raciIssues: [] };
  }
  const documented = documentOutcome(control.id, input.documents, input.context.periodEnd);
  const applying: Applied[] = [...outcomes.filter((o) => o.credits.has(`${control.framework}|${control.id}`)), ...(documented ? [documented] : [])];
  if (applying.length === 0) {
    return { ...base, status: 'not-assessed', rule: null, reason: 'no evidence rule covers this control yet', evidence: [], raciIssues: raci.issues };
  }
  const deciding = applying.reduce((weakest, o) => (strength[o.outcome.status] < strength[weakest.outcome.status] ? o : weakest));
  const evidence = dedupe(applying.flatMap((o) => o.outcome.evidence));
  const producers = new Set(evidence.map((e) => e.side).filter((s): s is OwnerSide => s !== null));
  const uncredited = raci.responsible.length > 0 ? [...producers].filter((side) => !raci.responsible.includes(side)) : [];
  return {
    ...base,
    status: deciding.outcome.status,
    rule: { id: deciding.rule.id, title: deciding.rule.title },
    reason: deciding.outcome.reason,
    evidence,
    raciIssues: [...raci.issues, ...uncredited.map((side) => `evidence produced by ${sideName(side)}, but the RACI names ${raci.responsible.map(sideName).join(' and ')} responsible`)],
  };
}

const sideName = (side: OwnerSide) => (side === 'msp' ? 'the MSP' : 'internal IT');

function raciFor(controlId: string, raci: readonly RaciEntry[]) {
  const rows = raci.filter((row) => row.controls.includes(controlId));
  const accountable = [...new Set(rows.map((r) => r.accountable))];
  const responsible = [...new Set(rows.flatMap((r) => r.responsible))].sort() as OwnerSide[];
  const issues: string[] = [];
  if (rows.length === 0) issues.push('no RACI row names this control');
  if (accountable.length > 1) issues.push(`two Accountables: ${rows.map((r) => `${sideName(r.accountable)} (${r.task})`).join(', ')}`);
  return { accountable: accountable.length === 1 ? accountable[0]! : null, responsible, issues };
}

function dedupe(evidence: EvidenceRef[]): EvidenceRef[] {
  const seen = new Map(evidence.map((e) => [`${e.file}|${e.label}`, e]));
  return [...seen.values()];
}
