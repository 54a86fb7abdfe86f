import { PDFArray, PDFCrossRefSection, PDFCrossRefStream, PDFDict, PDFDocument, PDFHeader, PDFObjectStream, PDFRef, PDFTrailer, PDFTrailerDict } from 'pdf-lib';
import type { PDFContext, PDFObject } from 'pdf-lib';

/**
 * Writes a pdf-lib document as a PDF file in pieces: objects that will not change again are
 * serialised as soon as they exist (the binder's printed parts, while Chromium prints the next
 * part), and the rest, the cross-reference table and the trailer when the document is done; a
 * signature is then appended as an incremental update instead of writing the whole file again.
 * Objects are written in the order given, so the same calls give the same bytes. A file whose
 * objects are all written as they are ends with a classic cross-reference table; one with packed
 * objects (compressed object streams, for the thousands of small structure elements of a tagged
 * packet) ends with a cross-reference stream, and so do its updates.
 */

export interface PdfFile {
  /**
   * Serialises these objects now; they must not change afterwards. `packed`: dictionaries and
   * arrays go into compressed object streams (anything else is written as it is).
   */
  write(refs: readonly PDFRef[], options?: { packed: boolean }): void;
  /** Serialises every object not yet written, then the cross-reference table and trailer: the file. */
  finish(): Uint8Array;
}

const header = PDFHeader.forVersion(1, 7);

/** Objects per object stream: enough for the compression to pay, few enough to read one quickly. */
const objectsPerStream = 200;

/** Where an object lies: at a file offset, or at an index in an object stream. */
type Location = { ref: PDFRef; offset: number } | { ref: PDFRef; stream: PDFRef; index: number };
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

function trailerEntries(context: PDFContext, previous: number | null) {
  const { Root, Info, ID, Encrypt } = context.trailerInfo;
  return { Size: context.largestObjectNumber + 1, Root, Encrypt, Info, ID, ...(previous === null ? {} : { Prev: previous }) };
}

/**
 * The cross-reference section of objects at `locations`, written from file offset `at`, then
 * startxref: a table with its trailer dictionary, or, with objects in object streams, a
 * cross-reference stream. `full`: the file's first section, which starts with the free object 0.
 */
function crossReference(context: PDFContext, locations: readonly Location[], at: number, previous: number | null, full: boolean, asStream: boolean): Uint8Array {
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(at);
  const end = new Uint8Array(trailer.sizeInBytes());
  trailer.copyBytesInto(end, 0);
  const sorted = (all: readonly Location[]) => [...all].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  if (asStream) {
    const ref = context.nextRef();
    const dict = context.obj(trailerEntries(context, previous));
    const stream = full ? PDFCrossRefStream.create(dict) : PDFCrossRefStream.of(dict, []);
    for (const location of sorted([...locations, { ref, offset: at }])) {
      if ('offset' in location) stream.addUncompressedEntry(location.ref, location.offset);
      else stream.addCompressedEntry(location.ref, location.stream, location.index);
    }
    context.assign(ref, stream);
    return concat([serialise(context, [ref], at).bytes, end]);
  }
  const section = full ? PDFCrossRefSection.create() : PDFCrossRefSection.createEmpty();
  for (const location of sorted(locations)) if ('offset' in location) section.addEntry(location.ref, location.offset);
  const trailerDict = PDFTrailerDict.of(context.obj(trailerEntries(context, previous)));
  const bytes = new Uint8Array(section.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2);
  let offset = section.copyBytesInto(bytes, 0);
  bytes[offset++] = 0x0a;
  offset += trailerDict.copyBytesInto(bytes, offset);
  bytes.set([0x0a, 0x0a], offset);
  return concat([bytes, end]);
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
  const locations: Location[] = [];
  const written = new Set<number>();
  let packedAny = false;
  const writeAsIs = (refs: readonly PDFRef[]) => {
    const piece = serialise(context, refs, size);
    chunks.push(piece.bytes);
    size += piece.bytes.length;
    locations.push(...piece.offsets.map(([ref, offset]) => ({ ref, offset })));
    for (const ref of refs) written.add(ref.objectNumber);
  };
  const writePacked = (refs: readonly PDFRef[]) => {
    const packable = refs.filter((ref) => {
      const object = context.lookup(ref);
      return ref.generationNumber === 0 && (object instanceof PDFDict || object instanceof PDFArray);
    });
    const packed = new Set(packable);
    writeAsIs(refs.filter((ref) => !packed.has(ref)));
    for (let start = 0; start < packable.length; start += objectsPerStream) {
      const chunk = packable.slice(start, start + objectsPerStream);
      const stream = context.register(PDFObjectStream.withContextAndObjects(context, chunk.map((ref) => [ref, context.lookup(ref)!])));
      writeAsIs([stream]);
      chunk.forEach((ref, index) => {
        locations.push({ ref, stream, index });
        written.add(ref.objectNumber);
      });
      packedAny = true;
    }
  };
  return {
    write: (refs, options) => (options?.packed ? writePacked(refs) : writeAsIs(refs)),
    finish() {
      writeAsIs(context.enumerateIndirectObjects().map(([ref]) => ref).filter((ref) => !written.has(ref.objectNumber)));
      chunks.push(crossReference(context, locations, size, null, true, packedAny));
      return concat(chunks);
    },
  };
}

/** The offset of the last cross-reference section of a file, from its `startxref`, and whether it is a stream. */
function lastCrossReference(file: Uint8Array): { offset: number; stream: boolean } {
  const tail = Buffer.from(file.subarray(Math.max(0, file.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('The PDF does not end with startxref and %%EOF; it cannot be updated incrementally');
  const offset = Number(match[1]);
  const start = Buffer.from(file.subarray(offset, offset + 32)).toString('latin1');
  if (start.startsWith('xref')) return { offset, stream: false };
  if (/^\d+ \d+ obj/.test(start)) return { offset, stream: true };
  throw new Error('The PDF\'s startxref points at neither a cross-reference table nor a stream; it cannot be updated incrementally');
}

/**
 * One more than the largest object number `file` declares (its last /Size). pdf-lib loads the
 * objects of object streams but not the streams themselves, nor a cross-reference stream, so a
 * document loaded from such a file would hand out their numbers again: raise it to this first.
 */
export function declaredSize(file: Uint8Array): number {
  const { offset, stream } = lastCrossReference(file);
  const from = stream ? offset : offset + Buffer.from(file.subarray(offset)).toString('latin1').indexOf('trailer');
  const size = /\/Size\s+(\d+)/.exec(Buffer.from(file.subarray(from, from + 2048)).toString('latin1'));
  if (!size) throw new Error('The PDF\'s last cross-reference section has no /Size');
  return Number(size[1]);
}

/** `file` as a document to update: its own Producer and dates kept, and new objects numbered past all of its own. */
export async function loadForUpdate(file: Uint8Array): Promise<PDFDocument> {
  const doc = await PDFDocument.load(file, { updateMetadata: false });
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, declaredSize(file) - 1);
  return doc;
}

/**
 * `file` with an incremental update appended: the objects `refs` of `context` (the document
 * `file` was written from, changed since) and a cross-reference section of the same kind as the
 * file's own, pointing back to it. The bytes of `file` stay as they were.
 */
export function appendUpdate(file: Uint8Array, context: PDFContext, refs: readonly PDFRef[]): Uint8Array {
  const previous = lastCrossReference(file);
  // A line end first: the update must not run into the file's %%EOF.
  const start = file.length + 1;
  const { bytes, offsets } = serialise(context, refs, start);
  const locations = offsets.map(([ref, offset]) => ({ ref, offset }));
  return concat([file, new Uint8Array([0x0a]), bytes, crossReference(context, locations, start + bytes.length, previous.offset, false, previous.stream)]);
}

/** Refs of the objects numbered above `after`: those registered since it was the largest. */
export function refsAfter(context: PDFContext, after: number): PDFRef[] {
  return Array.from({ length: context.largestObjectNumber - after }, (_, i) => PDFRef.of(after + 1 + i)).filter((ref) => context.lookup(ref) !== undefined);
}
