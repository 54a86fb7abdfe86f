import type { z } from 'zod';
import type { SourceRef } from '../model/evidence.ts';

export type EvidenceKind = 'findings' | 'tickets' | 'raci';

export interface ColumnSpec {
  /** Header names this column is known by, in the exporting tool's words; matched case-insensitively. */
  headers: readonly string[];
  required: boolean;
  description: string;
}

/** What a row needs besides its own fields to become a record. */
export interface RowContext {
  source: SourceRef;
  /** Client time zone for timestamps without an offset. */
  timezone: string;
  /** YYYY-MM-DD the file's evidence describes (scan date), from drop.yaml or the period's end. */
  effective: string;
}

/**
 * A CSV export format: its columns, the schema each row must meet and how a valid row becomes a
 * normalised record. Formats only declare; `readCsvEvidence` reads, validates and counts.
 */
export interface CsvFormat<Row extends Record<string, unknown>, Record_> {
  id: string;
  kind: EvidenceKind;
  title: string;
  columns: { [K in keyof Row & string]: ColumnSpec };
  /** The format is recognised when every one of these groups has a header present. */
  signature: readonly (readonly string[])[];
  rowSchema(context: { timezone: string }): z.ZodType<Row, Record<string, string | undefined>>;
  toRecord(row: Row, context: RowContext): Record_;
  /** Records with the same key in one file are one record seen twice. */
  key(record: Record_): string;
  /** Folds a repeated record into the first one (e.g. Nessus writes one row per CVE). */
  merge?(first: Record_, again: Record_): Record_;
}

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/\s+/g, ' ');
