import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { createCadesSignature } from '../seal/cades.ts';
import { openP12 } from '../seal/keys.ts';
import { requestTimestamp } from '../seal/timestamp.ts';
import { appendUpdate, loadForUpdate, refsAfter } from './pdf-file.ts';

/**
 * Signs a PDF as PAdES baseline B-B (B-T with a time-stamping authority): an invisible signature
 * field whose byte range covers the whole file, SubFilter ETSI.CAdES.detached, the claimed signing
 * time in the signature dictionary's /M, and the CMS made by src/seal/cades.ts.
 */

export interface SigningInfo {
  reason: string;
  location: string;
  name: string;
  signingTime: Date;
}

export interface PdfSigningKey {
  p12: Buffer;
  passphrase: string;
  /** RFC 3161 endpoint; when set, the signature carries a signature time-stamp from it. */
  timestampAuthority?: string;
}

// Room for the CMS in the signature's Contents, in hex digits: the certificate, the signature and
// a time-stamp token with its authority's certificate chain fit well within 8 KB.
const contentsHexDigits = 16_384;

/** The placeholder pdflibAddPlaceholder writes for the byte range: 0 and three names of asterisks. */
const byteRangePlaceholder = /\/ByteRange\s*\[\s*0\s+\/\*+\s+\/\*+\s+\/\*+\s*\]/;

/**
 * Fills in the signature placeholder of `file`, in place: the byte range (everything but the
 * signature's Contents), then the CMS over those bytes. The placeholder is looked for in the
 * update from `updateStart` on only, and the file is hashed where it lies, never copied: a large
 * packet is not held in memory several times over.
 */
async function fillSignature(file: Uint8Array, updateStart: number, key: PdfSigningKey): Promise<Uint8Array> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const update = bytes.toString('latin1', updateStart);
  const range = byteRangePlaceholder.exec(update);
  if (!range) throw new Error('The signature field has no byte range placeholder to fill in');
  const contentsTag = update.indexOf('/Contents', range.index + range[0].length);
  const start = updateStart + update.indexOf('<', contentsTag);
  const end = updateStart + update.indexOf('>', start - updateStart) + 1;
  if (contentsTag < 0 || start < updateStart || end <= start) throw new Error('The signature field has no Contents placeholder to fill in');
  const byteRange = `/ByteRange [0 ${start} ${end} ${bytes.length - end}]`;
  if (byteRange.length > range[0].length) throw new Error('The byte range does not fit its placeholder');
  bytes.write(byteRange.padEnd(range[0].length, ' '), updateStart + range.index, 'latin1');

  const contentDigest = createHash('sha256').update(bytes.subarray(0, start)).update(bytes.subarray(end)).digest();
  const { certificatePem, privateKeyPem } = openP12(key.p12, key.passphrase, false, 'the packet signing key');
  const url = key.timestampAuthority;
  const cms = await createCadesSignature({ contentDigest, certificatePem, privateKeyPem, timestamp: url ? (value) => requestTimestamp(url, value) : undefined });
  const room = end - start - 2;
  if (cms.length * 2 > room) throw new Error(`The signature (${cms.length} bytes) does not fit its placeholder (${room / 2} bytes)`);
  bytes.write(cms.toString('hex').padEnd(room, '0'), start + 1, 'latin1');
  return file;
}

/**
 * Signs `unsigned` (a PDF with a cross-reference table, as pdf-file.ts writes it) by appending
 * an incremental update: the signature field and its signature. The unsigned bytes stay as they
 * are, so they are neither written again nor re-read. `document` is the document `unsigned` was
 * written from, when the caller still has it (the packet's binder): it spares reading a thousand
 * pages back, and is changed (it gets the signature field).
 */
export async function signPdf(unsigned: Uint8Array, key: PdfSigningKey, info: SigningInfo, document?: PDFDocument): Promise<Uint8Array> {
  const doc = document ?? await loadForUpdate(unsigned);
  const before = doc.context.largestObjectNumber;
  const acroForm = doc.catalog.get(PDFName.of('AcroForm'));
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    location: info.location,
    name: info.name,
    contactInfo: '',
    signingTime: info.signingTime,
    subFilter: 'ETSI.CAdES.detached',
    appName: 'Proofbook',
    signatureLength: contentsHexDigits,
  });
  // What the placeholder changed: the catalog (its form), the first page (the field's widget), an
  // existing form in place, and the objects it added.
  const changed = [doc.context.trailerInfo.Root, doc.getPage(0).ref, ...(acroForm instanceof PDFRef ? [acroForm] : []), ...refsAfter(doc.context, before)];
  const prepared = appendUpdate(unsigned, doc.context, changed.filter((ref): ref is PDFRef => ref instanceof PDFRef));
  return fillSignature(prepared, unsigned.length, key);
}
