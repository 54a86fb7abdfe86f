import type { OwnerSide } from '../../model/client.ts';
import type { EvidenceRef, IngestFile } from '../../model/report.ts';
import { calendarDays } from '../percentile.ts';
import type { CheckContext } from './checks.ts';

/** Files of a kind, each as evidence, and whether the newest is within the TTL. */
export function fileEvidence(context: CheckContext, kind: IngestFile['kind'], side: OwnerSide | null, ttlDays: number) {
  const files = context.files.filter((f) => f.kind === kind);
  const evidence: EvidenceRef[] = files.map((f) => ({ label: `${f.file} (${f.accepted} records)`, file: f.file, effective: f.effective, side, section: 'ingest' }));
  const newest = files.map((f) => f.effective).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const fresh = newest !== null && calendarDays(newest, context.periodEnd) <= ttlDays;
  return { files, evidence, newest, fresh };
}
