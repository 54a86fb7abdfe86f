import { createHash, verify, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPdfSignature, type PdfSignatureCheck } from './pdf.ts';
import { checkTrust, type SigningMoment, type TrustCheck } from './trust.ts';

/**
 * Checks one sealed packet folder (`packets/<client>/<period>/` of a build output or an archive):
 * the manifest's signature with signer.pem, the SHA-256 of every file it lists, files added since,
 * and each PDF's signature. Paths in the manifest are relative to the folder three levels up,
 * where `sites/` and `packets/` sit side by side.
 */

export const sealFiles = { manifest: 'manifest.json', signature: 'manifest.sig', certificate: 'signer.pem' } as const;

export interface PacketProblem {
  /** Path relative to the output folder, `/`-separated. */
  file: string;
  problem: string;
}

export interface PacketCheck {
  client: string;
  period: string;
  signer: string;
  development: boolean;
  /** Files the manifest lists. */
  files: number;
  /** SHA-256 of manifest.json, what the next period's manifest links to. */
  manifestSha256: string;
  previous: { period: string; manifestSha256: string } | null;
  pdfs: { file: string; check: PdfSignatureCheck }[];
  /** The signer's certificate against the trust anchors given (none: its fingerprint only); null without a readable signer.pem. */
  trust: TrustCheck | null;
  problems: PacketProblem[];
  notes: string[];
}

interface ManifestShape {
  client: string;
  period: string;
  signer: { subject: string; development: boolean; certificateSha256: string };
  previous: { period: string; manifestSha256: string } | null;
  outputs: { path: string; sha256: string }[];
}

const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Where the manifest's paths start from: `<root>/packets/<client>/<period>/manifest.json`. */
export const layoutRoot = (folder: string): string => path.resolve(folder, '..', '..', '..');

/** The certificates in a PEM file (a TSA's certificate, its issuer's, or both). */
export function readPemCertificates(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((block) => new X509Certificate(block));
}

/**
 * When the packet was signed: the time a TSA vouches for, else the time the signature claims,
 * else (no readable PDF signature) now.
 */
function signingMoment(pdfs: PacketCheck['pdfs']): SigningMoment {
  const signed = pdfs.find((p) => p.check.valid)?.check;
  if (signed?.timestamp?.time) return { time: signed.timestamp.time, source: 'the signature time-stamp' };
  if (signed?.signingTime) return { time: signed.signingTime, source: 'the signing time the PDF claims, not time-stamped' };
  return { time: new Date().toISOString(), source: 'now: the packet gives no signing time' };
}

/**
 * `tsaCertificates`: the time-stamping authority's certificates a time-stamp must come from (none:
 * any TSA). `trustAnchors`: the certificates the signer's must be or chain to (none: the signer's
 * identity is left unverified, and its fingerprint reported).
 */
export function checkPacketFolder(folder: string, tsaCertificates: readonly X509Certificate[] = [], trustAnchors: readonly X509Certificate[] = []): PacketCheck {
  const root = layoutRoot(folder);
  const shown = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const manifestPath = path.join(folder, sealFiles.manifest);
  const bytes = readFileSync(manifestPath);
  const manifest = JSON.parse(bytes.toString('utf8')) as ManifestShape;
  const problems: PacketProblem[] = [];
  const notes: string[] = [];
  const problem = (file: string, text: string) => problems.push({ file, problem: text });

  const signaturePath = path.join(folder, sealFiles.signature);
  const certificatePath = path.join(folder, sealFiles.certificate);
  let certificateDer: Buffer | null = null;
  if (!existsSync(signaturePath) || !existsSync(certificatePath)) {
    problem(shown(signaturePath), 'the manifest signature or the signer certificate is missing');
  } else {
    const certificatePem = readFileSync(certificatePath, 'utf8');
    const certificate = readPem(certificatePem);
    if (!certificate) problem(shown(certificatePath), 'not a readable X.509 certificate');
    else if (!verify('sha256', bytes, certificate.publicKey, readFileSync(signaturePath))) problem(shown(manifestPath), 'the manifest was changed after it was signed (signature does not verify)');
    if (sha256Hex(certificatePem) !== manifest.signer.certificateSha256) problem(shown(certificatePath), 'the signer certificate is not the one the manifest names');
    certificateDer = certificate ? Buffer.from(certificate.raw) : null;
  }

  const pdfs: PacketCheck['pdfs'] = [];
  const listed = new Set(manifest.outputs.map((o) => o.path));
  for (const output of manifest.outputs) {
    const absolute = path.resolve(root, output.path);
    if (path.isAbsolute(output.path) || !absolute.startsWith(root + path.sep)) {
      problem(output.path, 'lies outside the output folder');
      continue;
    }
    if (!existsSync(absolute)) {
      problem(output.path, 'missing');
      continue;
    }
    const content = readFileSync(absolute);
    if (sha256Hex(content) !== output.sha256) {
      problem(output.path, 'changed since it was sealed (SHA-256 differs)');
    } else if (output.path.endsWith('.pdf')) {
      const check = checkPdfSignature(content, tsaCertificates);
      pdfs.push({ file: output.path, check });
      if (!check.valid) problem(output.path, `PDF signature: ${check.problem}`);
      else if (certificateDer && check.certificate && !check.certificate.equals(certificateDer)) problem(output.path, 'the PDF is signed with another certificate than signer.pem');
    }
  }
  const trust = certificateDer ? checkTrust(certificateDer, trustAnchors, signingMoment(pdfs)) : null;
  if (trust?.problem) problem(shown(certificatePath), `the signer is not trusted: ${trust.problem}`);
  const sealNames = new Set<string>(Object.values(sealFiles));
  for (const sealed of [path.join(root, 'sites', manifest.client, manifest.period), folder]) {
    for (const file of filesUnder(sealed)) {
      const relative = shown(file);
      if (!listed.has(relative) && !(path.dirname(file) === folder && sealNames.has(path.basename(file)))) problem(relative, 'not in the manifest (added after sealing)');
    }
  }
  if (manifest.signer.development) notes.push('signed with a development key: the signature proves integrity, not identity');
  return {
    client: manifest.client, period: manifest.period, signer: manifest.signer.subject, development: manifest.signer.development,
    files: manifest.outputs.length, manifestSha256: sha256Hex(bytes), previous: manifest.previous, pdfs, trust, problems, notes,
  };
}

function readPem(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/** Every file below `folder` (none when it does not exist); written out for Node 18's readdir. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}
