import { Severity, type ClientConfig } from '../model/client.ts';
import type { PatchStatus, RiskAcceptance, SiemAlert } from '../model/evidence.ts';
import type { PeriodBounds } from '../model/period.ts';
import type { KindRecords } from './controls/checks.ts';
import type { AlertResponse, OperationsSection } from '../model/report.ts';
import { calendarDays, hoursBetween, percentile, roundHours } from './percentile.ts';

/** A risk acceptance counts until the end of the day it expires. */
export const inForce = (acceptance: Pick<RiskAcceptance, 'expires'>, periodEnd: string): boolean => acceptance.expires >= periodEnd;

/** An objective is missed when both figures are known and the achieved one is above the target. */
export const missedObjective = (achieved: number | null, target: number | null): boolean => achieved !== null && target !== null && achieved > target;

/** A critical or high patch not installed longer after its release than its severity's remediation days. */
export function isPatchOverdue(patch: PatchStatus, periodEnd: string, remediationDays: ClientConfig['sla']['findings_days']): boolean {
  const severity = patch.severity;
  if (patch.status === 'installed' || patch.released === null || (severity !== 'critical' && severity !== 'high')) return false;
  return calendarDays(patch.released, periodEnd) > remediationDays[severity];
}

/**
 * The period's operational evidence as the portal and packet list it: restore tests against their
 * RPO/RTO, access reviews, remote sessions with the unapproved or unrecorded flagged, patch
 * compliance per device, and SIEM alerts by severity. Rows keep their source file and line.
 */
export function assessOperations(records: KindRecords, period: Pick<PeriodBounds, 'end' | 'endExclusive'>, remediationDays: ClientConfig['sla']['findings_days']): OperationsSection {
  const periodEnd = period.end;
  const restoreTests = records.restoreTests.map((t) => ({
    ...t,
    rpoMet: t.rpoAchievedHours === null || t.rpoTargetHours === null ? null : !missedObjective(t.rpoAchievedHours, t.rpoTargetHours),
    rtoMet: t.rtoAchievedHours === null || t.rtoTargetHours === null ? null : !missedObjective(t.rtoAchievedHours, t.rtoTargetHours),
  }));
  const remoteSessions = records.remoteSessions.map((s) => ({ ...s, flagged: !s.recorded || !s.approvalTicket }));
  const devices = [...new Set(records.patches.map((p) => p.device))].sort();
  const late = (p: PatchStatus) => isPatchOverdue(p, periodEnd, remediationDays);
  const patchDevices = devices.map((device) => {
    const mine = records.patches.filter((p) => p.device === device);
    return { device, patches: mine.length, installed: mine.filter((p) => p.status === 'installed').length, missing: mine.filter((p) => p.status !== 'installed').length, overdue: mine.filter(late).length };
  });
  const severities = Severity.options;
  return {
    restoreTests,
    accessReviews: {
      rows: [...records.accessReviews],
      counts: { keep: count(records.accessReviews, 'keep'), modify: count(records.accessReviews, 'modify'), revoke: count(records.accessReviews, 'revoke'), privileged: records.accessReviews.filter((r) => r.privileged).length },
    },
    remoteSessions: { rows: remoteSessions, flagged: remoteSessions.filter((s) => s.flagged).length },
    patches: {
      devices: patchDevices,
      compliantDevices: patchDevices.filter((d) => d.overdue === 0).length,
      missing: records.patches.filter((p) => p.status !== 'installed').map((p) => ({ ...p, overdue: late(p) })),
    },
    alerts: {
      bySeverity: severities.map((severity) => ({ severity, total: records.alerts.filter((a) => a.severity === severity).length, open: records.alerts.filter((a) => a.severity === severity && a.status === 'open').length })),
      rows: [...records.alerts].sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || a.time.localeCompare(b.time)),
      response: alertResponse(records.alerts, period),
    },
    riskAcceptances: records.riskAcceptances.map((a) => ({ ...a, inForce: inForce(a, periodEnd) })),
  };
}

/**
 * Time to acknowledge and escalations per severity with alerts. As with tickets, an alert still open
 * and unacknowledged at the period's end counts with the time it has waited so far, so ignoring an
 * alert never makes the P95 look better; a closed alert with no acknowledgment time, or one from an
 * export without the column, is counted as not recorded and left out of the percentiles.
 */
export function alertResponse(alerts: readonly SiemAlert[], period: Pick<PeriodBounds, 'endExclusive'>): AlertResponse[] {
  const asOf = period.endExclusive;
  return Severity.options.flatMap((severity) => {
    const mine = alerts.filter((a) => a.severity === severity);
    if (mine.length === 0) return [];
    const acknowledged = mine.filter((a) => typeof a.acknowledged === 'string');
    const waiting = mine.filter((a) => a.acknowledged === null && a.status === 'open');
    const hours = [...acknowledged.map((a) => hoursBetween(a.time, a.acknowledged!)), ...waiting.map((a) => hoursBetween(a.time, asOf))].map(roundHours);
    return [{
      severity,
      alerts: mine.length,
      acknowledged: acknowledged.length,
      notRecorded: mine.length - acknowledged.length - waiting.length,
      waiting: waiting.length,
      ackP50: percentile(hours, 50),
      ackP95: percentile(hours, 95),
      escalated: mine.filter((a) => a.escalated === true).length,
    }];
  });
}

function count(reviews: KindRecords['accessReviews'], decision: 'keep' | 'modify' | 'revoke'): number {
  return reviews.filter((r) => r.decision === decision).length;
}
