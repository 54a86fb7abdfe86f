import { severityLabels } from '../../model/labels.ts';
import type { PeriodSummary } from '../../portal/summary.ts';
import { count, hours } from './format.ts';

/**
 * The period-to-period comparison: each figure before and after, and which way it moved, in words.
 * Whether a move is for the better is stated, not left to colour: more findings past SLA is worse.
 */
export interface ComparisonRow {
  label: string;
  before: string;
  after: string;
  change: string;
  /** 'better' | 'worse' when the figure moved and the direction has a meaning; otherwise 'same'. */
  verdict: 'better' | 'worse' | 'same';
}

export interface ComparisonGroup {
  caption: string;
  rows: ComparisonRow[];
}

type Unit = 'count' | 'hours';
type Direction = 'lower-is-better' | 'neutral';

function row(label: string, before: number | null, after: number | null, unit: Unit, direction: Direction): ComparisonRow {
  const show = (n: number | null) => (n === null ? 'no data' : unit === 'hours' ? hours(n) : count(n));
  if (before === null || after === null) return { label, before: show(before), after: show(after), change: 'not comparable', verdict: 'same' };
  const delta = Math.round((after - before) * 100) / 100;
  const moved = delta === 0 ? 'no change' : `${delta > 0 ? '+' : '−'}${unit === 'hours' ? hours(Math.abs(delta)) : count(Math.abs(delta))}`;
  const verdict = delta === 0 || direction === 'neutral' ? 'same' : delta < 0 ? 'better' : 'worse';
  return { label, before: show(before), after: show(after), change: moved, verdict };
}

export function compareSummaries(before: PeriodSummary | null, after: PeriodSummary): ComparisonGroup[] {
  const findings = (s: PeriodSummary | null) => s?.findings.totals ?? null;
  const severity = (s: PeriodSummary | null, sev: string) => s?.findings.bySeverity.find((b) => b.severity === sev) ?? null;
  const priority = (s: PeriodSummary | null, p: string) => s?.tickets.byPriority.find((b) => b.priority === p) ?? null;
  const ingest = (s: PeriodSummary | null) => s?.ingest.totals ?? null;
  return [
    {
      caption: 'Findings',
      rows: [
        row('Open at the period end', findings(before)?.open ?? null, findings(after)!.open, 'count', 'lower-is-better'),
        row('Open past SLA', findings(before)?.breached ?? null, findings(after)!.breached, 'count', 'lower-is-better'),
        ...after.findings.bySeverity
          .filter((s) => s.slaDays !== null)
          .map((s) => row(`Past SLA, ${severityLabels[s.severity].toLowerCase()}`, severity(before, s.severity)?.breached ?? null, s.breached, 'count', 'lower-is-better')),
        row('New', findings(before)?.new ?? null, findings(after)!.new, 'count', 'neutral'),
        row('Reopened', findings(before)?.reopened ?? null, findings(after)!.reopened, 'count', 'lower-is-better'),
        row('Fixed', findings(before)?.fixed ?? null, findings(after)!.fixed, 'count', 'neutral'),
      ],
    },
    {
      caption: 'Ticket SLA (P95, hours)',
      rows: after.tickets.byPriority.flatMap((p) => [
        row(`${p.priority} acknowledgment P95 (target ${hours(p.ackTargetHours)})`, priority(before, p.priority)?.ackP95 ?? null, p.ackP95, 'hours', 'lower-is-better'),
        row(`${p.priority} resolution P95 (target ${hours(p.resolveTargetHours)})`, priority(before, p.priority)?.resolveP95 ?? null, p.resolveP95, 'hours', 'lower-is-better'),
      ]),
    },
    {
      caption: 'Ingest',
      rows: [
        row('Rows read', ingest(before)?.rowsRead ?? null, after.ingest.totals.rowsRead, 'count', 'neutral'),
        row('Rows accepted', ingest(before)?.accepted ?? null, after.ingest.totals.accepted, 'count', 'neutral'),
        row('Rows rejected', ingest(before)?.rejected ?? null, after.ingest.totals.rejected, 'count', 'lower-is-better'),
        row('Duplicate rows', ingest(before)?.duplicates ?? null, after.ingest.totals.duplicates, 'count', 'neutral'),
        row('Tickets', before?.tickets.total ?? null, after.tickets.total, 'count', 'neutral'),
      ],
    },
  ];
}
