import type { z } from 'zod';
import type { SourceRef } from '../model/evidence.ts';
import type { XmlRecord } from './xml-records.ts';

/** Evidence kinds Proofbook reads; each kind has one normalised record type in src/model/evidence.ts. */
export const evidenceKinds = ['findings', 'tickets', 'raci', 'alerts', 'restore-tests', 'access-reviews', 'remote-sessions', 'patches', 'risk-acceptances'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface ColumnSpec {
  /** Names this field is known by in the exporting tool's words: CSV headers (matched without regard to case), XML or JSON paths. */
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

/** A field's values as the reader found them: text, or absent. */
export type RawValues = Record<string, string | undefined>;

/**
 * A row's values in the order of its format's `columns` (see `fieldsOf`): text, or absent. Rows
 * travel as arrays so that reading a field is an index, not a look-up by name on every row.
 */
export type Cells = ReadonlyArray<string | undefined>;

/** A format's field keys, in the order of its rows' `Cells`. */
export const fieldsOf = (format: { columns: object }): string[] => Object.keys(format.columns);

/**
 * What every format declares: its fields, the schema a row must meet and how a valid row becomes a
 * normalised record. Formats only declare; `readEvidence` reads, validates and counts.
 */
interface FormatBase<Row extends Record<string, unknown>, Record_> {
  id: string;
  kind: EvidenceKind;
  title: string;
  columns: { [K in keyof Row & string]: ColumnSpec };
  rowSchema(context: { timezone: string }): z.ZodType<Row, RawValues>;
  toRecord(row: Row, context: RowContext): Record_;
  /** Records with the same key in one file are one record seen twice. */
  key(record: Record_): string;
  /** Folds a repeated record into the first one (e.g. Nessus writes one row per CVE). */
  merge?(first: Record_, again: Record_): Record_;
  /**
   * Gives a record that is stored its own texts (see `Texts`); `kept` is the record stored before,
   * when `record` is a merge of it, whose texts are owned already. By default every text is.
   */
  retain?(record: Record_, texts: Texts, kept?: Record_): Record_;
}

/**
 * Values read are views of the file's decoded text (V8 keeps a substring of 13 characters or more
 * as a view of its parent), and a stored record holding one would hold the text it came from: so
 * ingest would hold the file. `copy` gives a record its own copy of a text; `share` holds one copy
 * of a text that repeats across records (hosts, titles, solutions) for all of them.
 */
export interface Texts {
  copy(text: string): string;
  share(text: string): string;
}

/** A CSV export, recognised by its header row. */
export interface CsvFormat<Row extends Record<string, unknown>, Record_> extends FormatBase<Row, Record_> {
  syntax: 'csv';
  /** The format is recognised when every one of these groups has a header present. */
  signature: readonly (readonly string[])[];
}

/** An XML report, recognised by its root element; one record per `record` element. */
export interface XmlFormat<Row extends Record<string, unknown>, Record_> extends FormatBase<Row, Record_> {
  syntax: 'xml';
  root: string;
  record: string;
  /** Elements kept whole while their parent is open, for the records inside it (e.g. a host's properties). */
  context?: readonly string[];
  values(record: XmlRecord): RawValues;
}

/** JSON lines, a JSON array of records, or a JSON document holding the array of records at `records`. */
export interface JsonFormat<Row extends Record<string, unknown>, Record_> extends FormatBase<Row, Record_> {
  syntax: 'json';
  /** Dotted path of the array of records in a document; '' for JSON lines or a top-level array. */
  records: string;
  /** Recognises the format from the first record. */
  matches(first: Record<string, unknown>): boolean;
  values(record: Record<string, unknown>): RawValues;
}

/** A YAML file with a list of records under the top-level key `records`. */
export interface YamlFormat<Row extends Record<string, unknown>, Record_> extends FormatBase<Row, Record_> {
  syntax: 'yaml';
  records: string;
  values(record: Record<string, unknown>): RawValues;
}

export type EvidenceFormat<Row extends Record<string, unknown> = Record<string, unknown>, Record_ = unknown> =
  | CsvFormat<Row, Record_>
  | XmlFormat<Row, Record_>
  | JsonFormat<Row, Record_>
  | YamlFormat<Row, Record_>;

export type AnyFormat = EvidenceFormat<Record<string, unknown>, unknown>;

export const normaliseHeader = (header: string): string => header.trim().toLowerCase().replace(/\s+/g, ' ');
