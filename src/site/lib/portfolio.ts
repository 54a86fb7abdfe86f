import type { PeriodSummary } from '../../portal/summary.ts';
import { comparePeriods } from '../../model/period.ts';

/**
 * The MSP overview: each client's latest period, whether it is behind and why. A client is behind
 * when its latest data drop is older than the newest period of the portfolio or a headline fails;
 * it needs attention when a headline warns. The reasons are the model's own headlines, in words.
 */
export type Standing = 'behind' | 'attention' | 'on-track';

export interface PortfolioRow {
  summary: PeriodSummary;
  standing: Standing;
  reasons: string[];
  /** Ticket targets (acknowledgment or resolution, per priority) whose P95 missed. */
  targetsMissed: number;
}

const order: Record<Standing, number> = { behind: 0, attention: 1, 'on-track': 2 };

export function portfolio(summaries: PeriodSummary[]): PortfolioRow[] {
  const newest = summaries.map((s) => s.period.id).sort(comparePeriods).at(-1);
  return summaries
    .map((summary) => {
      const stale = newest !== undefined && summary.period.id !== newest;
      const failing = summary.headlines.filter((h) => h.status === 'fail');
      const warning = summary.headlines.filter((h) => h.status === 'warn');
      const reasons = [
        ...(stale ? [`No data drop for ${newest}: latest is ${summary.period.id}`] : []),
        ...[...failing, ...warning].map((h) => `${h.label}: ${h.value}`),
      ];
      const standing: Standing = stale || failing.length > 0 ? 'behind' : warning.length > 0 ? 'attention' : 'on-track';
      const targetsMissed = summary.tickets.byPriority.reduce((n, p) => n + (p.ackMet === false ? 1 : 0) + (p.resolveMet === false ? 1 : 0), 0);
      return { summary, standing, reasons, targetsMissed };
    })
    .sort(
      (a, b) =>
        order[a.standing] - order[b.standing] ||
        b.summary.findings.totals.breached - a.summary.findings.totals.breached ||
        (a.summary.client.id < b.summary.client.id ? -1 : 1),
    );
}
