import { expect, it } from 'vitest';
import { compareSummaries } from '../../src/site/lib/compare.ts';
import { portfolio } from '../../src/site/lib/portfolio.ts';
import { summarize, type PeriodSummary } from '../../src/portal/summary.ts';
import { sampleReport } from '../support/sample-report.ts';

function summary(client: string, period: string, change: (s: PeriodSummary) => void = () => {}): PeriodSummary {
  const s = summarize(sampleReport({ clientId: client, period }));
  change(s);
  return s;
}

it('sets each figure beside the previous period’s and says whether it got better or worse', () => {
  const before = summary('a', '2026-Q2');
  const after = summary('a', '2026-Q3', (s) => {
    s.findings.totals.breached = 2;
    s.tickets.byPriority[0]!.ackP95 = 1.4;
    s.ingest.totals.rejected = 4;
  });
  const rows = new Map(compareSummaries(before, after).flatMap((g) => g.rows.map((r) => [r.label, r])));
  expect(rows.get('Open past SLA')).toEqual({ label: 'Open past SLA', before: '5', after: '2', change: '−3', verdict: 'better' });
  expect(rows.get('P1 acknowledgment P95 (target 1 h)')).toEqual({ label: 'P1 acknowledgment P95 (target 1 h)', before: '0.9 h', after: '1.4 h', change: '+0.5 h', verdict: 'worse' });
  expect(rows.get('Rows rejected')).toMatchObject({ before: '1', after: '4', verdict: 'worse' });
  expect(rows.get('Open at the period end')).toMatchObject({ change: 'no change', verdict: 'same' });
  // New findings are neither good nor bad in themselves: a scan that finds more is doing its job.
  expect(rows.get('New')).toMatchObject({ verdict: 'same' });
});

it('compares nothing when the previous period is unknown', () => {
  const rows = compareSummaries(null, summary('a', '2026-Q3')).flatMap((g) => g.rows);
  expect(rows.every((r) => r.change === 'not comparable' && r.before === 'no data')).toBe(true);
});

it('puts the clients that are behind first, with the reasons', () => {
  const allPass = (s: PeriodSummary) => (s.headlines = s.headlines.map((h) => ({ ...h, status: 'ok' as const })));
  const rows = portfolio([
    summary('on-track', '2026-Q3', allPass),
    summary('stale', '2026-Q2', allPass),
    summary('failing', '2026-Q3'),
  ]);
  expect(rows.map((r) => [r.summary.client.id, r.standing])).toEqual([
    ['failing', 'behind'],
    ['stale', 'behind'],
    ['on-track', 'on-track'],
  ]);
  expect(rows[1]!.reasons).toEqual(['No data drop for 2026-Q3: latest is 2026-Q2']);
  expect(rows[0]!.reasons).toEqual(['Open findings past SLA: 3', 'Rows rejected at ingest: 1']);
  expect(rows[0]!.targetsMissed).toBe(1);
});
