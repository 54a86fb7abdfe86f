import { z } from 'zod';
import type { RuleId } from '../model/rules.ts';
import { cellParse, type CellParse } from './fields.ts';
import type { Cells, RawValues } from './format.ts';

/** A problem with one field of a row: the field's key in the format, the message and the rule. */
export interface RowIssue {
  key: string;
  message: string;
  rule: RuleId;
}

export type RowResult = { ok: true; data: Record<string, unknown> } | { ok: false; issues: RowIssue[] };

/** Validates and normalises one row's cells against a format's row schema. */
export type RowParser = (cells: Cells) => RowResult;

/**
 * The row parser of a format's zod row schema. When the schema is a plain object of cells made by
 * `field` (every findings format is), the cells' own functions run directly, in the schema's
 * order, with no zod machinery per row: the same checks, messages and output as zod gives
 * (tests/ingest/row-parser.test.ts holds them to it). Any other schema (object-level refinements,
 * cells built some other way) is run by zod itself.
 */
export function rowParser(schema: z.ZodType<Record<string, unknown>, RawValues>, fields: readonly string[]): RowParser {
  return compiledRowParser(schema, fields) ?? viaZod(schema, fields);
}

/** Always through zod, on the cells keyed by `fields`: the reference the compiled path is held to. */
export function viaZod(schema: z.ZodType<Record<string, unknown>, RawValues>, fields: readonly string[]): RowParser {
  return (cells) => {
    const values: RawValues = {};
    for (let f = 0; f < fields.length; f++) values[fields[f]!] = cells[f];
    const parsed = schema.safeParse(values);
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        key: String(issue.path[0] ?? ''),
        message: issue.message,
        rule: ((issue as { params?: { rule?: RuleId } }).params?.rule ?? 'field/invalid-value') as RuleId,
      })),
    };
  };
}

/** The cells' own functions run in the schema's order; null when the schema is not a plain object of `field` cells. */
export function compiledRowParser(schema: z.ZodType<Record<string, unknown>, RawValues>, fields: readonly string[]): RowParser | null {
  const fallback = viaZod(schema, fields);
  if (!(schema instanceof z.ZodObject) || schema._zod.def.catchall || (schema._zod.def.checks?.length ?? 0) > 0) return null;
  const names: string[] = [];
  const parses: Array<CellParse<unknown>> = [];
  /** Where each cell of the schema is in a row's cells; -1 for a field the format does not read. */
  const at: number[] = [];
  for (const [name, cell] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parse = cellParse(cell);
    if (!parse) return null;
    names.push(name);
    parses.push(parse);
    at.push(fields.indexOf(name));
  }
  // Each row's data is a copy of one object of its shape, rather than built up key by key.
  const shape = Object.fromEntries(names.map((name) => [name, undefined]));
  // One flag for every row (parsing is synchronous), so that a row costs no closure of its own.
  let issues: RowIssue[] | null = null;
  let key = '';
  const flag = (message: string, rule: RuleId) => (issues ??= []).push({ key, message, rule });
  return (cells) => {
    issues = null;
    const data: Record<string, unknown> = { ...shape };
    for (let c = 0; c < names.length; c++) {
      key = names[c]!;
      const value = at[c]! < 0 ? undefined : cells[at[c]!];
      // Cells are text; anything else (a reader's bug) gets zod's own type message.
      if (value !== undefined && typeof value !== 'string') return fallback(cells);
      data[key] = parses[c]!(value, flag);
    }
    const found = issues as RowIssue[] | null;
    return found === null ? { ok: true, data } : { ok: false, issues: found };
  };
}
