import { PDFDocument } from 'pdf-lib';
import type { Browser, CDPSession, Page, PDFOptions } from 'puppeteer-core';
import { openBinder } from './assemble.ts';
import type { Bookmark, PdfMetadata } from './assemble.ts';
import { readDestinations } from './destinations.ts';
import { processTree } from './process-tree.ts';
import type { Destination } from './destinations.ts';
import type { PacketHtml, PageHead } from './render-html.ts';
import { printInTurn } from './print-in-turn.ts';
import type { Printer } from './print-in-turn.ts';
import { contentsId, sections } from './sections.ts';

/**
 * Prints the packet HTML to a PDF binder with Chromium, in bounded parts: the cover, each body
 * part, then the contents (whose numbers are now known), then sheets of page heads ("Page X of Y"
 * over the whole binder) laid over every page but the cover. Each part is printed once; only the
 * contents is printed again should filling in its numbers change its length. The parts and the
 * heads are shared out among the printers (a tab in each browser given), and Chromium and Node
 * work side by side: while the printers print, Node renders the next part's HTML and copies the
 * parts printed before into the binder, in order.
 */

/** The steps of making the packet, in order, for a caller that measures each (scripts/bench-packet.ts). */
export type PacketStage = 'cover' | 'parts' | 'contents' | 'heads' | 'assembly' | 'signature';

export interface PrintedPacket {
  pdf: Uint8Array;
  /** The binder `pdf` was saved from, to be signed without reading it back. */
  document: PDFDocument;
  pages: number;
  sections: { title: string; page: number }[];
}

/** The page margins; heads.hbs places the header and footer in them. */
const margin = { top: '0.8in', bottom: '0.7in', left: '0.6in', right: '0.6in' };

const layout = {
  format: 'letter',
  printBackground: true,
  // The binder's bookmarks are written by Proofbook (outline.ts), for the whole binder.
  outline: false,
  timeout: 300_000,
} satisfies PDFOptions;

/** Pages of heads per print: two prints for a thousand pages (each print parses the styles and fonts again). */
const headsPerPrint = 550;

/** A contents whose length changes with its numbers is printed again, at most this often. */
const maxPasses = 3;

interface PrintedPart {
  pages: number;
  /** Section headings of this part, by id, at their page index within the part. */
  destinations: Map<string, Destination>;
}

/** What a print is given besides the fixed layout; tagging is always said, never left to Chromium's default. */
type PrintLayout = PDFOptions & { tagged: boolean };

async function printDocument(page: Page, html: string, options: PrintLayout): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({ ...layout, ...options });
}

const readPrint = (printed: Uint8Array) => PDFDocument.load(printed, { updateMetadata: false });

/**
 * With JavaScript off, Chromium seldom collects garbage by itself: the DOM of every printed part
 * stayed in memory, and its memory grew part by part. So after each print the page is emptied and
 * its garbage collected, which keeps Chromium at about its idle size plus one part (and costs less
 * CPU than the cache purge below, since caches such as the decoded fonts stay warm).
 */
const blank = '<!doctype html><html lang="en"><title>Proofbook</title></html>';

/**
 * What Chromium holds beyond that (caches) it keeps until told memory is short; telling it costs
 * CPU (caches are rebuilt), so it is told only once it holds more than this.
 */
const chromiumMemoryLimit = 350 * 2 ** 20;

/** A tab that prints, in a browser of its own. */
interface Tab {
  browser: Browser;
  page: Page;
  cdp: CDPSession;
}

async function openTab(browser: Browser): Promise<Tab> {
  const page = await browser.newPage();
  // Model text is escaped, but should anything slip through, it still cannot run.
  await page.setJavaScriptEnabled(false);
  return { browser, page, cdp: await page.createCDPSession() };
}

/** Lets go of the printed document; of Chromium's caches too when above the limit, or always when it cannot be read (no /proc). */
async function release({ browser, page, cdp }: Tab, limit = chromiumMemoryLimit): Promise<void> {
  await page.setContent(blank);
  await cdp.send('HeapProfiler.collectGarbage');
  const pid = browser.process()?.pid;
  const rss = pid === undefined ? null : processTree(pid)?.rss ?? null;
  if (rss === null || rss > limit) await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
}

function printerOf(tab: Tab, options: PrintLayout): Printer {
  return async (document) => {
    const printed = await printDocument(tab.page, document, options);
    await release(tab);
    return printed;
  };
}

const sectionIds = new Set(sections.map((s) => s.id));

/** Where every section heading stands in the binder, by 0-based page index. */
function placeSections(parts: readonly PrintedPart[], firstPageIndex: number): Map<string, Destination> {
  const placed = new Map<string, Destination>();
  let offset = firstPageIndex;
  for (const part of parts) {
    for (const [id, destination] of part.destinations) placed.set(id, { ...destination, pageIndex: offset + destination.pageIndex });
    offset += part.pages;
  }
  for (const { id } of sections) {
    if (!placed.has(id)) throw new Error(`The printed packet has no destination for heading #${id}; a partial that prints a section heading must keep its id and its link to itself (partials/heading.hbs)`);
  }
  return placed;
}

function pageNumbers(placed: ReadonlyMap<string, Destination>, contentsPageIndex: number): Map<string, number> {
  return new Map([[contentsId, contentsPageIndex + 1], ...[...placed].map(([id, d]) => [id, d.pageIndex + 1] as const)]);
}

/** Each page after the cover, with the chapter it belongs to, for its header and footer. */
function pageHeads(numbers: ReadonlyMap<string, number>, coverPages: number, total: number): PageHead[] {
  const chapters = sections.filter((s) => s.level === 1).map((s) => ({ title: s.title, page: numbers.get(s.id)! }));
  return Array.from({ length: total - coverPages }, (_, i) => {
    const number = coverPages + 1 + i;
    const chapter = chapters.findLast((c) => c.page <= number)?.title ?? 'Contents';
    return { number, total, chapter };
  });
}

/** Cover, Contents, then each chapter with its subsections nested under it. */
function bookmarks(coverPages: number): Bookmark[] {
  const tree: Bookmark[] = [
    { title: 'Cover', at: { pageIndex: 0 }, children: [] },
    { title: 'Contents', at: { pageIndex: coverPages }, children: [] },
  ];
  for (const section of sections) {
    const bookmark: Bookmark = { title: section.title, at: { id: section.id }, children: [] };
    if (section.level === 1) tree.push(bookmark);
    else tree[tree.length - 1]!.children.push(bookmark);
  }
  return tree;
}

export interface PrintOptions {
  /**
   * Tags the PDF (a structure tree of headings, tables, lists and links, for screen readers): each
   * print is tagged by Chromium and the trees are joined (structure.ts). About half as much print
   * time again and several times the file size (docs/packet.md).
   */
  tagged?: boolean;
  /** Called as each step begins, for a caller that measures them. */
  onStage?: (stage: PacketStage) => void;
}

/**
 * `browsers` print side by side, a tab each: the parts and the heads are shared out among them.
 * One single-process Chromium prints on one core, so two of them use two cores.
 */
export async function printPacket(browsers: readonly Browser[], html: PacketHtml, metadata: PdfMetadata, options: PrintOptions = {}): Promise<PrintedPacket> {
  const { tagged = false, onStage = () => undefined } = options;
  if (browsers.length === 0) throw new Error('No browser to print the packet with');
  const tabs: Tab[] = [];
  try {
    for (const browser of browsers) tabs.push(await openTab(browser));
    const bodyPrinters = tabs.map((tab) => printerOf(tab, { margin, tagged }));
    const print = bodyPrinters[0]!;
    const binder = await openBinder({ tagged });
    onStage('cover');
    await binder.add(await readPrint(await print(html.cover)));
    const coverPages = binder.pageCount();
    const parts: PrintedPart[] = [];
    onStage('parts');
    await printInTurn(html.parts, bodyPrinters, async (printed) => {
      const doc = await readPrint(printed);
      parts.push({ pages: doc.getPageCount(), destinations: new Map([...readDestinations(doc)].filter(([id]) => sectionIds.has(id))) });
      await binder.add(doc);
    });
    onStage('contents');
    // The contents' length decides where the chapters start; a blank print tells it, and the
    // numbered print must come out as long, or is numbered and printed again.
    let contents = await readPrint(await print(html.contents(null)));
    let placed: Map<string, Destination>;
    for (let pass = 1; ; pass++) {
      if (pass > maxPasses) throw new Error(`The contents page numbers did not settle after ${maxPasses} prints`);
      placed = placeSections(parts, coverPages + contents.getPageCount());
      const numbered = await readPrint(await print(html.contents(pageNumbers(placed, coverPages))));
      const settled = numbered.getPageCount() === contents.getPageCount();
      contents = numbered;
      if (settled) break;
    }
    const contentsDestination = readDestinations(contents).get(contentsId);
    if (!contentsDestination) throw new Error(`The contents has no destination for its heading #${contentsId}; keep its id and its link to itself`);
    await binder.add(contents, coverPages);
    const numbers = pageNumbers(placed, coverPages);
    placed.set(contentsId, { ...contentsDestination, pageIndex: coverPages + contentsDestination.pageIndex });
    const total = binder.pageCount();
    // The heads in bounded runs too: one sheet of a thousand pages would raise Chromium's peak.
    const heads = pageHeads(numbers, coverPages, total);
    const runs = Array.from({ length: Math.ceil(heads.length / headsPerPrint) }, (_, i) => heads.slice(i * headsPerPrint, (i + 1) * headsPerPrint));
    onStage('heads');
    await printInTurn(runs.map((run) => () => html.heads(run)), tabs.map((tab) => printerOf(tab, { margin: { top: 0, bottom: 0, left: 0, right: 0 }, tagged: false })), async (printed, i) => {
      const sheets = await readPrint(printed);
      if (sheets.getPageCount() !== runs[i]!.length) {
        throw new Error(`The page heads printed as ${sheets.getPageCount()} sheets for ${runs[i]!.length} pages; each .page-heads must fit on one page (print.css)`);
      }
      await binder.overlay(sheets, coverPages + i * headsPerPrint);
    });
    // Done printing: what Chromium still holds would only add to the assembly's peak.
    await Promise.all(tabs.map((tab) => release(tab, 0)));
    onStage('assembly');
    const { pdf, document } = await binder.finish({ destinations: placed, bookmarks: bookmarks(coverPages), metadata });
    return { pdf, document, pages: total, sections: sections.map((s) => ({ title: s.title, page: numbers.get(s.id)! })) };
  } finally {
    await Promise.all(tabs.map((tab) => tab.page.close()));
  }
}
