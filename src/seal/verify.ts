import type { X509Certificate } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../cli/user-error.ts';
import { checkPacketFolder, layoutRoot, readPemCertificates, type PacketCheck, type PacketProblem } from '../verifier/packet.ts';
import { checkChain, type ChainCheck } from './chain.ts';
import { Manifest, manifestFiles } from './manifest.ts';

export type SealProblem = PacketProblem;

export interface SealCheck {
  manifest: string;
  client: string;
  period: string;
  files: number;
  signer: string;
  development: boolean;
  manifestSha256: string;
  previous: Manifest['previous'];
  problems: SealProblem[];
  notes: string[];
}

/** Every manifest under `target` (an output folder, a packet folder or a manifest.json). */
export async function findManifests(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const found: string[] = [];
  for (const entry of await readdir(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === manifestFiles.manifest) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

/** PEM file of the time-stamping authority's certificate (or its issuer's) that time-stamps must come from. */
export const tsaCertificateEnv = 'PROOFBOOK_TSA_CERT';

/** The certificates of a PEM file the user named (`named`: how, for the message); one at least. */
export async function certificatesFromFile(file: string, named: string, hint: string): Promise<X509Certificate[]> {
  let certificates: X509Certificate[];
  try {
    certificates = readPemCertificates(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new UserError(`${named} ${file}, which cannot be read as PEM certificates: ${(cause as Error).message}`, hint);
  }
  if (certificates.length === 0) throw new UserError(`${named} ${file}, which holds no PEM certificate`, hint);
  return certificates;
}

/** The TSA certificates named by PROOFBOOK_TSA_CERT; none when it is unset (any TSA is accepted). */
export async function tsaCertificatesFrom(env: NodeJS.ProcessEnv): Promise<X509Certificate[]> {
  const file = env[tsaCertificateEnv];
  if (!file) return [];
  return certificatesFromFile(file, `${tsaCertificateEnv} names`, `Point ${tsaCertificateEnv} at a PEM file holding your time-stamping authority's certificate (or its CA's), or unset it.`);
}

/** What a check says of who signed: trusted, or unverified with the fingerprint to compare; nothing when not trusted (that is a problem). */
function trustNote(trust: PacketCheck['trust']): string[] {
  if (!trust || trust.problem) return [];
  return [trust.anchor
    ? `signer trusted: the signing certificate chains to ${trust.anchor} (--trust) and was valid when the packet was signed`
    : `signer's identity unverified (no --trust given): signing certificate SHA-256 fingerprint ${trust.fingerprint}; compare it with the one your MSP published`];
}

/**
 * Checks one sealed period with the offline verifier's code (manifest signature, every listed
 * file, files added since, PDF signatures, the signer against `trustAnchors` when given), after
 * checking the manifest against its schema.
 */
export async function verifyManifest(manifestPath: string, tsaCertificates?: readonly X509Certificate[], trustAnchors: readonly X509Certificate[] = []): Promise<SealCheck> {
  const folder = path.dirname(manifestPath);
  const shown = path.relative(layoutRoot(folder), manifestPath).split(path.sep).join('/');
  const json = readableJson(await readFile(manifestPath, 'utf8'));
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const problem = json === undefined ? 'not readable JSON: the manifest was damaged or changed after it was signed' : 'not a Proofbook manifest';
    return { manifest: shown, client: '?', period: '?', files: 0, signer: '?', development: false, manifestSha256: '', previous: null, notes: [], problems: [{ file: shown, problem }] };
  }
  const check = checkPacketFolder(folder, tsaCertificates ?? (await tsaCertificatesFrom(process.env)), trustAnchors);
  const stamps = check.pdfs.filter((p) => p.check.timestamp).map((p) => `${p.file}: signature time-stamped ${p.check.timestamp!.time} by "${p.check.timestamp!.authority}"`);
  return {
    manifest: shown, client: check.client, period: check.period, files: check.files, signer: check.signer, development: check.development,
    manifestSha256: check.manifestSha256, previous: check.previous, problems: check.problems, notes: [...trustNote(check.trust), ...stamps, ...check.notes],
  };
}

function readableJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The chain of each client's sealed periods among `checks` (readable manifests only). */
export function verifyChains(checks: SealCheck[]): ChainCheck[] {
  const byClient = new Map<string, SealCheck[]>();
  for (const check of checks.filter((c) => c.manifestSha256 !== '')) byClient.set(check.client, [...(byClient.get(check.client) ?? []), check]);
  return [...byClient.keys()].sort().map((client) => checkChain(client, byClient.get(client)!));
}
