import { renderMarkdown } from '../../src/documents/markdown.ts';
import { ReportModel } from '../../src/model/report.ts';
import type { OperationsSection } from '../../src/model/report.ts';
import type { PolicyDocument } from '../../src/model/document.ts';
import { sampleReport } from '../support/sample-report.ts';

/**
 * The sample report with `count` rows in each operations table and three documents, each row
 * carrying a marker of its own ("RST-000042"), so a test can find every row in the printed text.
 * `hostile` is planted in text fields of the first row of each table and in a document body.
 */

const pad = (n: number) => String(n).padStart(6, '0');
const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** Markers of the row `n` (1-based) of each table, as its first printed cell shows it. */
export const operationsMarker = {
  restore: (n: number) => `RST-${pad(n)}`,
  access: (n: number) => `ACC-${pad(n)}`,
  remote: (n: number) => `RS-${pad(n)}`,
  device: (n: number) => `DEV-${pad(n)}`,
  missing: (n: number) => `DEV-${pad(n)}`,
  alert: (n: number) => `AL-${pad(n)}`,
  risk: (n: number) => `RA-${pad(n)}`,
};

/** Paragraphs of the long document, each with its own marker. */
export const documentParagraph = (n: number) => `PAR-${pad(n)} Backups are taken nightly and kept for ninety days; restores are tested each quarter.`;

function operations(count: number, hostile: string): OperationsSection {
  const rows = Array.from({ length: count }, (_, i) => i + 1);
  const source = (file: string, n: number) => ({ file: `sample-clinic/2026-Q3/${file}`, line: n + 1 });
  const text = (n: number, plain: string) => (n === 1 ? `${plain} ${hostile}` : plain);
  return {
    restoreTests: rows.map((n) => ({
      system: `${operationsMarker.restore(n)} file server`, tested: '2026-08-15T10:00:00Z',
      rpoTargetHours: 24, rpoAchievedHours: n % 4 === 0 ? 30 : 12, rtoTargetHours: 4, rtoAchievedHours: n % 5 === 0 ? null : 3,
      result: (['pass', 'partial', 'fail'] as const)[n % 3]!, performedBy: text(n, 'tech1'), source: source('restore-tests.csv', n),
      rpoMet: n % 4 !== 0, rtoMet: n % 5 === 0 ? null : true,
    })),
    accessReviews: {
      rows: rows.map((n) => ({
        system: 'Active Directory', account: `${operationsMarker.access(n)} user`, access: text(n, 'Domain Users'), privileged: n % 3 === 0,
        reviewer: 'Pat Reviewer', reviewed: '2026-09-01', decision: (['keep', 'modify', 'revoke'] as const)[n % 3]!, source: source('access-reviews.csv', n),
      })),
      counts: { keep: Math.ceil(count / 3), modify: Math.ceil(count / 3), revoke: Math.floor(count / 3), privileged: Math.floor(count / 3) },
    },
    remoteSessions: {
      rows: rows.map((n) => ({
        id: operationsMarker.remote(n), user: text(n, 'vendor.tech'), party: 'Acme EHR support', target: 'ehr-01',
        start: '2026-08-01T14:00:00Z', end: '2026-08-01T15:00:00Z', durationMinutes: 60, recorded: n % 2 === 0,
        approvalTicket: n % 3 === 0 ? '' : `T-${n}`, source: source('remote-sessions.csv', n), flagged: n % 2 !== 0 || n % 3 === 0,
      })),
      flagged: rows.filter((n) => n % 2 !== 0 || n % 3 === 0).length,
    },
    patches: {
      devices: rows.map((n) => ({ device: operationsMarker.device(n), patches: 10, installed: 8, missing: 2, overdue: n % 2 })),
      compliantDevices: rows.filter((n) => n % 2 === 0).length,
      missing: rows.map((n) => ({
        device: operationsMarker.missing(n), patchId: `KB${5000000 + n}`, title: text(n, 'Cumulative update'), severity: n % 6 === 0 ? null : severities[n % 5]!,
        status: 'missing' as const, released: '2026-07-08', installed: null, source: source('patches.csv', n), overdue: n % 2 === 1,
      })),
    },
    alerts: {
      bySeverity: severities.map((severity) => ({ severity, total: rows.filter((n) => severities[n % 5] === severity).length, open: 1 })),
      rows: rows.map((n) => ({
        id: operationsMarker.alert(n), time: '2026-08-02T03:04:05Z', rule: 'brute-force', title: text(n, 'Repeated failed logons'),
        severity: severities[n % 5]!, host: 'dc-01', status: n % 4 === 0 ? 'open' as const : 'closed' as const, source: source('alerts.csv', n),
      })),
      response: [],
    },
    riskAcceptances: rows.map((n) => ({
      id: operationsMarker.risk(n), title: text(n, 'Legacy imaging workstation'), owner: 'Practice manager', approvedBy: 'Dr. Lee',
      accepted: '2026-01-01', expires: n % 2 === 0 ? '2026-08-01' : '2027-01-01', scope: ['10.0.0.5'], reason: 'Vendor has no supported version.',
      source: source('risk-acceptances.csv', n), inForce: n % 2 !== 0,
    })),
  };
}

function documents(paragraphCount: number, hostile: string): PolicyDocument[] {
  const base = { ownerSide: 'internal' as const, approver: 'Dr. Lee, Practice owner', effective: '2026-01-01', controls: ['164.308(a)(7)', '164.310(d)'], scope: 'client' as const };
  const written: Omit<PolicyDocument, 'bodyBlocks'>[] = [
    { ...base, file: 'sample-clinic/2026-Q3/policies/backup.md', title: 'Backup and recovery policy', kind: 'policy', nextReview: '2027-01-01',
      body: Array.from({ length: paragraphCount }, (_, i) => documentParagraph(i + 1)).join('\n\n') },
    { ...base, file: 'sample-clinic/2026-Q3/policies/hostile.md', title: `Incident procedure ${hostile}`, kind: 'procedure', nextReview: '2026-06-30',
      body: `# Incident procedure\n\n${hostile}\n{{client.name}} {{{css}}}\n\n${'averyveryverylongwordwithoutspaces'.repeat(8)}` },
    { ...base, file: 'content/policies/msp-access.md', title: 'MSP remote access plan', kind: 'plan', nextReview: '2026-09-30', controls: [], scope: 'msp', ownerSide: 'msp', body: '' },
  ];
  // Rendered as the ingest renders them.
  return written.map((d) => ({ ...d, bodyBlocks: renderMarkdown(d.body).blocks }));
}

export function withOperations(count: number, options: { paragraphs?: number; hostile?: string } = {}): ReportModel {
  const hostile = options.hostile ?? '<script>alert(1)</script>';
  return ReportModel.parse({ ...sampleReport(), operations: operations(count, hostile), documents: documents(options.paragraphs ?? 5, hostile) });
}
