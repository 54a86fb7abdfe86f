import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { UserError } from '../cli/user-error.ts';
import { timestampEnv } from './timestamp.ts';

/** The key that signs packets and manifests, from a PKCS#12 file. */
export interface SigningKey {
  p12: Buffer;
  passphrase: string;
  /** True when no key was configured and a self-signed development key is used. */
  development: boolean;
  certificatePem: string;
  privateKeyPem: string;
  /** Subject common name of the signing certificate. */
  signer: string;
  /** RFC 3161 time-stamping authority to ask for a signature time-stamp (PROOFBOOK_TSA_URL), if any. */
  timestampAuthority?: string;
}

export const signingEnv = {
  p12: 'PROOFBOOK_SIGNING_P12',
  passphrase: 'PROOFBOOK_SIGNING_PASSWORD',
  timestampAuthority: timestampEnv,
} as const;

const devPassphrase = 'proofbook-development';

/**
 * The user's key when PROOFBOOK_SIGNING_P12 names one; otherwise a development key kept in
 * `devKeyDir` (outside tracked files), created on first use.
 */
export async function resolveSigningKey(env: NodeJS.ProcessEnv, devKeyDir: string): Promise<SigningKey> {
  const timestampAuthority = env[signingEnv.timestampAuthority] || undefined;
  if (timestampAuthority && !URL.canParse(timestampAuthority)) {
    throw new UserError(`${signingEnv.timestampAuthority}="${timestampAuthority}" is not a URL`, 'Set it to the RFC 3161 endpoint of your time-stamping authority, e.g. http://timestamp.example/tsa, or unset it.');
  }
  return { ...(await resolveKeyFile(env, devKeyDir)), timestampAuthority };
}

async function resolveKeyFile(env: NodeJS.ProcessEnv, devKeyDir: string): Promise<SigningKey> {
  const p12Path = env[signingEnv.p12];
  if (p12Path) {
    if (!existsSync(p12Path)) {
      throw new UserError(`${signingEnv.p12} names ${p12Path}, which does not exist`, `Point ${signingEnv.p12} at a PKCS#12 (.p12/.pfx) file, or unset it to sign with a development key.`);
    }
    return openP12(await readFile(p12Path), env[signingEnv.passphrase] ?? '', false, p12Path);
  }
  const devPath = path.join(devKeyDir, 'development-key.p12');
  if (!existsSync(devPath)) {
    await mkdir(devKeyDir, { recursive: true });
    await writeFile(devPath, createDevelopmentP12(), { mode: 0o600 });
  }
  return openP12(await readFile(devPath), devPassphrase, true, devPath);
}

/** Opens a PKCS#12 file: its certificate and private key as PEM, and the signer's name. */
export function openP12(p12: Buffer, passphrase: string, development: boolean, where: string): SigningKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  } catch (cause) {
    throw new UserError(`cannot open the signing key ${where}: ${(cause as Error).message}`, `Check ${signingEnv.passphrase}; the file must be a PKCS#12 holding one private key and its certificate.`);
  }
  const keyBag = firstBag(parsed, forge.pki.oids.pkcs8ShroudedKeyBag);
  const certBag = firstBag(parsed, forge.pki.oids.certBag);
  if (!keyBag?.key || !certBag?.cert) {
    throw new UserError(`the signing key ${where} holds no private key or no certificate`, 'Export the PKCS#12 with its private key and certificate.');
  }
  return {
    p12,
    passphrase,
    development,
    certificatePem: forge.pki.certificateToPem(certBag.cert),
    privateKeyPem: forge.pki.privateKeyToPem(keyBag.key),
    signer: String(certBag.cert.subject.getField('CN')?.value ?? 'unknown signer'),
  };
}

function firstBag(pfx: forge.pkcs12.Pkcs12Pfx, bagType: string | undefined): forge.pkcs12.Bag | undefined {
  if (!bagType) return undefined;
  return pfx.getBags({ bagType })[bagType]?.[0];
}

function createDevelopmentP12(): Buffer {
  // Node generates the RSA key natively (forge's pure-JS keygen takes seconds).
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = forge.util.bytesToHex(forge.random.getBytesSync(8)).replace(/^[89a-f]/, '1');
  // A reproducible build claims its build date (SOURCE_DATE_EPOCH) as the signing time, which may
  // lie before the key was made; a verifier given this key as trust anchor checks its validity at
  // that time. A development key vouches for nobody, so it is valid from long before any build.
  cert.validity.notBefore = new Date(Date.UTC(2000, 0, 1));
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: 'Proofbook development key (not for submission)' },
    { name: 'organizationName', value: 'Proofbook' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], devPassphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
