import type { ControlStatus, FindingChange, SlaState, Status } from './report.ts';
import type { OwnerSide, Severity } from './client.ts';

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
