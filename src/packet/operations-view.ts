import { blockHtml } from '../documents/markdown.ts';
import type { ReportModel } from '../model/report.ts';
import {
  alertStatusLabels, documentKindLabels, flaggedLabel, inForceLabel, metLabel, overdueLabel, patchStatusLabels, restoreResultLabels,
  reviewDecisionLabels, reviewLabel, severityLabels, sideLabels,
} from '../model/labels.ts';
import type { Severity } from '../model/client.ts';
import { formatDate, formatHours, formatInteger, formatLocation, formatTimestamp, noValue } from './format.ts';

/**
 * The operational evidence and the policy documents of the report model as display strings for
 * the packet's Operations and Policies chapters. Pure; formats, never computes a figure.
 */

type Operations = ReportModel['operations'];

const severityView = (severity: Severity | null) => (severity === null ? null : { text: severityLabels[severity], tone: severity });
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Why a remote session is flagged, in words; empty when it is in order. */
function flagReasons(session: Operations['remoteSessions']['rows'][number]): string {
  const reasons = [...(session.recorded ? [] : ['not recorded']), ...(session.approvalTicket === '' ? ['no approving ticket'] : [])];
  return reasons.join('; ');
}

export function operationsView(operations: Operations) {
  const { accessReviews, remoteSessions, patches, alerts } = operations;
  return {
    restoreTests: operations.restoreTests.map((t) => ({
      system: t.system,
      tested: formatTimestamp(t.tested),
      rpo: `${formatHours(t.rpoAchievedHours)} / ${formatHours(t.rpoTargetHours)}`,
      rpoMet: metLabel(t.rpoMet),
      rto: `${formatHours(t.rtoAchievedHours)} / ${formatHours(t.rtoTargetHours)}`,
      rtoMet: metLabel(t.rtoMet),
      result: restoreResultLabels[t.result],
      performedBy: t.performedBy,
      source: formatLocation(t.source),
    })),
    accessReviews: {
      counts: {
        keep: formatInteger(accessReviews.counts.keep),
        modify: formatInteger(accessReviews.counts.modify),
        revoke: formatInteger(accessReviews.counts.revoke),
        privileged: formatInteger(accessReviews.counts.privileged),
      },
      total: formatInteger(accessReviews.rows.length),
      rows: accessReviews.rows.map((r) => ({
        system: r.system,
        account: r.account,
        access: r.access,
        privileged: r.privileged ? 'Privileged' : null,
        reviewer: r.reviewer,
        reviewed: formatDate(r.reviewed),
        decision: reviewDecisionLabels[r.decision],
        source: formatLocation(r.source),
      })),
    },
    remoteSessions: {
      total: formatInteger(remoteSessions.rows.length),
      flagged: formatInteger(remoteSessions.flagged),
      rows: remoteSessions.rows.map((s) => ({
        id: s.id,
        user: s.user,
        party: s.party,
        target: s.target,
        start: formatTimestamp(s.start),
        end: s.end === null ? noValue : formatTimestamp(s.end),
        duration: s.durationMinutes === null ? noValue : `${formatInteger(s.durationMinutes)} min`,
        recorded: yesNo(s.recorded),
        approvalTicket: s.approvalTicket === '' ? noValue : s.approvalTicket,
        flag: flaggedLabel(s.flagged),
        reasons: s.flagged ? flagReasons(s) : '',
        source: formatLocation(s.source),
      })),
    },
    patches: {
      deviceCount: formatInteger(patches.devices.length),
      compliantDevices: formatInteger(patches.compliantDevices),
      missingCount: formatInteger(patches.missing.length),
      devices: patches.devices.map((d) => ({
        device: d.device,
        patches: formatInteger(d.patches),
        installed: formatInteger(d.installed),
        missing: formatInteger(d.missing),
        overdue: formatInteger(d.overdue),
      })),
      missing: patches.missing.map((p) => ({
        device: p.device,
        patchId: p.patchId,
        title: p.title,
        severity: severityView(p.severity),
        status: patchStatusLabels[p.status],
        released: formatDate(p.released),
        overdue: overdueLabel(p.overdue),
        source: formatLocation(p.source),
      })),
    },
    alerts: {
      total: formatInteger(alerts.rows.length),
      bySeverity: alerts.bySeverity.map((s) => ({ severity: severityView(s.severity), total: formatInteger(s.total), open: formatInteger(s.open) })),
      rows: alerts.rows.map((a) => ({
        id: a.id,
        time: formatTimestamp(a.time),
        rule: a.rule,
        title: a.title,
        severity: severityView(a.severity),
        host: a.host,
        status: alertStatusLabels[a.status],
        source: formatLocation(a.source),
      })),
    },
    riskAcceptances: operations.riskAcceptances.map((r) => ({
      id: r.id,
      title: r.title,
      owner: r.owner,
      approvedBy: r.approvedBy,
      accepted: formatDate(r.accepted),
      expires: formatDate(r.expires),
      scope: r.scope.join(', ') || noValue,
      reason: r.reason,
      state: inForceLabel(r.inForce),
      source: formatLocation(r.source),
    })),
  };
}

/**
 * A document's rendered body, block by block: each block (paragraph, list, table) prints whole,
 * and a long body is cut between blocks like a long table between rows. `text` (the HTML without
 * its tags, lines kept) only sizes the block for the part budget.
 */
function bodyBlocks(blocks: ReportModel['documents'][number]['bodyBlocks']): { html: string; text: string }[] {
  return blocks.map((block) => {
    const html = blockHtml(block);
    return { html, text: html.replace(/<[^>]*>/g, '') };
  });
}

export function documentsView(documents: ReportModel['documents'], periodEnd: string) {
  return documents.map((d) => ({
    title: d.title,
    kind: documentKindLabels[d.kind],
    scope: d.scope === 'msp' ? 'MSP-wide' : 'This client',
    ownerSide: sideLabels[d.ownerSide],
    approver: d.approver,
    effective: formatDate(d.effective),
    nextReview: formatDate(d.nextReview),
    // ISO dates compare as strings; a review date before the period's end has passed.
    review: reviewLabel(formatDate(d.nextReview) < formatDate(periodEnd)),
    controls: d.controls.join(', ') || noValue,
    file: d.file,
    blocks: bodyBlocks(d.bodyBlocks),
  }));
}
