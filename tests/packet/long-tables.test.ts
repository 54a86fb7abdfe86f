import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Packet } from '../../src/packet/packet.ts';
import { longReport } from './long-report.ts';
import type { TableRows } from './long-report.ts';
import { printReport } from './printed.ts';

/**
 * Every long table of a packet of several hundred pages, read back from the PDF's text and
 * compared with the report model: the same rows, in order, none missing or doubled, the header
 * row on every page of the table, and no row split between two pages.
 */

const rows: TableRows = { open: 3000, fixed: 1200, breaches: 1500, raci: 400, files: 300, diagnostics: 1500 };
const report = longReport(rows);
const longTitle = `${'Remote host runs an unsupported release of an enterprise database server '.repeat(12).trim()}.`;
report.findings.open[6]!.title = `Open finding 7: ${longTitle}`;
report.findings.open[8]!.output = 'banner '.repeat(1200);
// The shortened output's note names the source line: make it the finding's number, to find the row by it.
report.findings.open[8]!.source = { file: 'sample-clinic/2026-Q3/nessus.csv', line: 9 };

interface Table {
  section: string;
  count: number;
  header: RegExp;
  /** The row's number, from a marker on its first line. */
  first: RegExp;
  /** The row's number, from a marker on its last line (where the row has a unique one). */
  last?: RegExp;
}

const tables: Table[] = [
  { section: '2.2 Open findings', count: rows.open, header: /#\s+Severity\s+Finding\s+Host\s+First seen\s+Due and SLA/, first: /Open finding (\d+)(?!\d)/g, last: /the last of finding (\d+)(?!\d)|nessus\.csv:(\d+)\./g },
  { section: '2.3 Fixed findings', count: rows.fixed, header: /#\s+Severity\s+Finding\s+Host\s+First seen\s+Due and SLA/, first: /Fixed finding (\d+)(?!\d)/g },
  { section: '3.3 SLA breaches', count: rows.breaches, header: /Ticket\s+Title\s+Priority/, first: /T-(\d{6})/g, last: /Breached ticket (\d+)(?!\d)/g },
  { section: '5 RACI matrix', count: rows.raci, header: /Task\s+Controls\s+Responsible\s+Accountable\s+Consulted\s+Informed/, first: /Task (\d+)(?!\d)/g },
  { section: '6.1 Files', count: rows.files, header: /File and SHA-256\s+Effective\s+Bytes/, first: /export-(\d{6})\.csv/g },
  { section: '6.2 Diagnostics', count: rows.diagnostics, header: /Location\s+Severity\s+Rule and field\s+Message and hint/, first: /Diagnostic (\d+):/g },
];

let packet: Packet;
/** The text of each page (index 0 is page 1), as pdftotext lays it out. */
let pages: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ packet, pages, close } = await printReport(report, 'long'));
});

afterAll(async () => {
  await close?.();
});

const numbers = (text: string, marker: RegExp) => [...text.matchAll(marker)].map((m) => Number(m.slice(1).find((g) => g !== undefined)));
const sequence = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/**
 * The pages a table stands on: from its heading's page to the next section's. A chapter starts
 * a page of its own; a subsection may start on the page where the table ends, which then counts
 * up to that subsection's heading.
 */
function tablePages(table: Table): { page: number; text: string }[] {
  const index = packet.sections.findIndex((s) => s.title === table.section);
  const from = packet.sections[index]!.page;
  const next = packet.sections.slice(index + 1).find((s) => s.page > from);
  const sharesPage = next !== undefined && /^\d+\.\d+ /.test(next.title);
  const to = next ? (sharesPage ? next.page : next.page - 1) : packet.pages;
  return pages.slice(from - 1, to).map((text, i) => {
    const page = from + i;
    return { page, text: sharesPage && page === next.page ? text.slice(0, text.indexOf(next.title)) : text };
  });
}

describe('long tables in the packet', () => {
  it('is a binder of hundreds of pages, printed in parts', () => {
    expect(packet.pages).toBeGreaterThan(500);
    expect(pages).toHaveLength(packet.pages);
  });

  it.each(tables)('$section: every row of the model once, in order', (table) => {
    const text = tablePages(table).map((p) => p.text).join('\n');
    expect(numbers(text, table.first)).toEqual(sequence(table.count));
  });

  it.each(tables)('$section: the header row on every page of the table', (table) => {
    const withRows = tablePages(table).filter((p) => numbers(p.text, table.first).length > 0);
    expect(withRows.length).toBeGreaterThan(3);
    for (const { page, text } of withRows) expect(text, `page ${page}`).toMatch(table.header);
  });

  it.each(tables.filter((t) => t.last))('$section: no row split between two pages', (table) => {
    for (const { page, text } of tablePages(table)) {
      expect(numbers(text, table.last!), `page ${page}`).toEqual(numbers(text, table.first));
    }
  });

  it('wraps a long title in full and says where the rest of shortened output is', () => {
    const page = pages.find((text) => /Open finding 7:/.test(text))!;
    // Wrapped lines interleave with the other columns in the text, so count a word of the repeated phrase.
    expect(page.match(/unsupported/g)).toHaveLength(12);
    expect(page.match(/database/g)).toHaveLength(12);
    expect(page).toContain('server.');
    const note = pages.find((text) => /Open finding 9(?!\d)/.test(text))!.replace(/\s+/g, ' ');
    expect(note).toContain("Shortened to the first 600 of 8,399 characters; more on the portal's Findings page of 2026-Q3, and all of it in the export at sample-clinic/2026-Q3/nessus.csv:9.");
  });
});
