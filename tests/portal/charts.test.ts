import { expect, it } from 'vitest';
import { alertAckChart, burnDownChart, controlStatusChart, findingsBySeverityChart, findingsTrendChart, restoreRtoChart, ticketP95Chart, ticketSlaTrendChart } from '../../src/site/lib/chart-data.ts';
import { describeLines, layoutBars, layoutLines, niceScale } from '../../src/site/lib/charts.ts';
import { summarize } from '../../src/portal/summary.ts';
import { sampleReport } from '../support/sample-report.ts';
import { withControls } from './with-controls.ts';
import { withOperations } from './with-operations.ts';

it('rounds an axis up to 1, 2 or 5 × 10^n steps', () => {
  expect(niceScale(0)).toEqual({ max: 1, step: 1 });
  expect(niceScale(7)).toEqual({ max: 8, step: 2 });
  expect(niceScale(100)).toEqual({ max: 100, step: 20 });
  expect(niceScale(101)).toEqual({ max: 150, step: 50 });
  expect(niceScale(0.9)).toEqual({ max: 1, step: 0.2 });
});

it('stacks bar segments in proportion, on one axis, with the reference line at its value', () => {
  const layout = layoutBars({
    series: [
      { label: 'Past SLA', fill: 'hatch' },
      { label: 'Within SLA', fill: 'light' },
    ],
    rows: [
      { label: 'Critical', values: [3, 1], note: '4 open' },
      { label: 'High', values: [0, 8], note: '8 open' },
    ],
    axisLabel: 'Open findings',
    reference: { value: 5, label: 'Limit' },
  });
  const [critical, high] = layout.rows;
  const unit = layout.plot.width / 8;
  expect(critical!.segments.map((s) => s.width)).toEqual([3 * unit, unit].map((n) => Math.round(n * 10) / 10));
  expect(critical!.segments[1]!.x).toBeCloseTo(critical!.segments[0]!.x + critical!.segments[0]!.width, 0);
  expect(high!.segments[0]!.width).toBe(0);
  expect(high!.segments[1]!.x + high!.segments[1]!.width).toBeCloseTo(layout.plot.x + layout.plot.width, 0);
  expect(layout.reference!.x).toBeCloseTo(layout.plot.x + 5 * unit, 0);
  expect(layout.ticks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8']);
  expect(layout.legend.map((l) => [l.label, l.fill])).toEqual([['Past SLA', 'hatch'], ['Within SLA', 'light']]);
});

it('wraps a legend that would run past the chart onto a second line', () => {
  const series = ['A long series label number one', 'A long series label number two', 'A long series label number three'].map((label) => ({ label, fill: 'light' as const }));
  const layout = layoutBars({ series, rows: [{ label: 'x', values: [1, 1, 1], note: '3' }], axisLabel: 'n' });
  expect(new Set(layout.legend.map((l) => l.y)).size).toBe(2);
  for (const entry of layout.legend) expect(entry.x + 22 + entry.label.length * 7).toBeLessThanOrEqual(layout.width);
  expect(layout.height).toBeGreaterThan(Math.max(...layout.legend.map((l) => l.y)));
});

it('breaks a trend line at a period with no data instead of bridging it', () => {
  const input = { xLabels: ['2026-Q1', '2026-Q2', '2026-Q3'], series: [{ label: 'Open', marker: 'circle' as const, values: [4, null, 6] }], axisLabel: 'Findings' };
  const [open] = layoutLines(input).series;
  expect(open!.points).toHaveLength(2);
  expect(open!.path.match(/M/g)).toHaveLength(2);
  expect(open!.path).not.toContain('L');
  expect(describeLines(input)).toBe('Findings. Open: 2026-Q1 4, 2026-Q2 no data, 2026-Q3 6.');
});

it('charts the model’s own figures', () => {
  const model = sampleReport();
  const severity = findingsBySeverityChart(model.findings.bySeverity);
  expect(severity.rows.map((r) => r.values.reduce((a, b) => a + b, 0))).toEqual(model.findings.bySeverity.map((s) => s.open));

  const p95 = ticketP95Chart(model.tickets.byPriority);
  // P1 acknowledgment: 0.9 h of a 1 h target is 90 %, met; P1 resolution, 7 h of 8 h, is not met in the model.
  expect(p95.rows[0]).toEqual({ label: 'P1 acknowledgment', values: [0, 90], note: '0.9 h of 1 h' });
  expect(p95.rows[1]).toEqual({ label: 'P1 resolution', values: [87.5, 0], note: '7 h of 8 h' });

  const q2 = summarize(sampleReport({ period: '2026-Q2' }));
  const trend = findingsTrendChart(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], '2026-Q3', [q2, summarize(model)]);
  expect(trend.xLabels).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  expect(trend.series[0]!.values).toEqual([null, 10, 10]);
});

it('burns down open findings per period, past SLA first, up to the current period; a period without a summary stays empty', () => {
  const summaryOf = (period: string, open: number, breached: number) => {
    const model = sampleReport({ period });
    model.findings.totals = { ...model.findings.totals, open, breached };
    return summarize(model);
  };
  // Q2 is missing from the history (its pages are not in this portal); Q4 lies after the current period.
  const chart = burnDownChart(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], '2026-Q3', [summaryOf('2026-Q3', 7, 2), summaryOf('2026-Q1', 12, 5)]);
  expect(chart.series.map((s) => s.label)).toEqual(['Open past SLA', 'Open within SLA or no SLA']);
  expect(chart.rows).toEqual([
    { label: '2026-Q1', values: [5, 7], note: '12 open, 5 past SLA' },
    { label: '2026-Q2', values: [0, 0], note: 'not in this portal' },
    { label: '2026-Q3', values: [2, 5], note: '7 open, 2 past SLA' },
  ]);
});

it('charts controls by status per framework, leaving not-applicable controls out of the bar and the note', () => {
  const { frameworks } = withControls(sampleReport()).controls;
  const chart = controlStatusChart(frameworks);
  expect(chart.series.map((s) => s.label)).toEqual(['Gap', 'Partial', 'Satisfied', 'Not assessed']);
  expect(chart.rows).toEqual([
    { label: 'HIPAA Security Rule (45 CFR 164)', values: [1, 1, 1, 1], note: '1 of 4 satisfied' },
    { label: 'NYDFS 23 NYCRR 500', values: [1, 0, 0, 0], note: '0 of 1 satisfied' },
  ]);
});

it('charts RTO achieved as a percentage of its target per restore test, a test with no RTO figure as an empty bar', () => {
  const [met, missed] = withOperations(sampleReport(), 'mk').operations.restoreTests;
  const chart = restoreRtoChart([met!, missed!, { ...met!, rtoAchievedHours: null, rtoMet: null }]);
  expect(chart.rows).toEqual([
    { label: 'File server mk, 2026-08-04', values: [0, 75], note: '6 h of 8 h' },
    { label: 'Practice database mk, 2026-09-10', values: [237.5, 0], note: '9.5 h of 4 h' },
    { label: 'File server mk, 2026-08-04', values: [0, 0], note: 'no data' },
  ]);
});

it('trends one priority’s acknowledgment and resolution, P50 and P95, as percentages of their targets across the periods', () => {
  const q1 = sampleReport({ period: '2026-Q1' });
  q1.tickets.byPriority[0] = { ...q1.tickets.byPriority[0]!, ackP50: 0.25, ackP95: 1.5, resolveP50: 2, resolveP95: null };
  // Q2 is not in the portal; Q3 is the sample as it is (P1: ack 0.4/0.9 h of 1 h, resolution 3/7 h of 8 h).
  const chart = ticketSlaTrendChart(['2026-Q1', '2026-Q2', '2026-Q3'], '2026-Q3', [summarize(q1), summarize(sampleReport())], 'P1');
  expect(chart.xLabels).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  expect(chart.series.map((s) => [s.label, s.marker, s.values])).toEqual([
    ['Acknowledgment P50', 'circle', [25, null, 40]],
    ['Acknowledgment P95', 'square', [150, null, 90]],
    ['Resolution P50', 'triangle', [25, null, 37.5]],
    ['Resolution P95', 'diamond', [null, null, 87.5]],
  ]);
  expect(chart.reference).toEqual({ value: 100, label: 'Target' });
});

it('charts hours to acknowledge an alert, a P50 and a P95 bar per severity, saying when nothing was recorded', () => {
  const chart = alertAckChart([
    { severity: 'high', alerts: 3, acknowledged: 3, notRecorded: 0, waiting: 0, ackP50: 0.5, ackP95: 2.25, escalated: 1 },
    { severity: 'low', alerts: 2, acknowledged: 0, notRecorded: 2, waiting: 0, ackP50: null, ackP95: null, escalated: 0 },
  ]);
  expect(chart.series.map((s) => [s.label, s.fill])).toEqual([['P50 (median)', 'light'], ['P95', 'hatch']]);
  expect(chart.rows).toEqual([
    { label: 'High P50', values: [0.5, 0], note: '0.5 h' },
    { label: 'High P95', values: [0, 2.25], note: '2.25 h' },
    { label: 'Low P50', values: [0, 0], note: 'not recorded' },
    { label: 'Low P95', values: [0, 0], note: 'not recorded' },
  ]);
});
