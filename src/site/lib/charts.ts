/**
 * Chart geometry, computed at build time into plain numbers that SVG components draw: no client
 * script, no library at run time. Every series differs by fill pattern or marker shape and dash as
 * well as by tone, and carries its label, so a chart reads in greyscale print and without colour.
 */

/** How a bar segment is filled; the components draw each as a pattern that survives photocopying. */
export type Fill = 'dark' | 'hatch' | 'light' | 'dots';
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export interface BarChartInput {
  series: { label: string; fill: Fill }[];
  /** One bar per row; `values` has one number per series, stacked left to right. */
  rows: { label: string; values: number[]; note: string }[];
  axisLabel: string;
  /** A vertical line across every bar, e.g. the target at 100 %. */
  reference?: { value: number; label: string };
}

export interface LineChartInput {
  /** The x positions, in order; a series value of null leaves a gap there. */
  xLabels: string[];
  series: { label: string; marker: Marker; values: (number | null)[] }[];
  axisLabel: string;
  reference?: { value: number; label: string };
}

export interface Tick {
  at: number;
  label: string;
}

export interface BarChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  ticks: Tick[];
  rows: { label: string; y: number; labelY: number; note: string; noteX: number; segments: { x: number; width: number; fill: Fill; value: number }[] }[];
  reference: { x: number; label: string } | null;
  legend: { label: string; fill: Fill; x: number; y: number }[];
}

export interface LineChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  yTicks: Tick[];
  xTicks: Tick[];
  series: { label: string; marker: Marker; dash: string; path: string; points: { x: number; y: number; value: number }[]; end: { x: number; y: number } | null }[];
  reference: { y: number; label: string } | null;
  legend: { label: string; marker: Marker; dash: string; x: number; y: number }[];
}

const width = 720;
const charWidth = 7;
const barHeight = 22;
const barGap = 12;
const dashes = ['', '6 4', '2 3', '8 3 2 3'];

/** A rounded axis maximum and step covering `max` in about `count` steps (1, 2 or 5 × 10^n). */
export function niceScale(max: number, count = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function ticksOf(scale: { max: number; step: number }): number[] {
  return Array.from({ length: Math.round(scale.max / scale.step) + 1 }, (_, i) => i * scale.step);
}

/** Legend entries left to right from `x0`, wrapping to a new line where one would run past the chart. */
function legendPositions<T extends { label: string }>(items: T[], x0: number, swatch: number): (T & { x: number; line: number })[] {
  let x = x0;
  let line = 0;
  return items.map((item) => {
    const entry = swatch + 8 + item.label.length * charWidth;
    if (x > x0 && x + entry > width) {
      x = x0;
      line++;
    }
    const placed = { ...item, x, line };
    x += entry + 24;
    return placed;
  });
}

export function layoutBars(input: BarChartInput): BarChartLayout {
  const labelWidth = Math.max(60, ...input.rows.map((r) => r.label.length * charWidth + 12));
  const noteWidth = Math.max(40, ...input.rows.map((r) => r.note.length * charWidth + 8));
  const plot = { x: labelWidth, y: 22, width: width - labelWidth - noteWidth, height: input.rows.length * (barHeight + barGap) };
  const total = (values: number[]) => values.reduce((sum, v) => sum + v, 0);
  const scale = niceScale(Math.max(input.reference?.value ?? 0, ...input.rows.map((r) => total(r.values))));
  const x = (value: number) => plot.x + (value / scale.max) * plot.width;
  const rows = input.rows.map((row, i) => {
    const y = plot.y + i * (barHeight + barGap) + barGap / 2;
    let sum = 0;
    const segments = row.values.map((value, s) => {
      const segment = { x: round(x(sum)), width: round(x(sum + value) - x(sum)), fill: input.series[s]!.fill, value };
      sum += value;
      return segment;
    });
    return { label: row.label, y, labelY: y + barHeight / 2, note: row.note, noteX: round(x(sum) + 6), segments };
  });
  const legend = placeLegend(legendPositions(input.series, plot.x, 14), plot.y + plot.height + 44);
  return {
    width,
    height: legend.bottom,
    plot,
    ticks: ticksOf(scale).map((v) => ({ at: round(x(v)), label: format.format(v) })),
    rows,
    reference: input.reference ? { x: round(x(input.reference.value)), label: input.reference.label } : null,
    legend: legend.entries,
  };
}

export function layoutLines(input: LineChartInput): LineChartLayout {
  const endWidth = Math.max(40, ...input.series.map((s) => s.label.length * charWidth + 14));
  const plot = { x: 56, y: 12, width: width - 56 - endWidth, height: 200 };
  const values = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = niceScale(Math.max(input.reference?.value ?? 0, ...values));
  const y = (value: number) => plot.y + plot.height - (value / scale.max) * plot.height;
  // Periods sit in the middle of equal slots, so one period alone is centred, not on the axis.
  const slot = plot.width / Math.max(1, input.xLabels.length);
  const x = (i: number) => plot.x + slot * (i + 0.5);
  const series = input.series.map((s, n) => {
    const points = s.values.flatMap((value, i) => (value === null ? [] : [{ x: x(i), y: y(value), value, i }]));
    // A gap (a period with no data) breaks the line rather than bridging it.
    const path = points.map((p, k) => `${k > 0 && points[k - 1]!.i === p.i - 1 ? 'L' : 'M'}${round(p.x)} ${round(p.y)}`).join(' ');
    const last = points.at(-1);
    return {
      label: s.label,
      marker: s.marker,
      dash: dashes[n % dashes.length]!,
      path,
      points: points.map(({ x: px, y: py, value }) => ({ x: round(px), y: round(py), value })),
      end: last ? { x: round(last.x + 10), y: round(last.y) } : null,
    };
  });
  const endLabels = spreadEnds(series.flatMap((s) => (s.end ? [s.end] : [])), 13);
  const legend = placeLegend(legendPositions(series.map((s) => ({ label: s.label, marker: s.marker, dash: s.dash })), plot.x, 28), plot.y + plot.height + 48);
  return {
    width,
    height: legend.bottom,
    plot,
    yTicks: ticksOf(scale).map((v) => ({ at: round(y(v)), label: format.format(v) })),
    xTicks: input.xLabels.map((label, i) => ({ at: round(x(i)), label })),
    series: series.map((s) => ({ ...s, end: s.end ? endLabels.get(s.end)! : null })),
    reference: input.reference ? { y: round(y(input.reference.value)), label: input.reference.label } : null,
    legend: legend.entries,
  };
}

const legendLine = 20;

function placeLegend<T extends { line: number }>(entries: T[], top: number): { entries: (Omit<T, 'line'> & { y: number })[]; bottom: number } {
  const lines = Math.max(1, ...entries.map((e) => e.line + 1));
  return {
    entries: entries.map(({ line, ...rest }) => ({ ...rest, y: top + line * legendLine })),
    bottom: top + (lines - 1) * legendLine + 16,
  };
}

/** Moves end labels apart vertically so that labels of series ending close together do not overlap. */
function spreadEnds(ends: { x: number; y: number }[], gap: number): Map<{ x: number; y: number }, { x: number; y: number }> {
  const sorted = [...ends].sort((a, b) => a.y - b.y);
  const placed = new Map<{ x: number; y: number }, { x: number; y: number }>();
  let previous = -Infinity;
  for (const end of sorted) {
    const y = Math.max(end.y, previous + gap);
    placed.set(end, { x: end.x, y: round(y) });
    previous = y;
  }
  return placed;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The chart's figures in a sentence, for screen readers (the SVG's description). */
export function describeBars(input: BarChartInput): string {
  const rows = input.rows.map((row) => {
    const parts = row.values.flatMap((v, s) => (v > 0 ? [`${format.format(v)} ${input.series[s]!.label.toLowerCase()}`] : []));
    return `${row.label}: ${row.note}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  });
  return `${input.axisLabel}. ${rows.join('; ')}.`;
}

export function describeLines(input: LineChartInput): string {
  const series = input.series.map(
    (s) => `${s.label}: ${s.values.map((v, i) => `${input.xLabels[i]} ${v === null ? 'no data' : format.format(v)}`).join(', ')}`,
  );
  return `${input.axisLabel}. ${series.join('; ')}.`;
}
