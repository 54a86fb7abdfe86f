import type { X509Certificate } from 'node:crypto';
import { checkSignatureTimestamp, checkSigner, cmsOids, parseSignedData, type SignedData } from './cms.ts';

export interface PdfSignatureCheck {
  valid: boolean;
  /** Why it is not valid, in words for the person verifying. */
  problem: string | null;
  signer: string | null;
  /** The signing certificate (DER) the signature embeds. */
  certificate: Buffer | null;
  subFilter: string | null;
  /** The signing time the signature dictionary claims (/M), ISO 8601; a claim, unlike a time-stamp. */
  signingTime: string | null;
  /** The RFC 3161 signature time-stamp, when the signature carries one. */
  timestamp: { time: string | null; authority: string | null } | null;
}

/**
 * Checks the last signature of a PDF the way a validator does: the byte range covers the whole
 * file but the signature itself, the CMS message digest matches those bytes, the signature over
 * the signed attributes verifies with the embedded certificate, and a time-stamp, if any, was
 * issued for this signature by a certificate for time-stamping (one of `tsaCertificates` or
 * issued by one, when given). Trust in the certificate is a separate question (a development key
 * is self-signed).
 */
export function checkPdfSignature(pdf: Buffer, tsaCertificates: readonly X509Certificate[] = []): PdfSignatureCheck {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const result = (problem: string | null, details: Partial<PdfSignatureCheck> = {}): PdfSignatureCheck => ({ valid: problem === null, problem, signer: null, certificate: null, subFilter: null, signingTime: null, timestamp: null, ...details });
  if (at < 0) return result('the PDF carries no signature');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 200));
  if (!range) return result('the signature byte range cannot be read');
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  // The signature dictionary without its /Contents (the signature, thousands of hex digits).
  const start = Math.max(0, text.lastIndexOf(' obj', Math.min(at, b)));
  const end = text.indexOf('endobj', Math.max(at, c));
  const dictionary = `${text.slice(start, b)} ${text.slice(c, end < 0 ? c + 2000 : end)}`;
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionary)?.[1] ?? null;
  if (a !== 0 || c + d !== pdf.length || b >= c) return result('the signature does not cover the whole document', { subFilter });
  let signed: SignedData;
  try {
    signed = parseSignedData(Buffer.from(text.slice(b, c).replace(/[<>\s]/g, ''), 'hex'));
  } catch {
    return result('the signature container is not a readable CMS message', { subFilter });
  }
  if (signed.contentType !== cmsOids.data || signed.content !== null) return result('the signature is not a detached CMS signature', { subFilter });
  const check = checkSigner(signed, Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
  const signer = check.certificate?.commonName ?? null;
  const stamp = checkSignatureTimestamp(signed.signer, tsaCertificates);
  const timestamp = stamp && { time: stamp.time, authority: stamp.authority };
  return result(check.problem ?? stamp?.problem ?? null, { signer, certificate: check.certificate?.der ?? null, subFilter, signingTime: pdfDate(dictionary), timestamp });
}

/** The signature dictionary's /M (D:YYYYMMDDHHmmSS with Z or an offset ±HH'mm') as ISO 8601, or null. */
function pdfDate(dictionary: string): string | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(dictionary);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, , sign, offsetHours, offsetMinutes] = m;
  const zone = sign ? `${sign}${offsetHours}:${offsetMinutes ?? '00'}` : 'Z';
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
