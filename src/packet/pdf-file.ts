import { PDFCrossRefSection, PDFHeader, PDFRef, PDFTrailer, PDFTrailerDict } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';

/**
 * Writes a pdf-lib document as a PDF file in pieces: objects that will not change again are
 * serialised as soon as they exist (the binder's printed parts, while Chromium prints the next
 * part), and the rest, the cross-reference table and the trailer when the document is done; a
 * signature is then appended as an incremental update instead of writing the whole file again.
 * Classic cross-reference tables only (no object streams), as a signer needs them; objects are
 * written in the order given, so the same calls give the same bytes.
 */

export interface PdfFile {
  /** Serialises these objects now; they must not change afterwards. */
  write(refs: readonly PDFRef[]): void;
  /** Serialises every object not yet written, then the cross-reference table and trailer: the file. */
  finish(): Uint8Array;
}

const header = PDFHeader.forVersion(1, 7);
const encoder = new TextEncoder();

/** Objects as `n g obj … endobj` in one buffer starting at file offset `at`, and each one's offset. */
function serialise(context: PDFContext, refs: readonly PDFRef[], at: number): { bytes: Uint8Array; offsets: [PDFRef, number][] } {
  const objects = refs.map((ref): [PDFRef, PDFObject, Uint8Array] => {
    const object = context.lookup(ref);
    if (object === undefined) throw new Error(`No object ${ref} to write`);
    return [ref, object, encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`)];
  });
  const end = encoder.encode('\nendobj\n\n');
  const bytes = new Uint8Array(objects.reduce((n, [, object, head]) => n + head.length + object.sizeInBytes() + end.length, 0));
  const offsets: [PDFRef, number][] = [];
  let offset = 0;
  for (const [ref, object, head] of objects) {
    offsets.push([ref, at + offset]);
    bytes.set(head, offset);
    offset += head.length;
    offset += object.copyBytesInto(bytes, offset);
    bytes.set(end, offset);
    offset += end.length;
  }
  return { bytes, offsets };
}

/** The cross-reference section, trailer dictionary and startxref of objects written at `offsets`, from file offset `at`. */
function crossReference(context: PDFContext, offsets: readonly [PDFRef, number][], at: number, previous: number | null, full: boolean): Uint8Array {
  const section = full ? PDFCrossRefSection.create() : PDFCrossRefSection.createEmpty();
  for (const [ref, offset] of [...offsets].sort((a, b) => a[0].objectNumber - b[0].objectNumber)) section.addEntry(ref, offset);
  const { Root, Info, ID, Encrypt } = context.trailerInfo;
  const trailerDict = PDFTrailerDict.of(context.obj({
    Size: context.largestObjectNumber + 1,
    Root,
    Encrypt,
    Info,
    ID,
    ...(previous === null ? {} : { Prev: previous }),
  }));
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(at);
  const bytes = new Uint8Array(section.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2 + trailer.sizeInBytes());
  let offset = section.copyBytesInto(bytes, 0);
  bytes[offset++] = 0x0a;
  offset += trailerDict.copyBytesInto(bytes, offset);
  bytes.set([0x0a, 0x0a], offset);
  trailer.copyBytesInto(bytes, offset + 2);
  return bytes;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const file = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    file.set(chunk, offset);
    offset += chunk.length;
  }
  return file;
}

export function openPdfFile(context: PDFContext): PdfFile {
  const first = new Uint8Array(header.sizeInBytes() + 2);
  first.set([0x0a, 0x0a], header.copyBytesInto(first, 0));
  const chunks: Uint8Array[] = [first];
  let size = first.length;
  const offsets: [PDFRef, number][] = [];
  const written = new Set<number>();
  const write = (refs: readonly PDFRef[]) => {
    const piece = serialise(context, refs, size);
    chunks.push(piece.bytes);
    size += piece.bytes.length;
    offsets.push(...piece.offsets);
    for (const ref of refs) written.add(ref.objectNumber);
  };
  return {
    write,
    finish() {
      write(context.enumerateIndirectObjects().map(([ref]) => ref).filter((ref) => !written.has(ref.objectNumber)));
      chunks.push(crossReference(context, offsets, size, null, true));
      return concat(chunks);
    },
  };
}

/** The offset of the last cross-reference section of a file, from its `startxref`. */
function lastCrossReference(file: Uint8Array): number {
  const tail = Buffer.from(file.subarray(Math.max(0, file.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('The PDF does not end with startxref and %%EOF; it cannot be updated incrementally');
  const offset = Number(match[1]);
  if (Buffer.from(file.subarray(offset, offset + 4)).toString('latin1') !== 'xref') {
    throw new Error('The PDF has a cross-reference stream, not a table; write it without object streams to update it incrementally');
  }
  return offset;
}

/**
 * `file` with an incremental update appended: the objects `refs` of `context` (the document
 * `file` was written from, changed since) and a cross-reference section pointing back to the
 * file's own. The bytes of `file` stay as they were.
 */
export function appendUpdate(file: Uint8Array, context: PDFContext, refs: readonly PDFRef[]): Uint8Array {
  const previous = lastCrossReference(file);
  // A line end first: the update must not run into the file's %%EOF.
  const start = file.length + 1;
  const { bytes, offsets } = serialise(context, refs, start);
  return concat([file, new Uint8Array([0x0a]), bytes, crossReference(context, offsets, start + bytes.length, previous, false)]);
}

/** Refs of the objects numbered above `after`: those registered since it was the largest. */
export function refsAfter(context: PDFContext, after: number): PDFRef[] {
  return Array.from({ length: context.largestObjectNumber - after }, (_, i) => PDFRef.of(after + 1 + i)).filter((ref) => context.lookup(ref) !== undefined);
}
