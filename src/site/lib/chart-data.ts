import { frameworkNames } from '../../model/client.ts';
import { controlStatusLabels, severityLabels } from '../../model/labels.ts';
import type { AlertResponse, ControlsSection, FindingsSection, OperationsSection, PrioritySummary, SeveritySummary } from '../../model/report.ts';
import type { PeriodSummary } from '../../portal/summary.ts';
import type { BarChartInput, LineChartInput, Marker } from './charts.ts';
import { count, hours } from './format.ts';

/**
 * What each chart of the portal shows, from the report model's own figures: one function per chart,
 * data in, chart input out. A new evidence page adds its chart here.
 */

/** On time, late, no SLA: the same three fills wherever findings are charted. */
const slaSeries = [
  { label: 'Past SLA', fill: 'hatch' },
  { label: 'Within SLA', fill: 'light' },
  { label: 'No SLA (informational)', fill: 'dots' },
] as const satisfies BarChartInput['series'];

export function findingsBySeverityChart(bySeverity: SeveritySummary[]): BarChartInput {
  return {
    series: [...slaSeries],
    rows: bySeverity.map((s) => {
      const noSla = Math.max(0, s.open - s.breached - s.withinSla);
      return { label: severityLabels[s.severity], values: [s.breached, s.withinSla, noSla], note: `${count(s.open)} open` };
    }),
    axisLabel: 'Open findings at the period end',
  };
}

export function slaStateChart(findings: Pick<FindingsSection, 'open' | 'fixed'>): BarChartInput {
  const tally = (rows: FindingsSection['open'], states: string[]) => rows.filter((f) => states.includes(f.sla)).length;
  return {
    series: [
      { label: 'Late (past SLA, or fixed late)', fill: 'hatch' },
      { label: 'On time (within SLA, or fixed in time)', fill: 'light' },
      { label: 'No SLA', fill: 'dots' },
    ],
    rows: [
      { label: 'Open at period end', values: [tally(findings.open, ['breached']), tally(findings.open, ['within']), tally(findings.open, ['no-sla'])], note: `${count(findings.open.length)} open` },
      { label: 'Fixed in period', values: [tally(findings.fixed, ['fixed-late']), tally(findings.fixed, ['fixed-in-time']), tally(findings.fixed, ['no-sla'])], note: `${count(findings.fixed.length)} fixed` },
    ],
    axisLabel: 'Findings',
  };
}

const measures = [
  { key: 'ack', word: 'acknowledgment' },
  { key: 'resolve', word: 'resolution' },
] as const;
type Measure = (typeof measures)[number]['key'];

function p95Of(p: PrioritySummary, measure: Measure): { p95: number | null; target: number; met: boolean | null } {
  return measure === 'ack'
    ? { p95: p.ackP95, target: p.ackTargetHours, met: p.ackMet }
    : { p95: p.resolveP95, target: p.resolveTargetHours, met: p.resolveMet };
}

/** P95 as a percentage of the target, so priorities with targets of 1 h and 168 h share one axis. */
function percentOfTarget(p: PrioritySummary, measure: Measure): number | null {
  const { p95, target } = p95Of(p, measure);
  return p95 === null ? null : Math.round((p95 / target) * 1000) / 10;
}

export function ticketP95Chart(byPriority: PrioritySummary[]): BarChartInput {
  return {
    series: [
      { label: 'Target not met', fill: 'hatch' },
      { label: 'Target met', fill: 'light' },
    ],
    rows: byPriority.flatMap((p) =>
      measures.map(({ key, word }) => {
        const { p95, target, met } = p95Of(p, key);
        const percent = percentOfTarget(p, key) ?? 0;
        return {
          label: `${p.priority} ${word}`,
          values: met === false ? [percent, 0] : [0, percent],
          note: p95 === null ? 'no data' : `${hours(p95)} of ${hours(target)}`,
        };
      }),
    ),
    axisLabel: 'P95 as % of the target',
    reference: { value: 100, label: 'Target' },
  };
}

/**
 * RTO achieved as a percentage of its target, per restore test, so systems with targets of 1 h and
 * 72 h share one axis; a test without both figures shows an empty bar noted "no data".
 */
export function restoreRtoChart(tests: OperationsSection['restoreTests']): BarChartInput {
  return {
    series: [
      { label: 'Target not met', fill: 'hatch' },
      { label: 'Target met', fill: 'light' },
    ],
    rows: tests.map((t) => {
      const known = t.rtoAchievedHours !== null && t.rtoTargetHours !== null && t.rtoTargetHours > 0;
      const percent = known ? Math.round((t.rtoAchievedHours! / t.rtoTargetHours!) * 1000) / 10 : 0;
      return {
        label: `${t.system}, ${t.tested.slice(0, 10)}`,
        values: t.rtoMet === false ? [percent, 0] : [0, percent],
        note: known ? `${hours(t.rtoAchievedHours)} of ${hours(t.rtoTargetHours)}` : 'no data',
      };
    }),
    axisLabel: 'RTO achieved as % of the target',
    reference: { value: 100, label: 'Target' },
  };
}

/** Hours to acknowledge per severity: a P50 bar and a P95 bar each, in hours; a severity with no acknowledgment recorded says so. */
export function alertAckChart(response: AlertResponse[]): BarChartInput {
  const percentiles = [
    { label: 'P50 (median)', pick: (r: AlertResponse) => r.ackP50 },
    { label: 'P95', pick: (r: AlertResponse) => r.ackP95 },
  ];
  return {
    series: [
      { label: 'P50 (median)', fill: 'light' },
      { label: 'P95', fill: 'hatch' },
    ],
    rows: response.flatMap((r) =>
      percentiles.map(({ label, pick }, i) => {
        const value = pick(r);
        return { label: `${severityLabels[r.severity]} ${label.split(' ')[0]}`, values: i === 0 ? [value ?? 0, 0] : [0, value ?? 0], note: value === null ? 'not recorded' : hours(value) };
      }),
    ),
    axisLabel: 'Hours from the alert to its acknowledgment',
  };
}

const markers: Marker[] = ['circle', 'square', 'triangle', 'diamond'];

/** The x axis of a trend: every period of the client up to this one, known or not. */
function trendPeriods(periods: string[], current: string): string[] {
  return periods.filter((p) => p <= current);
}

function valuesOver<T>(periods: string[], history: PeriodSummary[], pick: (s: PeriodSummary) => T | null): (T | null)[] {
  return periods.map((period) => {
    const summary = history.find((s) => s.period.id === period);
    return summary ? pick(summary) : null;
  });
}

export function findingsTrendChart(periods: string[], current: string, history: PeriodSummary[]): LineChartInput {
  const xLabels = trendPeriods(periods, current);
  return {
    xLabels,
    series: [
      { label: 'Open', marker: 'circle', values: valuesOver(xLabels, history, (s) => s.findings.totals.open) },
      { label: 'Past SLA', marker: 'square', values: valuesOver(xLabels, history, (s) => s.findings.totals.breached) },
      { label: 'Fixed', marker: 'triangle', values: valuesOver(xLabels, history, (s) => s.findings.totals.fixed) },
    ],
    axisLabel: 'Findings',
  };
}

/**
 * Remediation burn-down: per period of the client up to this one, the findings open at its end, past
 * SLA first; a period the portal has no summary of keeps its bar empty and says so.
 */
export function burnDownChart(periods: string[], current: string, history: PeriodSummary[]): BarChartInput {
  const periodsShown = trendPeriods(periods, current);
  const totals = valuesOver(periodsShown, history, (s) => s.findings.totals);
  return {
    series: [
      { label: 'Open past SLA', fill: 'hatch' },
      { label: 'Open within SLA or no SLA', fill: 'light' },
    ],
    rows: periodsShown.map((period, i) => {
      const t = totals[i];
      return t
        ? { label: period, values: [t.breached, t.open - t.breached], note: `${count(t.open)} open, ${count(t.breached)} past SLA` }
        : { label: period, values: [0, 0], note: 'not in this portal' };
    }),
    axisLabel: 'Open findings at the end of each period',
  };
}

/**
 * One priority's acknowledgment and resolution, P50 and P95, across every period of the client up to
 * this one, each as a percentage of its own target so the four lines share one axis with the target
 * at 100 %; a period the portal has no summary of, or with no ticket of that priority, leaves a gap.
 */
export function ticketSlaTrendChart(periods: string[], current: string, history: PeriodSummary[], priority: PrioritySummary['priority']): LineChartInput {
  const xLabels = trendPeriods(periods, current);
  const lines = [
    { label: 'Acknowledgment P50', pick: (p: PrioritySummary) => [p.ackP50, p.ackTargetHours] as const },
    { label: 'Acknowledgment P95', pick: (p: PrioritySummary) => [p.ackP95, p.ackTargetHours] as const },
    { label: 'Resolution P50', pick: (p: PrioritySummary) => [p.resolveP50, p.resolveTargetHours] as const },
    { label: 'Resolution P95', pick: (p: PrioritySummary) => [p.resolveP95, p.resolveTargetHours] as const },
  ];
  return {
    xLabels,
    series: lines.map(({ label, pick }, i) => ({
      label,
      marker: markers[i]!,
      values: valuesOver(xLabels, history, (s) => {
        const summary = s.tickets.byPriority.find((b) => b.priority === priority);
        if (!summary) return null;
        const [hoursTaken, target] = pick(summary);
        return hoursTaken === null ? null : Math.round((hoursTaken / target) * 1000) / 10;
      }),
    })),
    axisLabel: `${priority}: time taken as % of the target`,
    reference: { value: 100, label: 'Target' },
  };
}

/** The MSP overview: per client (in the order given), open findings past SLA and the rest. */
export function portfolioPastSlaChart(summaries: PeriodSummary[]): BarChartInput {
  return {
    series: [
      { label: 'Past SLA', fill: 'hatch' },
      { label: 'Within SLA or no SLA', fill: 'light' },
    ],
    rows: summaries.map((s) => ({
      label: s.client.id,
      values: [s.findings.totals.breached, s.findings.totals.open - s.findings.totals.breached],
      note: `${count(s.findings.totals.breached)} of ${count(s.findings.totals.open)} past SLA`,
    })),
    axisLabel: 'Open findings at the end of each client’s latest period',
  };
}

/** Per framework, its assessed controls by status; not-applicable controls are left out of the bar and counted in its note. */
export function controlStatusChart(frameworks: ControlsSection['frameworks']): BarChartInput {
  return {
    series: [
      { label: controlStatusLabels.gap.text, fill: 'hatch' },
      { label: controlStatusLabels.partial.text, fill: 'dots' },
      { label: controlStatusLabels.satisfied.text, fill: 'light' },
      { label: controlStatusLabels['not-assessed'].text, fill: 'dark' },
    ],
    rows: frameworks.map((f) => ({
      // The catalog's own name, not the model's text, so the bars keep their width whatever the model says.
      label: frameworkNames[f.id],
      values: [f.counts.gap, f.counts.partial, f.counts.satisfied, f.counts.notAssessed],
      note: `${count(f.counts.satisfied)} of ${count(f.total - f.counts.notApplicable)} satisfied`,
    })),
    axisLabel: 'Controls',
  };
}
