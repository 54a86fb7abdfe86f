import type { EvidenceRef, IngestFile, ReportModel } from '../../model/report.ts';
import { periodPagePath, type PeriodPage } from './paths.ts';

/**
 * Where the portal shows a piece of a control's evidence in full, as a path from the site root: the
 * page (and section) that lists the records of its file's kind, or the page of the report figure it
 * cites. A file of a kind no page lists leads to the evidence index, which lists every file.
 */
const kindPages: Partial<Record<IngestFile['kind'], { page: PeriodPage; section?: string }>> = {
  findings: { page: 'findings' },
  tickets: { page: 'tickets' },
  raci: { page: 'raci' },
  documents: { page: 'documents' },
  'restore-tests': { page: 'operations', section: 'restore-tests' },
  'access-reviews': { page: 'operations', section: 'access-reviews' },
  'remote-sessions': { page: 'operations', section: 'remote-sessions' },
  patches: { page: 'operations', section: 'patches' },
  alerts: { page: 'operations', section: 'alerts' },
  'risk-acceptances': { page: 'operations', section: 'risk-acceptances' },
};

export function evidencePath(report: ReportModel, evidence: EvidenceRef): string {
  const page = (slug: PeriodPage, section?: string) => `${periodPagePath(report.client.id, report.period.id, slug)}${section ? `#${section}` : ''}`;
  if (evidence.section !== 'ingest') return page(evidence.section);
  const kind = report.ingest.files.find((f) => f.file === evidence.file)?.kind;
  const shown = kind === undefined ? undefined : kindPages[kind];
  if (shown) return page(shown.page, shown.section);
  // Documents are read apart from the ingested exports, so their files are not in the ingest list.
  if (evidence.file !== null && report.documents.some((d) => d.file === evidence.file)) return page('documents');
  return page('evidence');
}
