import { frameworkNames, type Framework, type OwnerSide } from '../../model/client.ts';
import type { PolicyDocument } from '../../model/document.ts';
import type { RaciEntry } from '../../model/evidence.ts';
import type { ControlAssessment, ControlException, ControlStatus, ControlsSection, EvidenceRef } from '../../model/report.ts';
import type { Control } from '../../frameworks/catalog-schema.ts';
import type { Frameworks } from '../../frameworks/load.ts';
import { relatedControls } from '../../frameworks/lookups.ts';
import { inForce } from '../operations.ts';
import { calendarDays } from '../percentile.ts';
import { acceptanceCovers, runCheck, type CheckContext, type CheckId, type CheckOutcome } from './checks.ts';
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
  const outcomes: Applied[] = input.rules.flatMap((rule) => {
    const outcome = runCheck(rule.check, input.context, rule.ttl_days);
    // A check whose evidence says nothing about its controls (no RACI row for them) credits nothing.
    return outcome ? [{ rule, check: rule.check, ttlDays: rule.ttl_days, outcome, credits: creditedControls(rule, input.frameworks) }] : [];
  });
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
  return { frameworks, controls: withRelated(controls, input.frameworks) };
}

/** Each control's crosswalk siblings among the controls assessed for this client (its other frameworks). */
function withRelated(controls: ControlAssessment[], frameworks: Frameworks): ControlAssessment[] {
  const assessed = new Map(controls.map((c) => [`${c.framework}|${c.id}`, c]));
  return controls.map((c) => ({
    ...c,
    related: relatedControls(frameworks, c.id)
      .filter((r) => r.framework !== c.framework)
      .flatMap((r) => {
        const sibling = assessed.get(`${r.framework}|${r.id}`);
        return sibling ? [{ framework: sibling.framework, id: sibling.id, title: sibling.title, status: sibling.status }] : [];
      }),
  }));
}

/** A rule's outcome, its TTL and the controls it credits. */
interface Applied {
  rule: Pick<EvidenceRule, 'id' | 'title'>;
  /** The check behind the rule; null for the documents naming a control. */
  check: CheckId | null;
  ttlDays: number | null;
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
    file: d.file, effective: d.effective, side: d.ownerSide, section: 'ingest', ttlDays: null, fresh: d.effective <= periodEnd && d.nextReview >= periodEnd,
  }));
  const inEffect = naming.filter((d) => d.effective <= periodEnd);
  const current = inEffect.filter((d) => d.nextReview >= periodEnd);
  const outcome: CheckOutcome = current.length > 0
    ? { status: 'satisfied', reason: `${current.map((d) => `"${d.title}"`).join(', ')} in effect, next review ${current.map((d) => d.nextReview).sort()[0]}`, evidence }
    : inEffect.length > 0
      ? { status: 'gap', reason: `${inEffect.map((d) => `"${d.title}"`).join(', ')} past its review date (${inEffect.map((d) => d.nextReview).sort().at(-1)}): stale`, evidence }
      : { status: 'gap', reason: `${naming.map((d) => `"${d.title}"`).join(', ')} takes effect only after the period`, evidence };
  return { rule: documentRule, check: null, ttlDays: null, outcome, credits: new Set<string>() };
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
  const base = {
    framework: control.framework, id: control.id, title: control.title, citation: control.citation, accountable: raci.accountable, responsible: raci.responsible, previousStatus,
    designation: control.designation,
  };
  const reason = input.notApplicable[control.id];
  if (reason !== undefined) {
    return { ...base, status: 'not-applicable', rule: null, reason: `declared not applicable: ${reason}`, evidence: [], raciIssues: [], rules: [], exceptions: exceptionsFor(control.id, [], input.context) };
  }
  const documented = documentOutcome(control.id, input.documents, input.context.periodEnd);
  const applying: Applied[] = [...outcomes.filter((o) => o.credits.has(`${control.framework}|${control.id}`)), ...(documented ? [documented] : [])];
  if (applying.length === 0) {
    return { ...base, status: 'not-assessed', rule: null, reason: 'no evidence rule covers this control yet', evidence: [], raciIssues: raci.issues, rules: [], exceptions: exceptionsFor(control.id, [], input.context) };
  }
  // A passing rule that only shows part of a control is completed by another rule that satisfies it.
  const completed = applying.some((o) => o.outcome.status === 'satisfied');
  const weight = (o: Applied) => (completed && o.outcome.unshown !== undefined ? strength.satisfied : strength[o.outcome.status]);
  // On a tie, the rule that shows the whole control decides (and gives the status).
  const deciding = applying.reduce((weakest, o) => (weight(o) < weight(weakest) || (weight(o) === weight(weakest) && weakest.outcome.unshown !== undefined && o.outcome.unshown === undefined) ? o : weakest));
  const evidence = dedupe(applying.flatMap((o) => o.outcome.evidence.map((e) => withFreshness(e, o.ttlDays, input.context.periodEnd))));
  const producers = new Set(evidence.map((e) => e.side).filter((s): s is OwnerSide => s !== null));
  const uncredited = raci.responsible.length > 0 ? [...producers].filter((side) => !raci.responsible.includes(side)) : [];
  return {
    ...base,
    status: deciding.outcome.status,
    rule: { id: deciding.rule.id, title: deciding.rule.title },
    reason: deciding.outcome.reason,
    evidence,
    raciIssues: [...raci.issues, ...uncredited.map((side) => `evidence produced by ${sideName(side)}, but the RACI names ${raci.responsible.map(sideName).join(' and ')} responsible`)],
    rules: applying.map((o) => ({ id: o.rule.id, title: o.rule.title, status: o.outcome.status, reason: o.outcome.reason, ttlDays: o.ttlDays })),
    exceptions: exceptionsFor(control.id, applying, input.context),
  };
}

/**
 * A rule's TTL on a piece of its evidence, and whether the evidence was within it at the period end;
 * evidence whose check already said how long it counts (a risk acceptance until it expires) keeps that.
 */
function withFreshness(evidence: EvidenceRef, ttlDays: number | null, periodEnd: string): EvidenceRef {
  if (ttlDays === null || evidence.fresh !== undefined) return evidence;
  return { ...evidence, ttlDays, fresh: evidence.effective === null ? null : calendarDays(evidence.effective, periodEnd) <= ttlDays };
}

/**
 * Risk acceptances that apply to a control: those naming it, and, where a remediation rule weighs
 * the open findings, those covering one of them (the check excuses an overdue finding by them).
 */
function exceptionsFor(controlId: string, applying: readonly Applied[], context: CheckContext): ControlException[] {
  const weighsFindings = applying.some((o) => o.check === 'findings-remediation');
  return context.records.riskAcceptances
    .filter((a) => a.scope.includes(controlId) || (weighsFindings && context.findings.open.some((f) => acceptanceCovers(a, f))))
    .map((a) => ({ id: a.id, title: a.title, owner: a.owner, approvedBy: a.approvedBy, expires: a.expires, inForce: inForce(a, context.periodEnd), source: a.source }));
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

/** Each piece of evidence once; when two rules weigh it under different TTLs, stale under either is stale. */
function dedupe(evidence: EvidenceRef[]): EvidenceRef[] {
  const seen = new Map<string, EvidenceRef>();
  for (const e of evidence) {
    const key = `${e.file}|${e.label}`;
    const kept = seen.get(key);
    if (!kept || (e.fresh === false && kept.fresh !== false)) seen.set(key, e);
  }
  return [...seen.values()];
}
