import { renderMarkdown } from '../../src/documents/markdown.ts';
import type { ReportModel } from '../../src/model/report.ts';

/**
 * Adds operational evidence and documents to a portal model: two restore tests (one missing its RTO),
 * access reviews of every decision, a recorded and approved session beside one flagged for both
 * reasons, a device with an overdue patch, alerts of two severities, an acceptance in force and an
 * expired one, and a current and a stale policy, one naming a control the controls page shows.
 * `marker` goes into the text fields, as in the sample model.
 */
/** A document body as written, and rendered as the ingest renders it. */
const written = (body: string) => ({ body, bodyBlocks: renderMarkdown(body).blocks });

export function withOperations(model: ReportModel, marker = ''): ReportModel {
  const at = (file: string, line: number) => ({ file: `${model.client.id}/${model.period.id}/${file}`, line });
  return {
    ...model,
    operations: {
      restoreTests: [
        { system: `File server ${marker}`, tested: '2026-08-04T10:00:00Z', rpoTargetHours: 24, rpoAchievedHours: 12, rtoTargetHours: 8, rtoAchievedHours: 6, result: 'pass', performedBy: `Backup tech ${marker}`, source: at('restore-tests.csv', 2), rpoMet: true, rtoMet: true },
        { system: `Practice database ${marker}`, tested: '2026-09-10T15:30:00Z', rpoTargetHours: 4, rpoAchievedHours: 2, rtoTargetHours: 4, rtoAchievedHours: 9.5, result: 'partial', performedBy: `Backup tech ${marker}`, source: at('restore-tests.csv', 3), rpoMet: true, rtoMet: false },
      ],
      accessReviews: {
        rows: [
          { system: `EHR ${marker}`, account: `jdoe ${marker}`, access: `Clinician ${marker}`, privileged: false, reviewer: `Practice manager ${marker}`, reviewed: '2026-08-15', decision: 'keep', source: at('access-reviews.csv', 2) },
          { system: `Domain ${marker}`, account: `admin.old ${marker}`, access: `Domain admin ${marker}`, privileged: true, reviewer: `Practice manager ${marker}`, reviewed: '2026-08-15', decision: 'revoke', source: at('access-reviews.csv', 3) },
          { system: `Domain ${marker}`, account: `svc.backup ${marker}`, access: `Backup operator ${marker}`, privileged: true, reviewer: `Practice manager ${marker}`, reviewed: '2026-08-15', decision: 'modify', source: at('access-reviews.csv', 4) },
        ],
        counts: { keep: 1, modify: 1, revoke: 1, privileged: 2 },
      },
      remoteSessions: {
        rows: [
          { id: 'RS-1', user: `tech.one ${marker}`, party: `MSP ${marker}`, target: `DC01 ${marker}`, start: '2026-07-20T09:00:00Z', end: '2026-07-20T09:45:00Z', durationMinutes: 45, recorded: true, approvalTicket: 'T-100', source: at('remote-sessions.csv', 2), flagged: false },
          { id: 'RS-2', user: `vendor.x ${marker}`, party: `Imaging vendor ${marker}`, target: `PACS ${marker}`, start: '2026-08-02T22:10:00Z', end: null, durationMinutes: null, recorded: false, approvalTicket: '', source: at('remote-sessions.csv', 3), flagged: true },
        ],
        flagged: 1,
      },
      patches: {
        devices: [
          { device: `WS-FRONT ${marker}`, patches: 3, installed: 2, missing: 1, overdue: 1 },
          { device: `WS-BACK ${marker}`, patches: 2, installed: 2, missing: 0, overdue: 0 },
        ],
        compliantDevices: 1,
        missing: [
          { device: `WS-FRONT ${marker}`, patchId: 'KB5030211', title: `Cumulative update ${marker}`, severity: 'critical', status: 'missing', released: '2026-07-08', installed: null, source: at('patches.csv', 4), overdue: true },
        ],
      },
      alerts: {
        bySeverity: [
          { severity: 'high', total: 1, open: 1 },
          { severity: 'low', total: 1, open: 0 },
        ],
        rows: [
          { id: 'AL-1', time: '2026-08-11T03:12:00Z', rule: `brute-force ${marker}`, title: `Repeated failed logons ${marker}`, severity: 'high', host: `DC01 ${marker}`, status: 'open', source: at('alerts.csv', 2), acknowledged: '2026-08-11T03:42:00Z', escalated: true, escalatedTo: `T-200 ${marker}` },
          { id: 'AL-2', time: '2026-09-01T12:00:00Z', rule: `usb ${marker}`, title: `USB storage attached ${marker}`, severity: 'low', host: `WS-FRONT ${marker}`, status: 'closed', source: at('alerts.csv', 3), acknowledged: '2026-09-01T16:00:00Z', escalated: false },
        ],
        response: [
          { severity: 'high', alerts: 1, acknowledged: 1, notRecorded: 0, waiting: 0, ackP50: 0.5, ackP95: 0.5, escalated: 1 },
          { severity: 'low', alerts: 1, acknowledged: 1, notRecorded: 0, waiting: 0, ackP50: 4, ackP95: 4, escalated: 0 },
        ],
      },
      riskAcceptances: [
        { id: 'RA-1', title: `Legacy imaging PC ${marker}`, owner: `Owner ${marker}`, approvedBy: `Practice manager ${marker}`, accepted: '2026-01-10', expires: '2026-12-31', scope: ['PACS'], reason: `Vendor has no update ${marker}`, source: at('risk-acceptances.yaml', 1), inForce: true },
        { id: 'RA-2', title: `Old firewall rule ${marker}`, owner: `Owner ${marker}`, approvedBy: `Practice manager ${marker}`, accepted: '2025-06-01', expires: '2026-06-30', scope: ['FW-01'], reason: `Migration pending ${marker}`, source: at('risk-acceptances.yaml', 9), inForce: false },
      ],
    },
    documents: [
      {
        file: `${model.client.id}/policies/security-policy.md`, title: `Information security policy ${marker}`, kind: 'policy', ownerSide: 'internal', approver: `Dr. Owner ${marker}`,
        effective: '2026-01-01', nextReview: '2027-01-01', controls: ['164.308(a)(1)(ii)(A)', '9.9.9'], ...written(`# Purpose ${marker}\nProtect patient data.\n\nSecond paragraph ${marker}.`), scope: 'client',
      },
      {
        file: 'content/incident-response.md', title: `Incident response plan ${marker}`, kind: 'plan', ownerSide: 'msp', approver: `MSP director ${marker}`,
        effective: '2025-03-01', nextReview: '2026-03-01', controls: [], ...written(`Call the MSP first ${marker}.`), scope: 'msp',
      },
    ],
  };
}
