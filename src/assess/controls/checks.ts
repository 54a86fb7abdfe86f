import type { ClientConfig, OwnerSide } from '../../model/client.ts';
import type { AccessReview, PatchStatus, RaciEntry, RemoteSession, RestoreTest, RiskAcceptance, SiemAlert } from '../../model/evidence.ts';
import { inForce, isPatchOverdue, missedObjective } from '../operations.ts';
import { calendarDays } from '../percentile.ts';
import type { ControlStatus, EvidenceRef, FindingRow, FindingsSection, IngestFile, TicketsSection } from '../../model/report.ts';
import { escalationChecks } from './escalation.ts';
import { fileEvidence } from './file-evidence.ts';
import { inventoryChecks } from './inventory.ts';
import { roleChecks } from './roles.ts';

/** Records of the kinds a check reads directly, as ingested for the period. */
export interface KindRecords {
  alerts: readonly SiemAlert[];
  restoreTests: readonly RestoreTest[];
  accessReviews: readonly AccessReview[];
  remoteSessions: readonly RemoteSession[];
  patches: readonly PatchStatus[];
  riskAcceptances: readonly RiskAcceptance[];
}

/** What a check sees: the period's evidence, already read and assessed; never files. */
export interface CheckContext {
  periodEnd: string;
  findings: FindingsSection;
  tickets: TicketsSection;
  records: KindRecords;
  files: readonly IngestFile[];
  /** Remediation days per severity, for missing patches as for findings. */
  remediationDays: ClientConfig['sla']['findings_days'];
  /** The side that produces scans (the MSP runs the scanners in a co-managed arrangement). */
  scanSide: OwnerSide;
  /** The co-managed RACI matrix; absent when the drop has none. */
  raci?: readonly RaciEntry[];
}

export interface CheckOutcome {
  status: Exclude<ControlStatus, 'not-applicable' | 'not-assessed'>;
  reason: string;
  evidence: EvidenceRef[];
  /** Set when the evidence passed but shows only part of what the controls ask: what it cannot show. */
  unshown?: string;
}

/** A check's outcome for the controls its rule credits; null when its evidence says nothing about them (no RACI row for the activity), so it credits nothing. */
export type Check = (context: CheckContext, ttlDays: number) => CheckOutcome | null;

const daysBefore = (end: string, date: string): number => calendarDays(date, end);

const checks = {
  /** Scans ran within the TTL and no critical or high finding is open past its remediation date. */
  'findings-remediation': (context, ttlDays) => {
    const scans = fileEvidence(context, 'findings', context.scanSide, ttlDays);
    if (scans.files.length === 0) return { status: 'gap', reason: 'no vulnerability scan in this period', evidence: [] };
    if (!scans.fresh) return { status: 'gap', reason: `the newest scan (${scans.newest ?? 'undated'}) is older than ${ttlDays} days at the period end`, evidence: scans.evidence };
    const overdue = context.findings.open.filter((f) => f.sla === 'breached' && (f.severity === 'critical' || f.severity === 'high'));
    const { covered, expired, acceptances } = acceptedRisks(overdue, context.records.riskAcceptances, context.periodEnd);
    const severe = overdue.length - covered.length;
    const figure: EvidenceRef = { label: `${context.findings.totals.open} open findings, ${context.findings.totals.breached} past SLA (${overdue.length} critical or high)`, file: null, effective: context.periodEnd, side: context.scanSide, section: 'findings' };
    const evidence = [...scans.evidence, figure, ...acceptances];
    const accepted = covered.length > 0 ? `; ${covered.length} covered by a risk acceptance in force` : '';
    const lapsed = expired.length > 0 ? `; ${expired.length} under an expired acceptance, which no longer counts` : '';
    if (severe > 0) return { status: 'partial', reason: `scanned, but ${severe} critical or high findings are open past their remediation date${accepted}${lapsed}`, evidence };
    return { status: 'satisfied', reason: `scanned on ${scans.newest}; no critical or high finding open past its remediation date${accepted}${lapsed}`, evidence };
  },
  /** Tickets were exported and every priority met its acknowledgment and resolution P95 targets. */
  'ticket-sla': (context, ttlDays) => {
    const exports = fileEvidence(context, 'tickets', null, ttlDays);
    if (exports.files.length === 0) return { status: 'gap', reason: 'no ticket export in this period', evidence: [] };
    const measured = context.tickets.byPriority.filter((p) => p.tickets > 0);
    const missed = measured.filter((p) => p.ackMet === false || p.resolveMet === false).map((p) => p.priority);
    const sides = context.tickets.bySide.filter((s) => s.tickets > 0);
    const figures: EvidenceRef[] = sides.map((s) => ({ label: `${s.tickets} tickets owned by ${s.side === 'msp' ? 'the MSP' : 'internal IT'}, ${s.breaches} with an SLA breach`, file: null, effective: context.periodEnd, side: s.side, section: 'tickets' }));
    const evidence = [...exports.evidence, ...figures];
    if (measured.length === 0) return { status: 'gap', reason: 'the ticket export holds no ticket of this period', evidence };
    if (missed.length > 0) return { status: 'partial', reason: `P95 above target for ${missed.join(', ')}`, evidence };
    return { status: 'satisfied', reason: `P95 acknowledgment and resolution within target for ${measured.length} priorities`, evidence };
  },
  /** Restores were tested within the TTL, every one passed and met its RPO and RTO. */
  'restore-tests': (context, ttlDays) => {
    const recent = context.records.restoreTests.filter((t) => daysBefore(context.periodEnd, t.tested) <= ttlDays);
    const evidence = fileEvidence(context, 'restore-tests', 'msp', ttlDays).evidence;
    if (recent.length === 0) return { status: 'gap', reason: `no restore test in the ${ttlDays} days before the period end`, evidence };
    const missed = recent.filter((t) => t.result !== 'pass' || missedObjective(t.rpoAchievedHours, t.rpoTargetHours) || missedObjective(t.rtoAchievedHours, t.rtoTargetHours));
    const systems = new Set(recent.map((t) => t.system)).size;
    if (missed.length > 0) return { status: 'partial', reason: `${missed.length} of ${recent.length} restore tests failed or missed their RPO/RTO (${[...new Set(missed.map((t) => t.system))].join(', ')})`, evidence };
    return { status: 'satisfied', reason: `${recent.length} restore tests on ${systems} systems passed within their RPO and RTO`, evidence };
  },
  /** Access was reviewed within the TTL, privileged accounts included. */
  'access-review': (context, ttlDays) => {
    const recent = context.records.accessReviews.filter((r) => daysBefore(context.periodEnd, r.reviewed) <= ttlDays);
    const evidence = fileEvidence(context, 'access-reviews', 'internal', ttlDays).evidence;
    if (recent.length === 0) return { status: 'gap', reason: `no access review in the ${ttlDays} days before the period end`, evidence };
    const revoked = recent.filter((r) => r.decision === 'revoke').length;
    const privileged = recent.filter((r) => r.privileged).length;
    if (privileged === 0) return { status: 'partial', reason: `${recent.length} accounts reviewed, but no privileged account among them`, evidence };
    return { status: 'satisfied', reason: `${recent.length} accounts reviewed (${privileged} privileged), ${revoked} access revoked`, evidence };
  },
  /** Every privileged or vendor remote session was approved by a ticket and recorded. */
  'remote-sessions': (context, ttlDays) => {
    const files = fileEvidence(context, 'remote-sessions', 'msp', ttlDays);
    if (files.files.length === 0) return { status: 'gap', reason: 'no remote-session log in this period', evidence: [] };
    const sessions = context.records.remoteSessions;
    const unapproved = sessions.filter((s) => !s.approvalTicket).length;
    const unrecorded = sessions.filter((s) => !s.recorded).length;
    if (unapproved + unrecorded > 0) return { status: 'partial', reason: `of ${sessions.length} remote sessions, ${unapproved} had no approving ticket and ${unrecorded} were not recorded`, evidence: files.evidence };
    return { status: 'satisfied', reason: `all ${sessions.length} remote sessions were approved by a ticket and recorded`, evidence: files.evidence };
  },
  /** No critical or high patch is missing longer than the remediation days of its severity. */
  'patch-status': (context, ttlDays) => {
    const files = fileEvidence(context, 'patches', 'msp', ttlDays);
    if (files.files.length === 0) return { status: 'gap', reason: 'no patch status export in this period', evidence: [] };
    if (!files.fresh) return { status: 'gap', reason: `the newest patch status (${files.newest ?? 'undated'}) is older than ${ttlDays} days at the period end`, evidence: files.evidence };
    const late = context.records.patches.filter((p) => isPatchOverdue(p, context.periodEnd, context.remediationDays));
    const devices = new Set(context.records.patches.map((p) => p.device)).size;
    if (late.length > 0) return { status: 'partial', reason: `${late.length} critical or high patches missing past their remediation days on ${new Set(late.map((p) => p.device)).size} of ${devices} devices`, evidence: files.evidence };
    return { status: 'satisfied', reason: `no critical or high patch missing past its remediation days on ${devices} devices`, evidence: files.evidence };
  },
  /** Security monitoring ran: alerts were exported for the period and no critical or high alert is left open. */
  'siem-monitoring': (context, ttlDays) => {
    const files = fileEvidence(context, 'alerts', 'msp', ttlDays);
    if (files.files.length === 0) return { status: 'gap', reason: 'no SIEM or EDR alert export in this period', evidence: [] };
    const open = context.records.alerts.filter((a) => a.status === 'open' && (a.severity === 'critical' || a.severity === 'high')).length;
    if (open > 0) return { status: 'partial', reason: `${open} critical or high alerts still open at the period end`, evidence: files.evidence };
    return { status: 'satisfied', reason: `${context.records.alerts.length} alerts in the period; every critical or high alert closed`, evidence: files.evidence };
  },
  ...roleChecks,
  ...inventoryChecks,
  ...escalationChecks,
} satisfies Record<string, Check>;


/** Whether a risk acceptance names a finding, by its key or its host. */
export const acceptanceCovers = (a: RiskAcceptance, f: Pick<FindingRow, 'key' | 'host'>): boolean => a.scope.includes(f.key) || a.scope.includes(f.host);

/**
 * Overdue findings a risk acceptance in force covers (by finding key or host); an acceptance that
 * expired before the period end covers nothing any more and is named as such.
 */
function acceptedRisks(overdue: readonly FindingRow[], acceptances: readonly RiskAcceptance[], periodEnd: string) {
  const current = acceptances.filter((a) => inForce(a, periodEnd));
  const lapsed = acceptances.filter((a) => !inForce(a, periodEnd));
  const covered = overdue.filter((f) => current.some((a) => acceptanceCovers(a, f)));
  const expired = overdue.filter((f) => !covered.includes(f) && lapsed.some((a) => acceptanceCovers(a, f)));
  const used = acceptances.filter((a) => overdue.some((f) => acceptanceCovers(a, f)));
  const refs: EvidenceRef[] = used.map((a) => ({
    label: `risk acceptance ${a.id} (${a.owner}, expires ${a.expires}${inForce(a, periodEnd) ? '' : ', expired'})`,
    // An acceptance counts until it expires, whenever it was granted: no TTL applies.
    file: a.source.file, effective: a.accepted, side: 'internal', section: 'ingest', ttlDays: null, fresh: a.expires >= periodEnd,
  }));
  return { covered, expired, acceptances: refs };
}

export type CheckId = keyof typeof checks;
export const checkIds = Object.keys(checks) as [CheckId, ...CheckId[]];

export function runCheck<Id extends CheckId>(id: Id, context: CheckContext, ttlDays: number): ReturnType<(typeof checks)[Id]> {
  return checks[id](context, ttlDays) as ReturnType<(typeof checks)[Id]>;
}
