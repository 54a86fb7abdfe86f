import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { createCadesSignature } from '../seal/cades.ts';
import { openP12 } from '../seal/keys.ts';
import { requestTimestamp } from '../seal/timestamp.ts';

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
 * Signs `pdf`: its bytes, or the document itself when the caller still has it (the packet's
 * binder), which spares reading a thousand pages back (time, and a second copy in memory). A
 * document given is changed: it gets the signature field.
 */
export async function signPdf(pdf: Uint8Array | PDFDocument, key: PdfSigningKey, info: SigningInfo): Promise<Uint8Array> {
  // updateMetadata: false keeps the packet's own Producer and dates instead of pdf-lib's.
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
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
  // The placeholder must stay a plain object the signer can find and fill in: no object streams.
  const prepared = await doc.save({ useObjectStreams: false });
  return new SignPdf().sign(Buffer.from(prepared), new CadesSigner(key), info.signingTime);
}
