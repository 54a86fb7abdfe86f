import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

/**
 * A throwaway self-signed certificate and PKCS#12 for signing tests, written to and read back
 * from a temporary folder that is removed again: no key ever lands in the tree.
 */
export async function createTestKey(passphrase = 'test-passphrase'): Promise<{ p12: Buffer; passphrase: string }> {
  // Node makes the RSA key natively; forge's pure-JS key generation takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'commonName', value: 'Proofbook packet test key' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' })).getBytes();
  const dir = await mkdtemp(join(tmpdir(), 'proofbook-test-key-'));
  try {
    const path = join(dir, 'test.p12');
    await writeFile(path, Buffer.from(der, 'binary'), { mode: 0o600 });
    return { p12: await readFile(path), passphrase };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
