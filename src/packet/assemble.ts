import { beginMarkedContent, drawObject, endMarkedContent, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRawStream, PDFRef, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFArray } from 'pdf-lib';
import type { Destination } from './destinations.ts';
import { writeOutline } from './outline.ts';
import { openPdfFile, refsAfter } from './pdf-file.ts';
import type { PdfFile } from './pdf-file.ts';
import type { OutlineItem } from './outline.ts';
import { joinStructure } from './structure.ts';
import type { Structure } from './structure.ts';

/**
 * Builds the binder from Chromium's prints, one printed document at a time: each is copied in
 * as soon as it is printed and can then be dropped, so memory holds one copy of the binder, not
 * every print besides. What a print brings besides its pages (content streams, fonts, links)
 * never changes again, so it is written to the file at once (pdf-file.ts); the pages themselves
 * get their page heads and parents later. Written from scratch, so nothing of Chromium's
 * run-specific data (its creation date) survives and the same input gives the same bytes.
 */

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** Creation and modification date: the report's build date, not the wall clock. */
  date: Date;
  language: string;
  /** 16 bytes as 32 hex digits, written as both halves of the trailer /ID. */
  documentId: string;
}

export interface Bookmark {
  title: string;
  /** A heading's named destination in the body print, or a whole page by 0-based index. */
  at: { id: string } | { pageIndex: number };
  children: Bookmark[];
}

export interface Finish {
  /** Named destinations of the binder (0-based page indexes of the binder). */
  destinations: ReadonlyMap<string, Destination>;
  bookmarks: readonly Bookmark[];
  metadata: PdfMetadata;
}

export interface Binder {
  /** Copies all pages of a printed document in at page index `at` (default: after the last), and writes what came with them. */
  add(printed: PDFDocument, at?: number): Promise<void>;
  pageCount(): number;
  /** Draws each page of `heads` (a header and footer) over a page of the binder, from page index `from` on, and writes the sheets. */
  overlay(heads: PDFDocument, from: number): Promise<void>;
  /** Writes destinations, bookmarks and metadata; the bytes of the binder, and the binder itself (to sign it). */
  finish(input: Finish): Promise<{ pdf: Uint8Array; document: PDFDocument }>;
}

/** Resource name of the page heads; Chromium names its own resources differently. */
const headsName = PDFName.of('ProofbookPageHeads');

/** `tagged`: the prints are tagged, and their structure trees are joined into the binder's. */
export async function openBinder(options: { tagged: boolean }): Promise<Binder> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const file = openPdfFile(doc.context);
  const structure = options.tagged ? joinStructure(doc.context, doc.catalog) : null;
  return {
    async add(printed, at = doc.getPageCount()) {
      const before = doc.context.largestObjectNumber;
      // Copied by reference, with one copier for the pages and their structure: an element's /Pg then names the copied page.
      const copier = PDFObjectCopier.for(printed.context, doc.context);
      const copyStructure = structure?.prepare(printed, copier);
      const pages = printed.getPages().map((page) => {
        const ref = copier.copy(page.ref) as PDFRef;
        return PDFPage.of(doc.context.lookup(ref) as PDFPageLeaf, ref, doc);
      });
      pages.forEach((page, i) => doc.insertPage(at + i, page));
      const structureRefs = copyStructure?.(pages) ?? [];
      const later = new Set([...pages.map((page) => page.ref), ...structureRefs]);
      file.write(refsAfter(doc.context, before).filter((ref) => !later.has(ref)));
      // A tagged binder has more structure elements than all else together: packed into object
      // streams (the file shrinks to less than a third), and dropped from memory once written.
      file.write(structureRefs, { packed: true });
      for (const ref of structureRefs) doc.context.delete(ref);
    },
    pageCount: () => doc.getPageCount(),
    overlay: (heads, from) => overlayHeads(doc, file, doc.getPages().slice(from, from + heads.getPageCount()), heads),
    finish: (input) => finish(doc, file, structure, input),
  };
}

async function finish(doc: PDFDocument, file: PdfFile, structure: Structure | null, input: Finish): Promise<{ pdf: Uint8Array; document: PDFDocument }> {
  const { destinations, metadata } = input;
  const pages = doc.getPages();
  const retarget = (destination: Destination): PDFArray => doc.context.obj([pages[destination.pageIndex]!.ref, ...destination.view]);

  // Links of the contents point at named destinations; they name the binder's pages.
  const dests = doc.context.obj({});
  for (const [name, destination] of destinations) dests.set(PDFName.of(name), retarget(destination));
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));

  const toOutline = (bookmark: Bookmark): OutlineItem => ({
    title: bookmark.title,
    target: 'id' in bookmark.at ? retarget(destinationOf(destinations, bookmark.at.id)) : doc.context.obj([pages[bookmark.at.pageIndex]!.ref, PDFName.of('Fit')]),
    children: bookmark.children.map(toOutline),
  });
  writeOutline(doc, input.bookmarks.map(toOutline));

  if (structure) {
    const index = new Map(pages.map((page, i) => [page.ref, i]));
    structure.finish((page) => index.get(page)!, metadata.language);
  }
  setMetadata(doc, metadata);
  return { pdf: file.finish(), document: doc };
}

/**
 * Draws each sheet of heads over its page as a form XObject: the sheet's own content stream, still
 * compressed as Chromium wrote it, with the sheet's resources (pdf-lib's embedPages would inflate
 * and deflate every sheet again, the largest share of the assembly's time). The sheets, copied
 * in, never change again and are written at once, and so are the pages they are laid over. The name is fixed (pdf-lib's drawPage picks a
 * random one, which would break reproducibility), and each page gets its own resource
 * dictionaries, since Chromium may share them between pages.
 */
async function overlayHeads(doc: PDFDocument, file: PdfFile, pages: readonly PDFPage[], heads: PDFDocument): Promise<void> {
  if (heads.getPageCount() !== pages.length) throw new Error(`${heads.getPageCount()} sheets of page heads for ${pages.length} pages`);
  const before = doc.context.largestObjectNumber;
  const forms = (await doc.copyPages(heads, heads.getPageIndices())).map((sheet) => {
    const contents = sheet.node.get(PDFName.of('Contents'));
    const stream = contents instanceof PDFRef ? doc.context.lookup(contents) : undefined;
    if (!(contents instanceof PDFRef) || !(stream instanceof PDFRawStream)) throw new Error('A sheet of page heads was printed without a content stream of its own; the heads cannot be laid over the pages');
    stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
    stream.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
    stream.dict.set(PDFName.of('BBox'), sheet.node.MediaBox());
    stream.dict.set(PDFName.of('Resources'), sheet.node.Resources()!);
    // The sheet as a page is not needed: only its content and resources are drawn.
    doc.context.delete(sheet.ref);
    return contents;
  });
  file.write(refsAfter(doc.context, before));
  const drawn = doc.context.largestObjectNumber;
  pages.forEach((page, i) => {
    const resources = page.node.Resources()!.clone(doc.context);
    const xObjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict)?.clone(doc.context) ?? doc.context.obj({});
    xObjects.set(headsName, forms[i]!);
    resources.set(PDFName.of('XObject'), xObjects);
    page.node.set(PDFName.of('Resources'), resources);
    // pushOperators wraps the page's own content in q/Q first, so the sheet is drawn untransformed.
    // An artifact: a screen reader skips the header and footer repeated on every page.
    page.pushOperators(beginMarkedContent('Artifact'), pushGraphicsState(), drawObject(headsName), popGraphicsState(), endMarkedContent());
  });
  // These pages are done: only the cover, which has no heads, gets the signature's widget.
  file.write([...pages.map((page) => page.ref), ...refsAfter(doc.context, drawn)]);
}

function destinationOf(destinations: ReadonlyMap<string, Destination>, id: string): Destination {
  const destination = destinations.get(id);
  if (!destination) throw new Error(`No destination for heading #${id} in the printed packet`);
  return destination;
}

function setMetadata(doc: PDFDocument, metadata: PdfMetadata): void {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setKeywords(metadata.keywords);
  doc.setCreator(metadata.creator);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.setLanguage(metadata.language);
  // A pinned document ID: readers and signers expect one, and a random one would break reproducibility.
  const id = PDFHexString.of(metadata.documentId);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}
