import { Severity, type ClientConfig } from '../model/client.ts';
import type { Finding } from '../model/evidence.ts';
import type { PeriodBounds } from '../model/period.ts';
import type { FindingChange, FindingRow, FindingsSection, SeveritySummary, SlaState } from '../model/report.ts';
import { addDays, daysBetween } from './percentile.ts';

const severityRank = Object.fromEntries(Severity.options.map((s, i) => [s, i])) as Record<Severity, number>;

/**
 * Findings of one period against the client's remediation SLA and the previous period: a finding
 * open at the previous period's end and absent from this period's scans was fixed; one seen again
 * keeps its first-seen date, so its age and SLA run from the first scan that saw it.
 */
export function assessFindings(
  current: readonly Finding[],
  previous: FindingsSection | null,
  period: PeriodBounds,
  sla: ClientConfig['sla']['findings_days'],
): FindingsSection {
  const previousOpen = new Map(previous?.open.map((f) => [f.key, f]));
  const previousFixed = new Set(previous?.fixed.map((f) => f.key));
  const periodEnd = `${period.end}T23:59:59.999Z`;
  const slaFor = (severity: Severity): number | null => (severity === 'info' ? null : sla[severity]);
  const scanners = new Set(current.map((f) => f.scanner));
  const latestScan = current.reduce((latest, f) => (f.lastSeen > latest ? f.lastSeen : latest), `${period.start}T00:00:00.000Z`);

  const row = (f: Finding | FindingRow, firstSeen: string, change: FindingChange, fixedAt: string | null): FindingRow => {
    const slaDays = slaFor(f.severity);
    const ageDays = daysBetween(firstSeen, fixedAt ?? periodEnd);
    const sla: SlaState = slaDays === null ? 'no-sla' : fixedAt ? (ageDays <= slaDays ? 'fixed-in-time' : 'fixed-late') : ageDays <= slaDays ? 'within' : 'breached';
    return {
      key: f.key, scanner: f.scanner, pluginId: f.pluginId, title: f.title, severity: f.severity, host: f.host, port: f.port,
      protocol: f.protocol, cves: f.cves, output: f.output, outputChars: f.outputChars, solution: f.solution, firstSeen, ageDays, slaDays,
      dueDate: slaDays === null ? null : addDays(firstSeen, slaDays), sla, change, source: f.source,
    };
  };

  const open: FindingRow[] = [];
  const fixed: FindingRow[] = [];
  const seen = new Set<string>();
  for (const f of current) {
    seen.add(f.key);
    const before = previousOpen.get(f.key);
    const firstSeen = before?.firstSeen ?? f.firstSeen ?? f.lastSeen;
    const change: FindingChange = before ? 'persisting' : previousFixed.has(f.key) ? 'reopened' : 'new';
    if (f.status === 'fixed') fixed.push(row(f, firstSeen, 'fixed', f.fixedAt ?? f.lastSeen));
    else open.push(row(f, firstSeen, change, null));
  }
  // Only a scanner that reported this period can tell that a finding went away.
  for (const before of previousOpen.values()) {
    if (!seen.has(before.key) && scanners.has(before.scanner)) fixed.push(row(before, before.firstSeen, 'fixed', latestScan));
  }

  const order = (a: FindingRow, b: FindingRow) =>
    severityRank[a.severity] - severityRank[b.severity] || b.ageDays - a.ageDays || a.key.localeCompare(b.key);
  open.sort(order);
  fixed.sort(order);

  const bySeverity = Severity.options.map((severity) => summarise(severity, slaFor(severity), open, fixed));
  const totals = Object.fromEntries(
    (['open', 'new', 'persisting', 'reopened', 'fixed', 'withinSla', 'breached'] as const).map((k) => [k, bySeverity.reduce((n, s) => n + s[k], 0)]),
  ) as FindingsSection['totals'];
  return { bySeverity, totals, open, fixed };
}

function summarise(severity: Severity, slaDays: number | null, open: FindingRow[], fixed: FindingRow[]): SeveritySummary {
  const mine = open.filter((f) => f.severity === severity);
  const count = (change: FindingChange) => mine.filter((f) => f.change === change).length;
  return {
    severity,
    slaDays,
    open: mine.length,
    new: count('new'),
    persisting: count('persisting'),
    reopened: count('reopened'),
    fixed: fixed.filter((f) => f.severity === severity).length,
    withinSla: mine.filter((f) => f.sla === 'within').length,
    breached: mine.filter((f) => f.sla === 'breached').length,
  };
}
