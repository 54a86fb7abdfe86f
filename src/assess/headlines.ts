import type { FindingsSection, Headline, IngestSection, TicketsSection } from '../model/report.ts';

/** Status at a glance: each line says what was measured, the figure and whether it meets the target. */
export function headlines(findings: FindingsSection, tickets: TicketsSection, ingest: IngestSection, scanned: boolean): Headline[] {
  const breached = findings.open.filter((f) => f.sla === 'breached');
  const severeBreached = breached.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  const withTickets = tickets.byPriority.filter((p) => p.tickets > 0);
  const missed = (met: 'ackMet' | 'resolveMet') => withTickets.filter((p) => p[met] === false).map((p) => p.priority);
  const ticketLine = (label: string, met: 'ackMet' | 'resolveMet'): Headline => {
    const misses = missed(met);
    return {
      label,
      value: `${withTickets.length - misses.length} of ${withTickets.length} priorities met`,
      status: withTickets.length === 0 ? 'warn' : misses.length === 0 ? 'ok' : 'fail',
      detail: withTickets.length === 0 ? 'no tickets in this period' : misses.length === 0 ? 'P95 at or below target for every priority with tickets' : `P95 above target for ${misses.join(', ')}`,
    };
  };
  const { rowsRead, rejected } = ingest.totals;
  return [
    {
      label: 'Open findings past remediation SLA',
      value: String(breached.length),
      status: !scanned ? 'warn' : severeBreached > 0 ? 'fail' : breached.length > 0 ? 'warn' : 'ok',
      detail: !scanned
        ? 'no vulnerability scan in this period'
        : `${breached.length} of ${findings.totals.open} open findings are past their due date (${severeBreached} critical or high)`,
    },
    {
      label: 'Findings fixed this period',
      value: String(findings.totals.fixed),
      status: 'ok',
      detail: `${findings.totals.new} new, ${findings.totals.persisting} persisting, ${findings.totals.reopened} reopened`,
    },
    ticketLine('Ticket acknowledgment P95', 'ackMet'),
    ticketLine('Ticket resolution P95', 'resolveMet'),
    {
      label: 'Rows rejected at ingest',
      value: String(rejected),
      status: rejected > 0 ? 'warn' : 'ok',
      detail: `${rowsRead} rows read in ${ingest.files.length} files: ${rowsRead - rejected} accepted, ${rejected} rejected`,
    },
  ];
}
