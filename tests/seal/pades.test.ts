import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf, type PdfSigningKey } from '../../src/packet/sign.ts';
import { openP12 } from '../../src/seal/keys.ts';
import { checkPdfSignature } from '../../src/seal/pdf-signature.ts';
import { requestTimestamp } from '../../src/seal/timestamp.ts';
import { tsaCertificateEnv, tsaCertificatesFrom } from '../../src/seal/verify.ts';
import { checkSignatureTimestamp, cmsOids, digest, parseSignedData } from '../../src/verifier/cms.ts';
import { readPemCertificates } from '../../src/verifier/packet.ts';
import { pdfsig } from '../packet/poppler.ts';
import { createTestKey } from '../packet/test-key.ts';
import { startLocalTsa, type LocalTsa } from './local-tsa.ts';

/** PAdES signatures of a small real PDF, checked by pdfsig, OpenSSL and our own check. */

const dir = mkdtempSync(path.join(tmpdir(), 'proofbook-pades-'));
const info = { reason: 'Compliance packet', location: 'Test MSP', name: 'Test MSP', signingTime: new Date('2026-10-01T12:00:00Z') };
let key: PdfSigningKey;
let tsa: LocalTsa;
let unsigned: Uint8Array;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) doc.addPage().drawText(`Evidence page ${i}`, { x: 50, y: 700, font, size: 18 });
  [unsigned, key, tsa] = await Promise.all([doc.save({ useObjectStreams: false }), createTestKey(), startLocalTsa()]);
});

afterAll(async () => {
  await tsa?.close();
  rmSync(dir, { recursive: true, force: true });
});

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The CMS in the signature's /Contents, and the bytes the /ByteRange covers. */
function signatureParts(pdf: Buffer): { cms: Buffer; signed: Buffer } {
  const text = pdf.toString('latin1');
  const [a, b, c, d] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!.slice(1).map(Number) as [number, number, number, number];
  return { cms: Buffer.from(text.slice(b + 1, c - 1), 'hex'), signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) };
}

function openssl(args: string[]): { status: number | null; output: string } {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('PAdES baseline B-B signature', () => {
  let signed: Buffer;
  let file: string;
  beforeAll(async () => {
    signed = Buffer.from(await signPdf(unsigned, key, info));
    file = save('signed.pdf', signed);
  });

  it('is valid for pdfsig, covers the whole document, and is ETSI.CAdES.detached', () => {
    const report = pdfsig(file);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signer Certificate Common Name: Proofbook packet test key');
    // The claimed time comes from the signature dictionary's /M (there is no signing-time attribute).
    expect(report).toContain('Signing Time: Oct 01 2026 12:00:00');
    expect(checkPdfSignature(signed).signingTime).toBe('2026-10-01T12:00:00.000Z');
  });

  it('carries content-type, message-digest and signing-certificate-v2, and no signing-time', () => {
    const cms = parseSignedData(signatureParts(signed).cms);
    expect([...cms.signer.attributes.keys()].sort()).toEqual([cmsOids.contentType, cmsOids.messageDigest, cmsOids.signingCertificateV2].sort());
    const certificate = Buffer.from(new X509Certificate(openP12(key.p12, key.passphrase, false, 'test').certificatePem).raw);
    expect(cms.certificates).toEqual([certificate]);
    // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted: SEQUENCE { SEQUENCE { SEQUENCE { OCTET STRING hash, issuerSerial } } }.
    const value = cms.signer.attributes.get(cmsOids.signingCertificateV2)![0]!.raw;
    expect(value.includes(digest('sha256', certificate))).toBe(true);
    // OpenSSL, independently, reads the same attributes.
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', save('sig.p7s', signatureParts(signed).cms)]).output;
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).toContain('messageDigest');
    expect(printed).not.toMatch(/signingTime/);
  });

  it('verifies with openssl cms and with our own check', () => {
    const parts = signatureParts(signed);
    const verified = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', save('sig.p7s', parts.cms), '-content', save('signed.bin', parts.signed), '-noverify', '-out', '/dev/null']);
    expect(verified.output).toContain('CMS Verification successful');
    expect(checkPdfSignature(signed)).toMatchObject({ valid: true, problem: null, signer: 'Proofbook packet test key', subFilter: 'ETSI.CAdES.detached', timestamp: null });
  });

  it('fails pdfsig and our check when one byte of the signed range changes', () => {
    const tampered = Buffer.from(signed);
    // A byte in the middle of the first signed range (the document body before the signature).
    const at = Math.floor(tampered.toString('latin1').indexOf('/Contents <') / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const report = pdfsig(save('tampered.pdf', tampered));
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    expect(checkPdfSignature(tampered)).toMatchObject({ valid: false, problem: 'the signed bytes were changed after signing (digest mismatch)' });
  });

  it('fails our check when the signature does not cover the whole file', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended after signing\n')]);
    expect(checkPdfSignature(appended)).toMatchObject({ valid: false, problem: 'the signature does not cover the whole document' });
  });
});

describe('RFC 3161 signature time-stamp from a local OpenSSL TSA', () => {
  let signed: Buffer;
  let file: string;
  beforeAll(async () => {
    const before = tsa.requests;
    signed = Buffer.from(await signPdf(unsigned, { ...key, timestampAuthority: tsa.url }, info));
    file = save('stamped.pdf', signed);
    expect(tsa.requests).toBe(before + 1);
  });

  it('keeps the signature valid for pdfsig and our check, which reads the time-stamp', () => {
    const report = pdfsig(file);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    const check = checkPdfSignature(signed);
    expect(check).toMatchObject({ valid: true, timestamp: { authority: 'Proofbook test TSA' } });
    expect(Math.abs(Date.parse(check.timestamp!.time!) - Date.now())).toBeLessThan(120_000);
  });

  it('carries a token that openssl ts verifies against the signature value and the TSA certificate', () => {
    const cms = parseSignedData(signatureParts(signed).cms);
    const token = cms.signer.unsignedAttributes.get(cmsOids.signatureTimeStampToken)![0]!.raw;
    const verified = openssl(['ts', '-verify', '-data', save('value.bin', cms.signer.signature), '-in', save('token.der', token), '-token_in', '-CAfile', save('tsa.pem', Buffer.from(tsa.certificatePem))]);
    expect(verified.output).toContain('Verification: OK');
  });

  it('reports a token issued for another signature (message imprint differs)', () => {
    const cms = parseSignedData(signatureParts(signed).cms);
    const other = { ...cms.signer, signature: Buffer.alloc(cms.signer.signature.length, 7) };
    expect(checkSignatureTimestamp(other)?.problem).toBe('the signature time-stamp was issued for another signature (message imprint differs)');
    expect(checkSignatureTimestamp(cms.signer)?.problem).toBeNull();
  });

  it('accepts the token from the TSA certificate given, and refuses it against another certificate', () => {
    expect(checkPdfSignature(signed, readPemCertificates(tsa.certificatePem))).toMatchObject({ valid: true, problem: null });
    const signer = openP12(key.p12, key.passphrase, false, 'test key').certificatePem;
    const check = checkPdfSignature(signed, readPemCertificates(signer));
    expect(check.valid).toBe(false);
    expect(check.problem).toMatch(/^signature time-stamp: it is signed by "[^"]*CN=Proofbook test TSA[^"]*", which is neither the given TSA certificate nor issued by it$/);
  });

  it('checks the TSA certificate given to the offline verifier and to proofbook verify', async () => {
    const tsaFile = save('trusted-tsa.pem', Buffer.from(tsa.certificatePem));
    expect(await tsaCertificatesFrom({ [tsaCertificateEnv]: tsaFile })).toHaveLength(1);
    expect(await tsaCertificatesFrom({})).toEqual([]);
    await expect(tsaCertificatesFrom({ [tsaCertificateEnv]: save('not-pem.txt', Buffer.from('hello')) })).rejects.toThrow(/holds no PEM certificate/);
  });

  it('says which TSA failed and how to go on without one', async () => {
    const request = requestTimestamp('http://127.0.0.1:9/tsa', Buffer.from('signature'));
    await expect(request).rejects.toThrow(/time-stamping authority http:\/\/127\.0\.0\.1:9\/tsa \(PROOFBOOK_TSA_URL\) cannot be reached/);
    await expect(request).rejects.toMatchObject({ hint: expect.stringContaining('unset PROOFBOOK_TSA_URL') });
  });
});
