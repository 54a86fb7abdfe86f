import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { PDFArray, PDFRef } from 'pdf-lib';
import type { Destination } from './destinations.ts';
import { writeOutline } from './outline.ts';
import type { OutlineItem } from './outline.ts';

/**
 * Builds the binder from two Chromium prints: the cover pages printed bare, then every other
 * page of the print with header and footer (whose "Page X of Y" already counts the cover).
 * Written by pdf-lib from scratch, so nothing of Chromium's run-specific data (its creation date)
 * survives and the same input gives the same bytes.
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

export interface AssembleInput {
  cover: PDFDocument;
  body: PDFDocument;
  /** The first `coverPages` pages come from `cover`, the rest from `body`. */
  coverPages: number;
  destinations: ReadonlyMap<string, Destination>;
  bookmarks: readonly Bookmark[];
  metadata: PdfMetadata;
}

export async function assemble(input: AssembleInput): Promise<Uint8Array> {
  const { cover, body, coverPages, destinations, metadata } = input;
  if (cover.getPageCount() !== coverPages) {
    throw new Error(`The cover printed as ${cover.getPageCount()} pages alone but ${coverPages} within the binder`);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const pages = [
    ...(await doc.copyPages(cover, range(0, coverPages))),
    ...(await doc.copyPages(body, range(coverPages, body.getPageCount()))),
  ];
  for (const page of pages) doc.addPage(page);
  const pageRefs = pages.map((page) => page.ref);

  const retarget = (destination: Destination): PDFArray =>
    doc.context.obj([pageRefs[destination.pageIndex]!, ...destination.target.asArray().slice(1)]);

  // Links of the contents point at named destinations; carry them over to the copied pages.
  const dests = doc.context.obj({});
  for (const [name, destination] of destinations) dests.set(PDFName.of(name), retarget(destination));
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));

  const toOutline = (bookmark: Bookmark): OutlineItem => ({
    title: bookmark.title,
    target: 'id' in bookmark.at ? retarget(destinationOf(destinations, bookmark.at.id)) : wholePage(doc, pageRefs, bookmark.at.pageIndex),
    children: bookmark.children.map(toOutline),
  });
  writeOutline(doc, input.bookmarks.map(toOutline));

  setMetadata(doc, metadata);
  return doc.save({ addDefaultPage: false });
}

function destinationOf(destinations: ReadonlyMap<string, Destination>, id: string): Destination {
  const destination = destinations.get(id);
  if (!destination) throw new Error(`No destination for heading #${id} in the printed packet`);
  return destination;
}

function wholePage(doc: PDFDocument, pageRefs: PDFRef[], pageIndex: number): PDFArray {
  return doc.context.obj([pageRefs[pageIndex]!, PDFName.of('Fit')]);
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
