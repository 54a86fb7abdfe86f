import { changeLabels, controlStatusLabels, metLabel, sideLabels, slaLabels, statusLabels } from '../../model/labels.ts';
import type { ControlStatus, FindingChange, SlaState, Status } from '../../model/report.ts';

/**
 * Words for the model's codes (from src/model/labels.ts, shared with the packet) and numbers. Formatting only: every figure comes from the model as is,
 * and every state is written out, so nothing depends on colour alone.
 */

const words = <K extends string>(labels: Record<K, { text: string }>): Record<K, string> =>
  Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, (label as { text: string }).text])) as Record<K, string>;

export const statusWords: Record<Status, string> = words(statusLabels);

export const slaWords: Record<SlaState, string> = words(slaLabels);

/** The status class an SLA state is shown with. */
export const slaStatus: Record<SlaState, Status | 'none'> = {
  within: 'ok',
  breached: 'fail',
  'fixed-in-time': 'ok',
  'fixed-late': 'warn',
  'no-sla': 'none',
};

export const controlStatusWords: Record<ControlStatus, string> = words(controlStatusLabels);

const toneStatus = { good: 'ok', warn: 'warn', bad: 'fail', neutral: 'none' } as const;

/** The status class a control status is shown with, from the tone its label carries. */
export function controlStatusClass(status: ControlStatus): Status | 'none' {
  return toneStatus[controlStatusLabels[status].tone];
}

/** A control's status against the previous period's, in words. */
export function statusChange(status: ControlStatus, previous: ControlStatus | null): string {
  if (previous === null) return 'No previous status';
  return previous === status ? 'Unchanged' : `Was ${controlStatusWords[previous].toLowerCase()}`;
}

export const changeWords: Record<FindingChange, string> = changeLabels;

export const sideWords: Record<'msp' | 'internal', string> = sideLabels;

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const integer = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function count(n: number): string {
  return integer.format(n);
}

export function hours(n: number | null): string {
  return n === null ? 'no data' : `${decimal.format(n)} h`;
}

export function met(value: boolean | null): { word: string; status: Status | 'none' } {
  return { word: metLabel(value).text, status: value === null ? 'none' : value ? 'ok' : 'fail' };
}

/** Whether rows read = accepted + rejected holds for a file or the total: nothing lost silently. */
export function balance(c: { rowsRead: number; accepted: number; rejected: number }): { status: Status; word: string } {
  return c.rowsRead === c.accepted + c.rejected ? { status: 'ok', word: 'Balanced' } : { status: 'fail', word: 'Does not balance' };
}

/** An ISO 8601 UTC timestamp as `2026-07-02 14:00 UTC`; any other text as written. */
export function instant(iso: string): string {
  const utc = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(iso);
  return utc ? `${utc[1]} ${utc[2]} UTC` : iso;
}

/** The calendar date of an ISO 8601 timestamp, as written (UTC). */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

export function sourceRef(ref: { file: string; line: number } | null): string {
  return ref ? `${ref.file}:${ref.line}` : 'not recorded';
}

/** A piece of evidence's freshness at the period's end, in words, with its TTL when a rule set one. */
export function freshness(e: { fresh?: boolean | null; ttlDays?: number | null }): { word: string; status: Status | 'none'; note: string | null } {
  const note = e.ttlDays == null ? null : `TTL ${e.ttlDays} days`;
  if (e.fresh === undefined) return { word: 'Not recorded', status: 'none', note };
  if (e.fresh === null) return { word: 'Undated', status: 'warn', note };
  return e.fresh ? { word: 'Fresh', status: 'ok', note } : { word: 'Stale', status: 'fail', note };
}
