import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../cli/user-error.ts';
import { rules } from '../model/rules.ts';

/**
 * Reads a YAML configuration file against its schema. A problem is reported with the file, the
 * line and column of the offending key, and what was expected — never a stack trace.
 */
export async function readYamlConfig<T extends z.ZodType>(filePath: string, shownAs: string, schema: T): Promise<z.output<T>> {
  const text = await readFile(filePath, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const place = lineCounter.linePos(error.pos[0]);
    throw new UserError(`${shownAs}:${place.line}:${place.col}: ${error.message.split('\n')[0]}`, 'Check the indentation and quoting of YAML at that place.');
  }
  const parsed = schema.safeParse(document.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const place = yamlPlace(document, lineCounter, issue.path);
  const key = issue.path.join('.') || '(top level)';
  throw new UserError(`${shownAs}:${place.line}:${place.col}: ${key}: ${issue.message}`, rules['drop/bad-config'].hint);
}

/**
 * Line and column (1-based) of the deepest node that exists on `path` in a parsed YAML document:
 * a missing key points at its parent, so a message always lands where the user has to edit.
 */
export function yamlPlace(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): { line: number; col: number } {
  let node: unknown;
  for (let depth = path.length; depth >= 0 && !node; depth--) {
    node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as (string | number)[], true);
  }
  const range = (node as { range?: [number, number] } | undefined)?.range;
  return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
}
