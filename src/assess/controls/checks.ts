import type { OwnerSide } from '../../model/client.ts';
import type { ControlStatus, EvidenceRef, FindingsSection, IngestFile, TicketsSection } from '../../model/report.ts';

/** What a check sees: the period's assessed evidence, never raw files. */
export interface CheckContext {
  periodEnd: string;
  findings: FindingsSection;
  tickets: TicketsSection;
  files: readonly IngestFile[];
  /** The side that produces scans (the MSP runs the scanners in a co-managed arrangement). */
  scanSide: OwnerSide;
}

export interface CheckOutcome {
  status: Exclude<ControlStatus, 'not-applicable' | 'not-assessed'>;
  reason: string;
  evidence: EvidenceRef[];
}

type Check = (context: CheckContext, ttlDays: number) => CheckOutcome;

const daysBefore = (end: string, date: string): number => Math.floor((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);

/** Files of a kind, each as evidence, and whether the newest is within the TTL. */
function fileEvidence(context: CheckContext, kind: IngestFile['kind'], side: OwnerSide | null, ttlDays: number) {
  const files = context.files.filter((f) => f.kind === kind);
  const evidence: EvidenceRef[] = files.map((f) => ({ label: `${f.file} (${f.accepted} records)`, file: f.file, effective: f.effective, side, section: 'ingest' }));
  const newest = files.map((f) => f.effective).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const fresh = newest !== null && daysBefore(context.periodEnd, newest) <= ttlDays;
  return { files, evidence, newest, fresh };
}

const checks = {
  /** Scans ran within the TTL and no critical or high finding is open past its remediation date. */
  'findings-remediation': (context, ttlDays) => {
    const scans = fileEvidence(context, 'findings', context.scanSide, ttlDays);
    if (scans.files.length === 0) return { status: 'gap', reason: 'no vulnerability scan in this period', evidence: [] };
    if (!scans.fresh) return { status: 'gap', reason: `the newest scan (${scans.newest ?? 'undated'}) is older than ${ttlDays} days at the period end`, evidence: scans.evidence };
    const severe = context.findings.open.filter((f) => f.sla === 'breached' && (f.severity === 'critical' || f.severity === 'high')).length;
    const breached = context.findings.totals.breached;
    const figure: EvidenceRef = { label: `${context.findings.totals.open} open findings, ${breached} past SLA (${severe} critical or high)`, file: null, effective: context.periodEnd, side: context.scanSide, section: 'findings' };
    const evidence = [...scans.evidence, figure];
    if (severe > 0) return { status: 'partial', reason: `scanned, but ${severe} critical or high findings are open past their remediation date`, evidence };
    return { status: 'satisfied', reason: `scanned on ${scans.newest}; no critical or high finding open past its remediation date`, evidence };
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
} satisfies Record<string, Check>;

export type CheckId = keyof typeof checks;
export const checkIds = Object.keys(checks) as [CheckId, ...CheckId[]];

export function runCheck(id: CheckId, context: CheckContext, ttlDays: number): CheckOutcome {
  return checks[id](context, ttlDays);
}
