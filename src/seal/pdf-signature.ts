import { createVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface PdfSignatureCheck {
  valid: boolean;
  /** Why it is not valid, in words for the person verifying. */
  problem: string | null;
  signer: string | null;
  subFilter: string | null;
}

/**
 * Checks the last signature of a PDF the way a validator does: the byte range covers the whole
 * file but the signature itself, the CMS message digest matches those bytes, and the signature
 * over the signed attributes verifies with the embedded certificate. Trust in the certificate is
 * a separate question (a development key is self-signed).
 */
export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const fail = (problem: string, signer: string | null = null, subFilter: string | null = null): PdfSignatureCheck => ({ valid: false, problem, signer, subFilter });
  if (at < 0) return fail('the PDF carries no signature');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 200));
  if (!range) return fail('the signature byte range cannot be read');
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text.slice(Math.max(0, at - 2000), at + 2000))?.[1] ?? null;
  if (a !== 0 || c + d !== pdf.length || b >= c) return fail('the signature does not cover the whole document', null, subFilter);
  const hex = text.slice(b, c).replace(/[<>\s]/g, '');
  let message: forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  try {
    message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(forge.util.hexToBytes(hex), { parseAllBytes: false } as unknown as boolean)) as forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  } catch {
    return fail('the signature container is not a readable CMS message', null, subFilter);
  }
  const cert = message.certificates[0];
  if (!cert) return fail('the signature embeds no certificate', null, subFilter);
  const signer = String(cert.subject.getField('CN')?.value ?? 'unknown');
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const rawCapture = (message as unknown as { rawCapture: { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string; digestAlgorithm: string } }).rawCapture;
  const attributes = rawCapture.authenticatedAttributes;
  if (!attributes) return fail('the signature has no signed attributes', signer, subFilter);
  const digestOid = forge.asn1.derToOid(rawCapture.digestAlgorithm);
  const hashName = ({ [forge.pki.oids.sha256!]: 'sha256', [forge.pki.oids.sha384!]: 'sha384', [forge.pki.oids.sha512!]: 'sha512' } as Record<string, string>)[digestOid];
  if (!hashName) return fail(`unsupported digest algorithm ${digestOid}`, signer, subFilter);
  const messageDigest = attributes
    .map((attribute) => attribute.value as forge.asn1.Asn1[])
    .find((parts) => forge.asn1.derToOid(parts[0]!.value as string) === forge.pki.oids.messageDigest)?.[1];
  const claimed = ((messageDigest?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as string | undefined) ?? '';
  const actual = forge.md[hashName as 'sha256'].create().update(signedBytes.toString('binary')).digest().getBytes();
  if (claimed !== actual) return fail('the signed bytes were changed after signing (digest mismatch)', signer, subFilter);
  // The signature covers the DER of the attributes as a SET, not as the [0] IMPLICIT field.
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
  const signedAttributes = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
  const certificate = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
  const ok = createVerify(hashName).update(signedAttributes).verify(certificate.publicKey, Buffer.from(rawCapture.signature, 'binary'));
  return ok ? { valid: true, problem: null, signer, subFilter } : fail('the signature does not verify with the embedded certificate', signer, subFilter);
}
