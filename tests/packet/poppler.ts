import { spawnSync } from 'node:child_process';

/** poppler-utils as an independent reader of the packets under test. */

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} could not run (install poppler-utils)`, { cause: result.error });
  return `${result.stdout}${result.stderr}`;
}

/** Text of one page (1-based), laid out as printed. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
}

/** Text of pages `first` to `last`, laid out as printed. */
export function pagesText(file: string, first: number, last: number): string {
  return run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-']);
}

export function pdfinfo(file: string): Record<string, string> {
  const lines = run('pdfinfo', [file]).split('\n');
  return Object.fromEntries(lines.map((line) => /^([^:]+):\s*(.*)$/.exec(line)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!]));
}

export function pdfsig(file: string): string {
  return run('pdfsig', [file]);
}

/** One element of the structure tree as `pdfinfo -struct-text` prints it. */
export interface StructElement {
  type: string;
  /** The element's ID (`<...>` after its type), if any. */
  id: string | null;
  /** Its attributes' lines, as printed (`/Headers [(p0-node00000023)]`). */
  attributes: string[];
  /** The text of its marked content, its descendants' included, in order. */
  text: string;
  children: StructElement[];
}

/** The structure tree of a tagged PDF, read by poppler: the root element is the first child. */
export function structureTree(file: string): StructElement {
  const root: StructElement = { type: '(root)', id: null, attributes: [], text: '', children: [] };
  const open: { depth: number; element: StructElement }[] = [{ depth: -1, element: root }];
  for (const line of run('pdfinfo', ['-struct-text', file]).split('\n')) {
    const depth = line.length - line.trimStart().length;
    const content = line.trim();
    if (content === '') continue;
    while (open.length > 1 && open[open.length - 1]!.depth >= depth) open.pop();
    const parent = open[open.length - 1]!.element;
    if (content.startsWith('"')) {
      const text = content.slice(1, -1);
      for (const { element } of open) element.text += text;
    } else if (content.startsWith('/')) {
      parent.attributes.push(content);
    } else if (/^Object \d+ \d+$/.test(content)) {
      // An object reference (a link's annotation): no text of its own.
      continue;
    } else {
      const match = /^(\w+)(?: \((?:block|inline)\))?(?: <([^>]*)>)?:?$/.exec(content);
      if (!match) throw new Error(`pdfinfo -struct-text printed a line not understood: ${JSON.stringify(line)}`);
      const element: StructElement = { type: match[1]!, id: match[2] ?? null, attributes: [], text: '', children: [] };
      parent.children.push(element);
      open.push({ depth, element });
    }
  }
  return root.children[0]!;
}

/** Every element of the tree, depth first, in reading order. */
export function structElements(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(structElements)];
}
