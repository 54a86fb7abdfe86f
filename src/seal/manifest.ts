import { createSign, createHash } from 'node:crypto';
import { z } from 'zod';
import { sealFiles } from '../verifier/packet.ts';

/** One file named by a manifest: its path relative to the output (or data) folder and its digest. */
export const ManifestEntry = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/**
 * `manifest.json` of one client and period: every output file and every input it was built from,
 * and the digest of the previous period's manifest, so quarters form a chain.
 */
export const Manifest = z.object({
  manifestVersion: z.literal(1),
  tool: z.object({ name: z.literal('proofbook'), version: z.string() }),
  client: z.string(),
  period: z.string(),
  generatedAt: z.string(),
  signer: z.object({ subject: z.string(), development: z.boolean(), certificateSha256: z.string() }),
  previous: z.object({ period: z.string(), manifestSha256: z.string() }).nullable(),
  /** Paths relative to the output folder (e.g. `sites/<client>/<period>/index.html`). */
  outputs: z.array(ManifestEntry),
  /** Paths relative to the data folder. */
  inputs: z.array(ManifestEntry),
});
export type Manifest = z.infer<typeof Manifest>;

/** The names the offline verifier looks for, so both read the same layout. */
export const manifestFiles = sealFiles;

/** Stable bytes: two-space JSON, entries sorted by path, trailing newline. */
export function serialiseManifest(manifest: Manifest): Buffer {
  const sorted = { ...manifest, outputs: sortByPath(manifest.outputs), inputs: sortByPath(manifest.inputs) };
  return Buffer.from(`${JSON.stringify(sorted, null, 2)}\n`);
}

const sortByPath = (entries: ManifestEntry[]) => [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** RSA/ECDSA with SHA-256 over the manifest bytes; `openssl dgst -sha256 -verify` checks it. */
export function signManifest(bytes: Buffer, privateKeyPem: string): Buffer {
  return createSign('sha256').update(bytes).sign(privateKeyPem);
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
