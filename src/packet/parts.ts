import type { PacketView } from './view.ts';

/**
 * Splits the binder's body into parts that Chromium prints one at a time. Printing time and
 * memory grow faster than the page count (1,000 pages in one print: about 20–35 s and 5 GB
 * here), so bounded parts keep both in check; a long table is cut between rows, and the next
 * part starts it again on a new page with its header row. Pure: the same view gives the same parts.
 */

/** One piece of the body, in reading order; its partial renders it. */
interface Block {
  partial: string;
  /** Rows of the block's long table, if it has one; a part may hold any run of them. */
  rows?: (view: PacketView) => readonly object[];
  /** Estimated height of one row, in lines of table text. */
  weight?: (row: never) => number;
  /** What the block is about when a partial repeats per item (a framework); its partial sees it as `item`. */
  item?: object;
}

/** A block's fixed content (headings, leads, small tables), in lines, for the part budget. */
const blockWeight = 40;

/** Characters of monospaced scanner output that fit on one line of the findings table. */
const outputLineChars = 90;

/** Characters of monospaced document text that fit on one line of the page. */
const documentLineChars = 110;

function wrappedLines(text: string, lineChars: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / lineChars)), 0);
}

const outputLines = (row: { output: { text: string } }) => wrappedLines(row.output.text, outputLineChars);

/** A block of a document's body (paragraph, list, table), and the space after it. */
const textLines = (row: { text: string }) => 1 + wrappedLines(row.text, documentLineChars);

function table<Row extends object>(partial: string, rows: (view: PacketView) => readonly Row[], weight: (row: Row) => number): Block {
  return { partial, rows, weight: weight as (row: never) => number };
}

const twoLines = () => 2;

/** A control's row: its reason, evidence and RACI issues each take a line or more. */
const controlLines = (row: { evidence: readonly string[]; raciIssues: readonly string[] }) => 3 + row.evidence.length + row.raciIssues.length;

/** The body after the cover and contents; each block prints by its partial, in this order. */
const body = (view: PacketView): readonly Block[] => [
  { partial: 'overview' },
  { partial: 'findings' },
  table('findings-open', (v) => v.findings.open, (row) => 2 + outputLines(row)),
  table('findings-fixed', (v) => v.findings.fixed, twoLines),
  { partial: 'tickets' },
  table('tickets-breaches', (v) => v.tickets.breaches, twoLines),
  { partial: 'operations' },
  table('operations-restore', (v) => v.operations.restoreTests, twoLines),
  table('operations-access', (v) => v.operations.accessReviews.rows, twoLines),
  table('operations-remote', (v) => v.operations.remoteSessions.rows, () => 3),
  table('operations-patches', (v) => v.operations.patches.devices, () => 1),
  table('operations-patches-missing', (v) => v.operations.patches.missing, twoLines),
  table('operations-alerts', (v) => v.operations.alerts.rows, twoLines),
  table('operations-risks', (v) => v.operations.riskAcceptances, () => 3),
  table('raci', (v) => v.raci, twoLines),
  { partial: 'ingest' },
  table('ingest-files', (v) => v.ingest.files, () => 3),
  table('ingest-diagnostics', (v) => v.ingest.diagnostics, twoLines),
  { partial: 'documents' },
  ...view.documents.map((document): Block => ({ ...table('document', () => document.blocks, textLines), item: document })),
  { partial: 'controls' },
  ...view.controls.frameworks.map((framework): Block => ({ ...table('controls-framework', () => framework.controls, controlLines), item: framework })),
  { partial: 'regulatory' },
  { partial: 'sign-off' },
];

/** A block, or a run of its table's rows, as one part prints it. */
export interface BlockSlice {
  partial: string;
  /** The rows of this slice, null for a block without a long table. */
  rows: readonly object[] | null;
  /** The slice continues a table begun in an earlier part: no heading, only the table. */
  continued: boolean;
  /** The slice ends its table: totals and legends follow it. */
  last: boolean;
  /** The block's item, null for a block not repeated per item. */
  item: object | null;
}

export type Part = readonly BlockSlice[];

/**
 * Lines of table text per part: about 27 pages. Each printer (print.ts; two on two cores) holds
 * one part, about 110 MB of Chromium at this size, so two printers stay within the packet's
 * memory bound. Each part also costs a fixed share of time (styles and fonts parsed again): one
 * printer takes about a sixth more CPU than with parts twice this size (docs/packet.md). The
 * size is fixed, not chosen per machine: the cuts decide the pages, and the same inputs must
 * print the same packet wherever they are built.
 */
export const defaultPartLines = 1100;

/** The body as one part: for a single print of the whole binder. */
export function wholeBody(view: PacketView): Part {
  return body(view).map((block) => {
    const rows = block.rows?.(view) ?? null;
    return { partial: block.partial, rows, continued: false, last: true, item: block.item ?? null };
  });
}

/** The end of a run of rows from `start` within `budget` lines: at least one row, so a row taller than a part still prints. */
function fill(rows: readonly object[], weight: (row: object) => number, start: number, budget: number): number {
  let end = start;
  for (let used = 0; end < rows.length && (end === start || used + weight(rows[end]!) <= budget); end++) used += weight(rows[end]!);
  return end;
}

/** The body in parts of at most `partLines` estimated lines each (a single row may exceed it). */
export function bodyParts(view: PacketView, partLines = defaultPartLines): Part[] {
  const parts: Part[] = [];
  let current: BlockSlice[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) parts.push(current);
    current = [];
    used = 0;
  };
  for (const block of body(view)) {
    const item = block.item ?? null;
    if (used + blockWeight > partLines) flush();
    used += blockWeight;
    const rows = block.rows?.(view);
    if (!rows) {
      current.push({ partial: block.partial, rows: null, continued: false, last: true, item });
      continue;
    }
    const weight = block.weight as (row: object) => number;
    let start = 0;
    do {
      let end = fill(rows, weight, start, partLines - used);
      // No row alone under the header at a part's end or start (print.css keeps two together
      // within a part): a table that would be cut after its first row or before its last starts
      // in the next part, and a slice leaves at least two rows for the last.
      const alone = end < rows.length && (end - start === 1 || rows.length - end === 1);
      if (start === 0 && alone && current.length > 0) {
        flush();
        used = blockWeight;
        end = fill(rows, weight, start, partLines - used);
      }
      if (rows.length - end === 1 && end - start >= 3) end--;
      used += rows.slice(start, end).reduce((n, row) => n + weight(row), 0);
      current.push({ partial: block.partial, rows: rows.slice(start, end), continued: start > 0, last: end === rows.length, item });
      if (end < rows.length) flush();
      start = end;
    } while (start < rows.length);
  }
  flush();
  return parts;
}
