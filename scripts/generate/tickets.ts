/** tickets.csv: a quarter of help-desk tickets in the generic tickets format, times in the client's local zone. */
import type { OwnerSide, Priority } from '../../src/model/client.ts';
import type { PeriodId } from '../../src/model/period.ts';
import type { ClientProfile } from './clients.ts';
import { type CsvData, quoteIfNeeded } from './csv.ts';
import { createRng, type Rng } from './random.ts';
import { fillTitle, multiLineTitle, pickTemplate } from './ticket-titles.ts';
import { HOUR, localTime, minute, periodInstants } from './time.ts';

const header = ['ticket_id', 'title', 'priority', 'created', 'acknowledged', 'resolved', 'owner_side', 'assignee'];

const mspTechs = ['Ana Whitfield', 'Marcus Bell', 'Tomás Ibarra', 'Keisha Grant', 'Wei Chen', 'Noah Lindqvist'];
const priorityMix: readonly (readonly [Priority, number])[] = [['P1', 2], ['P2', 10], ['P3', 46], ['P4', 42]];

/** Share of tickets past target: below 5% keeps P95 within it, above 5% breaks it. */
const MEETS = 0.025;
const BREACHES = 0.07;

interface Draft {
  priority: Priority;
  side: OwnerSide;
  created: number;
  ackLate: boolean;
  resolveLate: boolean;
}

/** Mostly business hours on weekdays in the client's zone; urgent work happens around the clock. */
function createdAt(start: number, end: number, priority: Priority, timeZone: string, rng: Rng): number {
  for (;;) {
    const at = minute(start + rng.next() * (end - start));
    const local = localTime(at, timeZone);
    const urgent = priority === 'P1' || priority === 'P2';
    const accept = local.weekend ? (urgent ? 0.3 : 0.04) : local.hour >= 8 && local.hour < 18 ? 1 : local.hour >= 7 && local.hour < 21 ? 0.35 : urgent ? 0.2 : 0.03;
    if (rng.chance(accept)) return at;
  }
}

/** Log-normal around a fraction of the target, kept under it, or well past it for the chosen late tickets. */
function duration(targetHours: number, median: number, late: boolean, rng: Rng): number {
  const target = targetHours * HOUR;
  if (late) return target * (1.1 + rng.next() * 2.4);
  for (let i = 0; i < 20; i++) {
    const d = target * median * Math.exp(0.8 * rng.normal());
    if (d < target * 0.97) return Math.max(60_000, d);
  }
  return target * median;
}

/** Marks exactly the late tickets of one priority, chosen among those with time left in the quarter to be late. */
function markLate(group: Draft[], field: 'ackLate' | 'resolveLate', breach: boolean, cutoff: number, rng: Rng): void {
  const eligible = group.filter((d) => d.created < cutoff);
  const count = breach ? Math.max(1, Math.ceil(BREACHES * group.length)) : Math.floor(MEETS * group.length);
  for (let i = 0; i < count && eligible.length > 0; i++) {
    const [d] = eligible.splice(rng.int(0, eligible.length - 1), 1);
    if (d) d[field] = true;
  }
}

/** Wall clocks can run backwards across a DST fall-back; nudge a later time until its local text sorts after the earlier one. */
function wallAfter(instant: number, earlier: string, timeZone: string): { at: number; wall: string } {
  let at = instant;
  while (localTime(at, timeZone).wall < earlier) at += HOUR;
  return { at, wall: localTime(at, timeZone).wall };
}

export function ticketFiles(profile: ClientProfile, periods: readonly PeriodId[], scale: number, seed: number, badRowsIn: PeriodId | null): CsvData[] {
  const { id, timezone, sla } = profile.config;
  let seq = 10_000;
  return periods.map((period) => {
    const rng = createRng(seed, id, 'tickets', period);
    const { start, end } = periodInstants(period, timezone);
    const count = Math.max(10, Math.round(profile.ticketsPerQuarter * scale * (0.9 + rng.next() * 0.2)));
    const drafts: Draft[] = Array.from({ length: count }, () => {
      const priority = rng.weighted(priorityMix);
      const side: OwnerSide = priority !== 'P1' && rng.chance(0.25) ? 'internal' : 'msp';
      return { priority, side, created: createdAt(start, end, priority, timezone, rng), ackLate: false, resolveLate: false };
    });
    drafts.sort((a, b) => a.created - b.created);
    for (const p of ['P1', 'P2', 'P3', 'P4'] as const) {
      const group = drafts.filter((d) => d.priority === p);
      const target = sla.tickets[p];
      markLate(group, 'ackLate', profile.ackBreach.includes(p), end - 4 * target.acknowledge_hours * HOUR, rng);
      markLate(group, 'resolveLate', profile.resolveBreach.includes(p), end - 4 * target.resolve_hours * HOUR, rng);
    }
    const lowPriority = drafts.filter((d) => d.priority === 'P3' || d.priority === 'P4');
    const multiLine = lowPriority[rng.int(0, lowPriority.length - 1)];
    const rows = drafts.map((d) => {
      const target = sla.tickets[d.priority];
      const created = localTime(d.created, timezone).wall;
      const ack = wallAfter(minute(d.created + duration(target.acknowledge_hours, 0.22, d.ackLate, rng)), created, timezone);
      // About 1% wait on a vendor or the user and are still open at quarter end.
      const parked = rng.chance(0.01);
      const resolvedAt = Math.max(ack.at + 5 * 60_000, minute(d.created + duration(target.resolve_hours, 0.3, d.resolveLate, rng)));
      const resolved = wallAfter(resolvedAt, ack.wall, timezone);
      const template = d === multiLine ? multiLineTitle : pickTemplate(d.side, d.priority, rng);
      return [
        '',
        fillTitle(template, profile.kind, profile.ticketPrefix, rng),
        d.priority,
        created,
        ack.at < end ? ack.wall : '',
        ack.at < end && resolved.at < end && !parked ? resolved.wall : '',
        d.side,
        rng.pick(d.side === 'msp' ? mspTechs : profile.internalStaff),
      ];
    });
    if (period === badRowsIn) insertBadRows(rows, period);
    for (const row of rows) row[0] = `${profile.ticketPrefix}-${++seq}`;
    return { header, rows, quote: quoteIfNeeded };
  });
}

/**
 * Two deliberately invalid rows, so the demo's ingest report shows rejections: a priority outside P1–P4
 * and a created date with month 13, day 45. Everything else in them is valid.
 */
function insertBadRows(rows: string[][], period: PeriodId): void {
  const insert = (at: number, title: string, priority: string, created: string | null, assignee: string): void => {
    // Times copied from the neighbouring ticket keep the file in order and every other field valid.
    const [, , , nextCreated = '', acknowledged = '', resolved = ''] = rows[at] ?? [];
    rows.splice(at, 0, ['', title, priority, created ?? nextCreated, acknowledged, resolved, 'msp', assignee]);
  };
  insert(Math.floor(rows.length / 3), 'Printer jam, tray 2', 'P9', null, 'Marcus Bell');
  insert(Math.floor((rows.length * 2) / 3), 'Shared drive mapping missing after login', 'P3', `${period.slice(0, 4)}-13-45 10:00`, 'Wei Chen');
}
