import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { PDFDocument } from 'pdf-lib';

/**
 * Signs a PDF with a PKCS#12 key: an invisible signature field whose byte range covers the whole
 * file, CMS detached, SubFilter ETSI.CAdES.detached (the PAdES one).
 */

export interface SigningInfo {
  reason: string;
  location: string;
  name: string;
  signingTime: Date;
}

export async function signPdf(pdf: Uint8Array, key: { p12: Buffer; passphrase: string }, info: SigningInfo): Promise<Uint8Array> {
  // updateMetadata: false keeps the packet's own Producer and dates instead of pdf-lib's.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    location: info.location,
    name: info.name,
    contactInfo: '',
    signingTime: info.signingTime,
    subFilter: 'ETSI.CAdES.detached',
    appName: 'Proofbook',
  });
  // The placeholder must stay a plain object the signer can find and fill in: no object streams.
  const prepared = await doc.save({ useObjectStreams: false });
  const signer = new P12Signer(key.p12, { passphrase: key.passphrase });
  return new SignPdf().sign(Buffer.from(prepared), signer, info.signingTime);
}
