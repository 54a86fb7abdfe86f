import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { makeCertificate } from '../verifier/certificates.ts';

/**
 * A throwaway self-signed certificate and PKCS#12 for signing tests, written to and read back
 * from a temporary folder that is removed again: no key ever lands in the tree.
 */
export async function createTestKey(passphrase = 'test-passphrase'): Promise<{ p12: Buffer; passphrase: string }> {
  const { cert, key } = makeCertificate({ commonName: 'Proofbook packet test key' }).forge;
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
