import type { ControlStatus, FindingChange, SlaState, Status } from './report.ts';
import type { OwnerSide, Severity } from './client.ts';
import type { AccessReview, PatchStatus, RestoreTest, SiemAlert } from './evidence.ts';
import type { PolicyDocument } from './document.ts';

/**
 * Words for every coded value, shared by the portal and the packet so they never differ. Colour
 * only repeats these words (a binder may be photocopied in black and white).
 */

interface Label {
  text: string;
  /** CSS class carrying the colour of the state. */
  tone: 'good' | 'warn' | 'bad' | 'neutral';
}

export const statusLabels: Record<Status, Label> = {
  ok: { text: 'Pass', tone: 'good' },
  warn: { text: 'Warning', tone: 'warn' },
  fail: { text: 'Fail', tone: 'bad' },
};

export const slaLabels: Record<SlaState, Label> = {
  within: { text: 'Within SLA', tone: 'good' },
  breached: { text: 'Past SLA', tone: 'bad' },
  'fixed-in-time': { text: 'Fixed in time', tone: 'good' },
  'fixed-late': { text: 'Fixed late', tone: 'warn' },
  'no-sla': { text: 'No SLA', tone: 'neutral' },
};

export const controlStatusLabels: Record<ControlStatus, Label> = {
  satisfied: { text: 'Satisfied', tone: 'good' },
  partial: { text: 'Partial', tone: 'warn' },
  gap: { text: 'Gap', tone: 'bad' },
  'not-applicable': { text: 'Not applicable', tone: 'neutral' },
  'not-assessed': { text: 'Not assessed', tone: 'neutral' },
};

export const changeLabels: Record<FindingChange, string> = {
  new: 'New',
  persisting: 'Persisting',
  reopened: 'Reopened',
  fixed: 'Fixed',
};

export const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const sideLabels: Record<OwnerSide, string> = {
  msp: 'MSP',
  internal: 'Internal IT',
};

/** Whether a P95 met its target; null when there was nothing to measure. */
export function metLabel(met: boolean | null): Label {
  if (met === null) return { text: 'No data', tone: 'neutral' };
  return met ? { text: 'Met', tone: 'good' } : { text: 'Not met', tone: 'bad' };
}

/** Outcome of a backup restore test. */
export const restoreResultLabels: Record<RestoreTest['result'], Label> = { pass: statusLabels.ok, partial: controlStatusLabels.partial, fail: statusLabels.fail };

/** What an access review decided for an account. */
export const reviewDecisionLabels: Record<AccessReview['decision'], Label> = {
  keep: { text: 'Keep', tone: 'good' },
  modify: { text: 'Modify', tone: 'warn' },
  revoke: { text: 'Revoke', tone: 'bad' },
};

export const patchStatusLabels: Record<PatchStatus['status'], Label> = {
  installed: { text: 'Installed', tone: 'good' },
  missing: { text: 'Missing', tone: 'bad' },
  failed: { text: 'Failed', tone: 'bad' },
  pending: { text: 'Pending', tone: 'warn' },
};

export const alertStatusLabels: Record<SiemAlert['status'], Label> = {
  open: { text: 'Open', tone: 'warn' },
  closed: { text: 'Closed', tone: 'good' },
};

/** A missing patch past its remediation days, or still within them. */
export function overdueLabel(overdue: boolean): Label {
  return overdue ? { text: 'Overdue', tone: 'bad' } : { text: 'Not overdue', tone: 'neutral' };
}

/** Whether a risk acceptance still covers the end of the period. */
export function inForceLabel(inForce: boolean): Label {
  return inForce ? { text: 'In force', tone: 'neutral' } : { text: 'Expired', tone: 'bad' };
}

/** Whether a document's review date had passed at the end of the period. */
export function reviewLabel(stale: boolean): Label {
  return stale ? { text: 'Stale: review overdue', tone: 'bad' } : { text: 'Current', tone: 'good' };
}

/** A remote session not recorded or without an approving ticket is flagged. */
export function flaggedLabel(flagged: boolean): Label {
  return flagged ? { text: 'Flagged', tone: 'bad' } : { text: 'In order', tone: 'good' };
}

export const documentKindLabels: Record<PolicyDocument['kind'], string> = {
  policy: 'Policy',
  procedure: 'Procedure',
  plan: 'Plan',
  commentary: 'Commentary',
  'management-response': 'Management response',
};
