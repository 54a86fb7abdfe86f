import { PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import type { PDFArray, PDFDocument, PDFRef } from 'pdf-lib';

/**
 * Writes the PDF outline (bookmarks) with pdf-lib's low-level objects: pdf-lib has no outline
 * API, and Chromium's own outline is lost when pages are copied into the assembled binder.
 */

export interface OutlineItem {
  title: string;
  /** Explicit destination: [page /XYZ left top zoom] or [page /Fit]. */
  target: PDFArray;
  children: OutlineItem[];
}

function countAll(items: readonly OutlineItem[]): number {
  return items.reduce((n, item) => n + 1 + countAll(item.children), 0);
}

/** Links siblings to their parent and each other; every item is open, so Count is positive. */
function writeItems(doc: PDFDocument, items: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef } | null {
  const refs = items.map(() => doc.context.nextRef());
  items.forEach((item, i) => {
    const dict = doc.context.obj({});
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), item.target);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    const children = writeItems(doc, item.children, refs[i]!);
    if (children) {
      dict.set(PDFName.of('First'), children.first);
      dict.set(PDFName.of('Last'), children.last);
      dict.set(PDFName.of('Count'), PDFNumber.of(countAll(item.children)));
    }
    doc.context.assign(refs[i]!, dict);
  });
  return refs.length === 0 ? null : { first: refs[0]!, last: refs[refs.length - 1]! };
}

export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const root = doc.context.nextRef();
  const dict = doc.context.obj({ Type: 'Outlines' });
  const top = writeItems(doc, items, root);
  if (top) {
    dict.set(PDFName.of('First'), top.first);
    dict.set(PDFName.of('Last'), top.last);
    dict.set(PDFName.of('Count'), PDFNumber.of(countAll(items)));
  }
  doc.context.assign(root, dict);
  doc.catalog.set(PDFName.of('Outlines'), root);
  // Readers open the bookmarks panel, the way a binder opens on its tabs.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
