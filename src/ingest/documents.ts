import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { renderMarkdown } from '../documents/markdown.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { DocumentFrontMatter, type PolicyDocument } from '../model/document.ts';
import type { HtmlElement, HtmlText } from '../model/html.ts';
import { rules, type RuleId } from '../model/rules.ts';
import { yamlPlace } from './config-file.ts';

export interface DocumentsRead {
  documents: PolicyDocument[];
  diagnostics: Diagnostic[];
  /** Every file looked at, path as shown, for hashing and the ingest report. */
  files: string[];
}

/**
 * Reads the Markdown documents of a folder (`*.md`, `*.mdx`): front matter between `---` lines,
 * then the body. Broken front matter, or a control id `knownControl` rejects, is a diagnostic
 * with the file, line and column; the document is then not counted as evidence.
 */
export async function readDocuments(folder: string, shownAs: string, scope: PolicyDocument['scope'], knownControl: (id: string) => boolean): Promise<DocumentsRead> {
  const read: DocumentsRead = { documents: [], diagnostics: [], files: [] };
  if (!existsSync(folder)) return read;
  const names = (await readdir(folder)).filter((name) => /\.mdx?$/.test(name)).sort();
  for (const name of names) {
    const file = `${shownAs}/${name}`;
    read.files.push(file);
    const parsed = parseDocumentFile(file, await readFile(path.join(folder, name), 'utf8'), scope, knownControl);
    read.diagnostics.push(...parsed.diagnostics);
    if (parsed.document) read.documents.push(parsed.document);
  }
  return read;
}

export function parseDocumentFile(file: string, text: string, scope: PolicyDocument['scope'], knownControl: (id: string) => boolean): { document: PolicyDocument | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (rule: RuleId, line: number, column: number | null, field: string | null, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line, column, field, rule, severity, message, hint: rules[rule].hint });
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    report('document/front-matter', 1, 1, null, 'the document has no front matter: it must start with a line "---", the YAML keys, and another "---"');
    return { document: null, diagnostics };
  }
  // Line numbers in the YAML count from the line after the opening ---.
  const lineCounter = new LineCounter();
  const yaml = parseDocument(match[1]!, { lineCounter, prettyErrors: false });
  if (yaml.errors.length > 0) {
    const place = lineCounter.linePos(yaml.errors[0]!.pos[0]);
    report('document/front-matter', place.line + 1, place.col, null, yaml.errors[0]!.message.split('\n')[0]!);
    return { document: null, diagnostics };
  }
  const front = DocumentFrontMatter.safeParse(yaml.toJS() ?? {});
  if (!front.success) {
    for (const issue of front.error.issues) {
      const place = yamlPlace(yaml, lineCounter, issue.path);
      report('document/front-matter', place.line + 1, place.col, issue.path.join('.') || null, `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    }
    return { document: null, diagnostics };
  }
  const unknown = front.data.controls.filter((id) => !knownControl(id));
  for (const id of unknown) {
    const index = front.data.controls.indexOf(id);
    const place = yamlPlace(yaml, lineCounter, ['controls', index]);
    report('document/unknown-control', place.line + 1, place.col, 'controls', `control "${id}" is in no catalog`);
  }
  const body = text.slice(match[0].length);
  const rendered = renderMarkdown(body);
  // The body's line 1 is the file's line after the closing ---.
  const bodyOffset = match[0].split('\n').length - 1;
  for (const noted of rendered.noted) {
    const [rule, message] = noted.what === 'raw-html'
      ? ['document/raw-html', `raw HTML is shown as text, not rendered: ${noted.source}`] as const
      : ['document/image', `the image ${noted.source} is shown as its alt text`] as const;
    report(rule, noted.line + bodyOffset, noted.column, null, message, 'warning');
  }
  const f = front.data;
  return {
    document: {
      file, title: f.title, kind: f.kind, ownerSide: f.owner_side, approver: f.approver, effective: f.effective, nextReview: f.next_review,
      controls: f.controls.filter((id) => knownControl(id)), body, bodyBlocks: withoutRepeatedTitle(rendered.blocks, f.title), scope,
    },
    diagnostics,
  };
}

/** A body that opens with the document's own title as a heading: the facts table already shows it. */
function withoutRepeatedTitle(blocks: HtmlElement[], title: string): HtmlElement[] {
  const [first, ...rest] = blocks;
  const textOf = (node: HtmlElement | HtmlText): string => (node.type === 'text' ? node.value : node.children.map(textOf).join(''));
  const isTitle = first !== undefined && /^h[1-6]$/.test(first.tagName) && textOf(first).trim().toLowerCase() === title.trim().toLowerCase();
  return isTitle ? rest : blocks;
}
