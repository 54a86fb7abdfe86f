import { PDFDocument } from 'pdf-lib';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import { assemble } from './assemble.ts';
import type { Bookmark, PdfMetadata } from './assemble.ts';
import { readDestinations } from './destinations.ts';
import type { Destination } from './destinations.ts';
import type { PacketHtml } from './render-html.ts';
import { contentsId, sections } from './sections.ts';

/**
 * Prints the packet HTML to a PDF binder with Chromium: Letter pages, header and footer on every
 * page but the cover, "Page X of Y" over the whole binder, bookmarks, and a table of contents
 * whose page numbers are the pages the headings really land on.
 */

export interface PrintedPacket {
  pdf: Uint8Array;
  pages: number;
  sections: { title: string; page: number }[];
}

/** Renders the HTML with the page of each section filled in (null: not known yet). */
export type RenderPacket = (pageNumbers: ReadonlyMap<string, number> | null) => PacketHtml;

// The header and footer templates are drawn in these margins, and pad themselves to the side margins.
const layout = {
  format: 'letter',
  margin: { top: '0.8in', bottom: '0.7in', left: '0.6in', right: '0.6in' },
  printBackground: true,
  // Chromium's tags and outline would be lost when pages are copied into the binder; skipping them prints faster.
  tagged: false,
  outline: false,
  timeout: 300_000,
} satisfies PDFOptions;

/** A print whose numbers disagree with where headings land is printed again, at most this often. */
const maxPasses = 3;

interface Print {
  doc: PDFDocument;
  destinations: Map<string, Destination>;
  pageNumbers: Map<string, number>;
}

async function printOnce(page: Page, html: PacketHtml): Promise<Print> {
  await page.setContent(html.document, { waitUntil: 'load' });
  const bytes = await page.pdf({ ...layout, displayHeaderFooter: true, headerTemplate: html.headerTemplate, footerTemplate: html.footerTemplate });
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const destinations = readDestinations(doc);
  const pageNumbers = new Map<string, number>();
  for (const { id } of [{ id: contentsId }, ...sections]) {
    const destination = destinations.get(id);
    if (!destination) throw new Error(`The printed packet has no destination for heading #${id}; is it linked from the contents?`);
    pageNumbers.set(id, destination.pageIndex + 1);
  }
  return { doc, destinations, pageNumbers };
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
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

export async function printPacket(browser: Browser, render: RenderPacket, metadata: PdfMetadata): Promise<PrintedPacket> {
  const page = await browser.newPage();
  try {
    // Model text is escaped, but should anything slip through, it still cannot run.
    await page.setJavaScriptEnabled(false);
    // First with blank contents numbers, then with the numbers found, until a print shows its
    // headings on the pages its contents claim. The contents keep one line per entry, so the
    // second print normally settles it.
    let print = await printOnce(page, render(null));
    for (let pass = 2, settled = false; !settled; pass++) {
      if (pass > maxPasses) throw new Error(`The contents page numbers did not settle after ${maxPasses} prints`);
      const numbered = await printOnce(page, render(print.pageNumbers));
      settled = samePages(numbered.pageNumbers, print.pageNumbers);
      print = numbered;
    }
    const coverPages = print.pageNumbers.get(contentsId)! - 1;
    // The numbered HTML is still loaded: print its cover pages again, without header and footer.
    const cover = await PDFDocument.load(await page.pdf({ ...layout, pageRanges: `1-${coverPages}` }), { updateMetadata: false });
    const pdf = await assemble({ cover, body: print.doc, coverPages, destinations: print.destinations, bookmarks: bookmarks(coverPages), metadata });
    return {
      pdf,
      pages: print.doc.getPageCount(),
      sections: sections.map((s) => ({ title: s.title, page: print.pageNumbers.get(s.id)! })),
    };
  } finally {
    await page.close();
  }
}
