import type { ControlAssessment, ControlGroup, FindingRow, OpenItem, ReportModel } from '../model/report.ts';
import { frameworkNames } from '../model/client.ts';
import { formatDate, formatHours, formatInteger, formatLocation, formatTimestamp, noValue, shorten } from './format.ts';
import { changeLabels, controlStatusLabels, metLabel, severityLabels, sideLabels, slaLabels, statusLabels } from '../model/labels.ts';
import { contentsId, sections } from './sections.ts';
import { documentsView, operationsView } from './operations-view.ts';

/**
 * The report model turned into display strings for the templates, so the templates stay free of
 * logic. Pure; formats the model's figures and never computes new ones.
 */

/** Scanner output longer than this is shortened in print, with a pointer to where the rest is. */
const outputLimit = 600;

export interface ViewOptions {
  signedWithDevelopmentKey: boolean;
  /** Page of each section id, once a first print has shown where headings land; null before. */
  pageNumbers: ReadonlyMap<string, number> | null;
}

/** Scanner output as printed, with a note saying where the rest is when it was shortened. */
function outputView(row: FindingRow, period: string) {
  const { text, total } = shorten(row.output, outputLimit);
  // Ingest keeps only the start of a very long output (outputChars counts all of it): then the portal has no more than print.
  if (total === null && row.outputChars === undefined) return { text, note: null };
  const shown = total === null ? Array.from(text).length : outputLimit;
  const portal = total === null ? '' : ` more on the portal's Findings page of ${period}, and`;
  const source = row.source === null ? '' : ` at ${formatLocation(row.source)}`;
  return {
    text: total === null ? `${text}…` : text,
    note: `Shortened to the first ${formatInteger(shown)} of ${formatInteger(row.outputChars ?? total!)} characters;${portal} all of it in the export${source}.`,
  };
}

function findingView(row: FindingRow, index: number, period: string) {
  return {
    number: formatInteger(index + 1),
    severity: { text: severityLabels[row.severity], tone: row.severity },
    change: changeLabels[row.change],
    title: row.title,
    scanner: row.scanner,
    pluginId: row.pluginId,
    cves: row.cves.join(', '),
    output: outputView(row, period),
    host: row.host,
    service: `${row.port}/${row.protocol}`,
    firstSeen: formatDate(row.firstSeen),
    ageDays: formatInteger(row.ageDays),
    slaTarget: row.slaDays === null ? null : `SLA ${formatInteger(row.slaDays)} days`,
    dueDate: formatDate(row.dueDate),
    sla: slaLabels[row.sla],
    source: row.source === null ? noValue : formatLocation(row.source),
  };
}

function countsView(counts: ReportModel['findings']['totals']) {
  return {
    open: formatInteger(counts.open),
    new: formatInteger(counts.new),
    persisting: formatInteger(counts.persisting),
    reopened: formatInteger(counts.reopened),
    fixed: formatInteger(counts.fixed),
    withinSla: formatInteger(counts.withinSla),
    breached: formatInteger(counts.breached),
  };
}

function sidesView(sides: readonly ('msp' | 'internal')[]): string {
  return sides.length === 0 ? noValue : sides.map((side) => sideLabels[side]).join(', ');
}

function statusCountsView(counts: ControlGroup['counts']) {
  return {
    satisfied: formatInteger(counts.satisfied),
    partial: formatInteger(counts.partial),
    gap: formatInteger(counts.gap),
    notApplicable: formatInteger(counts.notApplicable),
    notAssessed: formatInteger(counts.notAssessed),
  };
}

function controlView(control: ControlAssessment) {
  return {
    id: control.id,
    title: control.title,
    citation: control.citation,
    status: controlStatusLabels[control.status],
    previous: control.previousStatus === null ? noValue : controlStatusLabels[control.previousStatus].text,
    rule: control.rule === null ? null : `${control.rule.id}: ${control.rule.title}`,
    reason: control.reason,
    evidence: control.evidence.map((e) => (e.effective === null ? e.label : `${e.label} (${formatDate(e.effective)})`)),
    accountable: control.accountable === null ? noValue : sideLabels[control.accountable],
    responsible: sidesView(control.responsible),
    raciIssues: control.raciIssues,
    // No rule and no evidence: one compact line, so a binder is not dozens of pages of "not assessed".
    assessed: control.status !== 'not-assessed',
  };
}

function groupView(group: ControlGroup) {
  return { id: group.id, title: group.title, status: controlStatusLabels[group.status], ...statusCountsView(group.counts) };
}

function openItemView(item: OpenItem) {
  return {
    framework: frameworkNames[item.framework],
    id: item.id,
    title: item.title,
    status: controlStatusLabels[item.status],
    reason: item.reason,
    accountable: item.accountable === null ? noValue : sideLabels[item.accountable],
  };
}

/** The regulator-shaped summaries of the frameworks in scope; null for the others. */
function regulatoryView(regulatory: ReportModel['regulatory']) {
  const { nydfsCertification: nydfs, ftcBoardReport: ftc, hipaaRiskAnalysis: hipaa } = regulatory;
  return {
    any: nydfs !== null || ftc !== null || hipaa !== null,
    nydfs: nydfs && {
      sections: nydfs.sections.map(groupView),
      supports: nydfs.supportsCertification
        ? { text: 'Supports certification of compliance', tone: 'good' }
        : { text: 'Supports an acknowledgment of noncompliance', tone: 'bad' },
      items: nydfs.acknowledgmentItems.map(openItemView),
    },
    ftc: ftc && {
      overall: groupView(ftc.overall),
      elements: ftc.elements.map(groupView),
      materialMatters: ftc.materialMatters,
      recommendations: ftc.recommendations.map(openItemView),
    },
    hipaa: hipaa && {
      safeguards: hipaa.safeguards.map(groupView),
      vulnerabilities: hipaa.vulnerabilities,
      gaps: hipaa.gaps.map(openItemView),
    },
  };
}

export function packetView(report: ReportModel, options: ViewOptions) {
  const { findings, tickets, ingest } = report;
  const heading = Object.fromEntries(sections.map((s) => [s.id, s]));
  return {
    developmentKey: options.signedWithDevelopmentKey,
    client: {
      name: report.client.name,
      frameworks: report.client.frameworks.map((f) => f.name),
      owner: report.client.complianceOwner,
    },
    msp: report.msp.name,
    period: {
      id: report.period.id,
      start: formatDate(report.period.start),
      end: formatDate(report.period.end),
      previous: report.previousPeriod ?? noValue,
    },
    builtAt: formatTimestamp(report.generatedAt),
    toolVersion: report.toolVersion,
    contentsId,
    heading,
    toc: sections.map((s) => ({
      ...s,
      // Blank on the first print; the cell has a fixed width, so filling it in moves nothing.
      page: options.pageNumbers?.get(s.id)?.toString() ?? '',
    })),
    headlines: report.headlines.map((h) => ({ ...h, status: statusLabels[h.status] })),
    findings: {
      bySeverity: findings.bySeverity.map((s) => ({
        severity: { text: severityLabels[s.severity], tone: s.severity },
        slaDays: s.slaDays === null ? noValue : formatInteger(s.slaDays),
        ...countsView(s),
      })),
      totals: countsView(findings.totals),
      open: findings.open.map((row, i) => findingView(row, i, report.period.id)),
      openCount: formatInteger(findings.open.length),
      fixed: findings.fixed.map((row, i) => findingView(row, i, report.period.id)),
      fixedCount: formatInteger(findings.fixed.length),
    },
    tickets: {
      total: formatInteger(tickets.total),
      byPriority: tickets.byPriority.map((p) => ({
        priority: p.priority,
        tickets: formatInteger(p.tickets),
        open: formatInteger(p.open),
        ackTarget: formatHours(p.ackTargetHours),
        ackP50: formatHours(p.ackP50),
        ackP95: formatHours(p.ackP95),
        ackMet: metLabel(p.ackMet),
        ackBreaches: formatInteger(p.ackBreaches),
        resolveTarget: formatHours(p.resolveTargetHours),
        resolveP50: formatHours(p.resolveP50),
        resolveP95: formatHours(p.resolveP95),
        resolveMet: metLabel(p.resolveMet),
        resolveBreaches: formatInteger(p.resolveBreaches),
      })),
      bySide: tickets.bySide.map((s) => ({
        side: sideLabels[s.side],
        tickets: formatInteger(s.tickets),
        breaches: formatInteger(s.breaches),
      })),
      breachCount: formatInteger(tickets.breaches.length),
      breaches: tickets.breaches.map((b) => ({
        id: b.id,
        title: b.title,
        priority: b.priority,
        side: sideLabels[b.ownerSide],
        assignee: b.assignee,
        measure: b.measure === 'acknowledgment' ? 'Acknowledgment' : 'Resolution',
        actualHours: formatHours(b.actualHours),
        targetHours: formatHours(b.targetHours),
        state: b.outstanding ? 'Outstanding at period end' : 'Closed',
        created: formatTimestamp(b.created),
        source: formatLocation(b.source),
      })),
    },
    operations: operationsView(report.operations),
    documents: documentsView(report.documents, report.period.end),
    raci: report.raci.map((r) => ({
      task: r.task,
      controls: r.controls.join(', ') || noValue,
      responsible: sidesView(r.responsible),
      accountable: sideLabels[r.accountable],
      consulted: sidesView(r.consulted),
      informed: sidesView(r.informed),
      source: formatLocation(r.source),
    })),
    controls: {
      frameworks: report.controls.frameworks.map((framework) => ({
        name: framework.name,
        version: framework.version,
        total: formatInteger(framework.total),
        counts: statusCountsView(framework.counts),
        controls: report.controls.controls.filter((c) => c.framework === framework.id).map(controlView),
      })),
    },
    regulatory: regulatoryView(report.regulatory),
    ingest: {
      files: ingest.files.map((f) => ({
        file: f.file,
        kind: f.kind,
        format: f.format,
        sha256: f.sha256,
        bytes: formatInteger(f.bytes),
        effective: formatDate(f.effective),
        rowsRead: formatInteger(f.rowsRead),
        accepted: formatInteger(f.accepted),
        rejected: formatInteger(f.rejected),
        duplicates: formatInteger(f.duplicates),
      })),
      totals: {
        rowsRead: formatInteger(ingest.totals.rowsRead),
        accepted: formatInteger(ingest.totals.accepted),
        rejected: formatInteger(ingest.totals.rejected),
        duplicates: formatInteger(ingest.totals.duplicates),
      },
      diagnostics: ingest.diagnostics.map((d) => ({
        location: formatLocation(d),
        field: d.field ?? noValue,
        rule: d.rule,
        severity: { text: d.severity === 'error' ? 'Error' : 'Warning', tone: d.severity === 'error' ? 'bad' : 'warn' },
        message: d.message,
        hint: d.hint,
      })),
    },
  };
}

export type PacketView = ReturnType<typeof packetView>;
