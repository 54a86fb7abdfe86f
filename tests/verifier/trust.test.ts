import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTrust, type SigningMoment } from '../../src/verifier/trust.ts';
import { makeCertificate } from './certificates.ts';

/** The signer's certificate against trust anchors: a throwaway CA, wrong anchors, expired certificates. */

const year = (y: number, month = 1) => new Date(Date.UTC(y, month - 1, 1));
const signedAt = (time: Date, source = 'the signature time-stamp'): SigningMoment => ({ time: time.toISOString(), source });
const now = signedAt(new Date());

const ca = makeCertificate({ commonName: 'Harborline Test CA', ca: true, notBefore: year(2020), notAfter: year(2040) });
const signer = makeCertificate({ commonName: 'Harborline packet signer', issuer: ca });
const otherCa = makeCertificate({ commonName: 'Some Other CA', ca: true });

const dir = mkdtempSync(join(tmpdir(), 'proofbook-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the signer against trust anchors', () => {
  it('is trusted when a CA given as anchor issued and signed its certificate', () => {
    expect(checkTrust(signer.der, [otherCa.certificate, ca.certificate], now)).toEqual({
      fingerprint: signer.certificate.fingerprint256,
      anchor: '"CN=Harborline Test CA"',
      problem: null,
    });
  });

  it('is trusted when its own certificate, self-signed, is the anchor (as the MSP published it)', () => {
    const own = makeCertificate({ commonName: 'Harborline self-signed' });
    expect(checkTrust(own.der, [own.certificate], now)).toMatchObject({ anchor: '"CN=Harborline self-signed"', problem: null });
  });

  it('is not trusted against another CA, and says who issued it', () => {
    const check = checkTrust(signer.der, [otherCa.certificate], now);
    expect(check.anchor).toBeNull();
    expect(check.problem).toBe('"CN=Harborline packet signer" is issued by "CN=Harborline Test CA", which is not among the trust anchors given, nor is the certificate itself');
  });

  it('is not trusted against a CA of the same name with another key', () => {
    const impostor = makeCertificate({ commonName: 'Harborline Test CA', ca: true });
    expect(checkTrust(signer.der, [impostor.certificate], now).problem).toBe('"CN=Harborline packet signer" names "CN=Harborline Test CA" as its issuer, but that certificate\'s key did not sign it');
  });

  it('is not trusted when its issuer is not a CA certificate', () => {
    const plain = makeCertificate({ commonName: 'Not a CA', ca: false });
    const issued = makeCertificate({ commonName: 'Issued by a non-CA', issuer: plain });
    expect(checkTrust(issued.der, [plain.certificate], now).problem).toBe('"CN=Not a CA" signed "CN=Issued by a non-CA" but is not a CA certificate (basic constraints), so it cannot vouch for it');
  });

  it('is judged at the time of signing: valid then is trusted, expired or not yet valid then is not', () => {
    const expired = makeCertificate({ commonName: 'Signer of 2021', issuer: ca, notBefore: year(2021), notAfter: year(2022) });
    expect(checkTrust(expired.der, [ca.certificate], signedAt(year(2021, 6))).problem).toBeNull();
    expect(checkTrust(expired.der, [ca.certificate], signedAt(year(2026), 'the signing time the PDF claims, not time-stamped')).problem).toMatch(
      /^"CN=Signer of 2021" had expired when the packet was signed \(2026-01-01T00:00:00.000Z, the signing time the PDF claims, not time-stamped; valid until Jan +1 00:00:00 2022 GMT\)$/,
    );
    expect(checkTrust(expired.der, [ca.certificate], signedAt(year(2020))).problem).toMatch(/^"CN=Signer of 2021" was not yet valid when the packet was signed/);
    // The anchor, too, must have been valid then.
    const oldCa = makeCertificate({ commonName: 'Retired CA', ca: true, notBefore: year(2018), notAfter: year(2019) });
    const late = makeCertificate({ commonName: 'Signer under a retired CA', issuer: oldCa });
    expect(checkTrust(late.der, [oldCa.certificate], now).problem).toMatch(/^"CN=Retired CA" had expired when the packet was signed/);
  });

  it('without anchors, verifies nothing and gives the fingerprint openssl prints', () => {
    const file = join(dir, 'signer.pem');
    writeFileSync(file, signer.pem);
    const openssl = spawnSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).stdout.trim();
    const check = checkTrust(signer.der, [], now);
    expect(check).toEqual({ fingerprint: openssl.replace(/^sha256 Fingerprint=/i, ''), anchor: null, problem: null });
    expect(check.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
