/**
 * Nearest-rank percentile (the smallest value with at least p% of values at or below it): it is
 * always one of the observed values, which is what an auditor can check against the ticket list.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const roundHours = (hours: number): number => Math.round(hours * 100) / 100;

const msPerHour = 3_600_000;
export const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / msPerHour;

const msPerDay = 86_400_000;
/** Whole days from one date to another (floor), by UTC calendar. */
export const daysBetween = (from: string, to: string): number => Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / msPerDay));

/** Calendar days from one date to another, by the dates alone (YYYY-MM-DD or ISO timestamps); negative when `to` is earlier. */
export const calendarDays = (from: string, to: string): number =>
  Math.floor((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / msPerDay);

export const addDays = (isoDate: string, days: number): string => new Date(Date.parse(isoDate) + days * msPerDay).toISOString().slice(0, 10);
