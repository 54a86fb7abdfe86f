import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { createCadesSignature } from '../seal/cades.ts';
import { openP12 } from '../seal/keys.ts';
import { requestTimestamp } from '../seal/timestamp.ts';
import { appendUpdate, refsAfter } from './pdf-file.ts';

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

class CadesSigner extends Signer {
  readonly #key: PdfSigningKey;
  constructor(key: PdfSigningKey) {
    super();
    this.#key = key;
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const { certificatePem, privateKeyPem } = openP12(this.#key.p12, this.#key.passphrase, false, 'the packet signing key');
    const url = this.#key.timestampAuthority;
    return createCadesSignature({ content, certificatePem, privateKeyPem, timestamp: url ? (value) => requestTimestamp(url, value) : undefined });
  }
}

/**
 * Signs `unsigned` (a PDF with a cross-reference table, as pdf-file.ts writes it) by appending
 * an incremental update: the signature field and its signature. The unsigned bytes stay as they
 * are, so they are neither written again nor re-read. `document` is the document `unsigned` was
 * written from, when the caller still has it (the packet's binder): it spares reading a thousand
 * pages back, and is changed (it gets the signature field).
 */
export async function signPdf(unsigned: Uint8Array, key: PdfSigningKey, info: SigningInfo, document?: PDFDocument): Promise<Uint8Array> {
  // updateMetadata: false keeps the packet's own Producer and dates instead of pdf-lib's.
  const doc = document ?? await PDFDocument.load(unsigned, { updateMetadata: false });
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
  return new SignPdf().sign(Buffer.from(prepared), new CadesSigner(key), info.signingTime);
}
