import { z } from 'zod';

/** A quarter, the unit of a data drop, a site version and a packet. */
export const PeriodId = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'a period is written YYYY-Qn, e.g. 2026-Q1')
  .meta({ label: 'period', description: 'Quarter, YYYY-Qn' });
export type PeriodId = z.infer<typeof PeriodId>;

export const ClientId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'a client id is a slug: lowercase letters, digits and hyphens')
  .meta({ label: 'client id', description: 'Slug naming the client folder under data/' });
export type ClientId = z.infer<typeof ClientId>;

export interface PeriodBounds {
  id: PeriodId;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  /** First instant after the period, ISO 8601 UTC. */
  endExclusive: string;
}

export function periodBounds(id: PeriodId): PeriodBounds {
  const [yearText, quarterText] = id.split('-Q');
  const year = Number(yearText);
  const quarter = Number(quarterText);
  const startMonth = (quarter - 1) * 3;
  const start = new Date(Date.UTC(year, startMonth, 1));
  const endExclusive = new Date(Date.UTC(year, startMonth + 3, 1));
  const end = new Date(endExclusive.getTime() - 86_400_000);
  return {
    id,
    start: start.toISOString().slice(0, 10),
    end: end.toISOString().slice(0, 10),
    endExclusive: endExclusive.toISOString(),
  };
}

export function previousPeriodId(id: PeriodId): PeriodId {
  const [yearText, quarterText] = id.split('-Q');
  const year = Number(yearText);
  const quarter = Number(quarterText);
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

export function comparePeriods(a: PeriodId, b: PeriodId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
