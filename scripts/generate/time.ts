/** Calendar helpers. Instants are epoch milliseconds; local wall clocks come from Intl, never from the machine's zone. */
import { type PeriodId, periodBounds } from '../../src/model/period.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function nextPeriod(id: PeriodId): PeriodId {
  const [year, quarter] = id.split('-Q').map(Number) as [number, number];
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}

export function periodSequence(first: PeriodId, count: number): PeriodId[] {
  const out = [first];
  while (out.length < count) out.push(nextPeriod(out[out.length - 1] as PeriodId));
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  date: string;
  /** YYYY-MM-DD HH:MM, as the tickets CSV writes it. */
  wall: string;
  hour: number;
  weekend: boolean;
  /** e.g. EDT */
  zoneName: string;
}

export function localTime(instant: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return {
    date,
    wall: `${date} ${parts.hour}:${parts.minute}`,
    hour: Number(parts.hour),
    weekend: parts.weekday === 'Sat' || parts.weekday === 'Sun',
    zoneName: parts.timeZoneName ?? timeZone,
  };
}

/** The instant of local midnight starting `date` in `timeZone` (US zones never skip midnight). */
function localMidnight(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let instant = guess;
  // Two passes settle the offset even when the first guess lands on the other side of a DST change.
  for (let i = 0; i < 2; i++) {
    const wall = Date.parse(`${localTime(instant, timeZone).wall.replace(' ', 'T')}:00Z`);
    instant += guess - wall;
  }
  return instant;
}

/** Quarter bounds as instants in the client's zone, so "within the quarter" means what the client reads. */
export function periodInstants(period: PeriodId, timeZone: string): { start: number; end: number } {
  const b = periodBounds(period);
  return { start: localMidnight(b.start, timeZone), end: localMidnight(b.endExclusive.slice(0, 10), timeZone) };
}

export function isoUtc(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

/** Round down to the minute: exports carry minutes, and sub-minute noise only hurts readability. */
export function minute(instant: number): number {
  return Math.floor(instant / 60_000) * 60_000;
}
