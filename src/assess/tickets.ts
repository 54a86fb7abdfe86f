import { OwnerSide, Priority, type ClientConfig } from '../model/client.ts';
import type { Ticket } from '../model/evidence.ts';
import type { PeriodBounds } from '../model/period.ts';
import type { PrioritySummary, TicketBreach, TicketsSection } from '../model/report.ts';
import { hoursBetween, percentile, roundHours } from './percentile.ts';

type Measure = TicketBreach['measure'];
const measures: { measure: Measure; at: 'acknowledged' | 'resolved'; target: 'acknowledge_hours' | 'resolve_hours' }[] = [
  { measure: 'acknowledgment', at: 'acknowledged', target: 'acknowledge_hours' },
  { measure: 'resolution', at: 'resolved', target: 'resolve_hours' },
];

/**
 * Acknowledgment and resolution times per priority against the client's targets. A ticket still
 * waiting at the period's end counts with the time it has waited so far, so an ignored ticket can
 * never make the P95 look better; it is a breach once that time passes the target.
 */
export function assessTickets(tickets: readonly Ticket[], period: PeriodBounds, targets: ClientConfig['sla']['tickets']): TicketsSection {
  const asOf = period.endExclusive;
  const breaches: TicketBreach[] = [];
  const durations = new Map<string, number[]>();

  for (const ticket of tickets) {
    for (const { measure, at, target } of measures) {
      const outstanding = ticket[at] === null;
      const hours = roundHours(hoursBetween(ticket.created, ticket[at] ?? asOf));
      const key = `${ticket.priority}|${measure}`;
      const times = durations.get(key) ?? [];
      times.push(hours);
      durations.set(key, times);
      const targetHours = targets[ticket.priority][target];
      if (hours > targetHours) {
        breaches.push({
          id: ticket.id, title: ticket.title, priority: ticket.priority, ownerSide: ticket.ownerSide, assignee: ticket.assignee,
          measure, actualHours: hours, targetHours, outstanding, created: ticket.created, source: ticket.source,
        });
      }
    }
  }

  const byPriority = Priority.options.map((priority): PrioritySummary => {
    const times = (measure: Measure) => durations.get(`${priority}|${measure}`) ?? [];
    const target = targets[priority];
    const ackP95 = percentile(times('acknowledgment'), 95);
    const resolveP95 = percentile(times('resolution'), 95);
    const breachCount = (measure: Measure) => breaches.filter((b) => b.priority === priority && b.measure === measure).length;
    return {
      priority,
      tickets: tickets.filter((t) => t.priority === priority).length,
      open: tickets.filter((t) => t.priority === priority && t.resolved === null).length,
      ackTargetHours: target.acknowledge_hours,
      resolveTargetHours: target.resolve_hours,
      ackP50: percentile(times('acknowledgment'), 50),
      ackP95,
      resolveP50: percentile(times('resolution'), 50),
      resolveP95,
      ackMet: ackP95 === null ? null : ackP95 <= target.acknowledge_hours,
      resolveMet: resolveP95 === null ? null : resolveP95 <= target.resolve_hours,
      ackBreaches: breachCount('acknowledgment'),
      resolveBreaches: breachCount('resolution'),
    };
  });

  const bySide = OwnerSide.options.map((side) => ({
    side,
    tickets: tickets.filter((t) => t.ownerSide === side).length,
    breaches: new Set(breaches.filter((b) => b.ownerSide === side).map((b) => b.id)).size,
  }));
  breaches.sort((a, b) => a.priority.localeCompare(b.priority) || b.actualHours / b.targetHours - a.actualHours / a.targetHours || a.id.localeCompare(b.id));
  return { byPriority, bySide, breaches, total: tickets.length };
}
