import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import type { PDFDocument, PDFObject } from 'pdf-lib';

/**
 * Where Chromium put each link target (none: an empty map). For every element an internal link points to, Chromium
 * writes a named destination (catalog /Dests: id → [page /XYZ left top zoom]); reading them
 * back is how the packet learns on which page each heading landed, since Chromium has no
 * `target-counter()`.
 */

export interface Destination {
  /** 0-based index of the page in the printed document. */
  pageIndex: number;
  /** The destination array as Chromium wrote it without its page reference (/XYZ left top zoom): plain
   *  values, so keeping it does not keep the printed document alive. */
  view: PDFObject[];
}

export function readDestinations(doc: PDFDocument): Map<string, Destination> {
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  // A part holding only the continuation of a table has no heading, so no destination at all.
  if (!dests) return new Map();
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]));
  const result = new Map<string, Destination>();
  for (const [name, value] of dests.entries()) {
    const target = doc.context.lookup(value);
    const pageRef = target instanceof PDFArray ? target.get(0) : undefined;
    const index = pageRef instanceof PDFRef ? pageIndex.get(pageRef.toString()) : undefined;
    if (target instanceof PDFArray && index !== undefined) {
      result.set(name.decodeText(), { pageIndex: index, view: target.asArray().slice(1) });
    }
  }
  return result;
}
