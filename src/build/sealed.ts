import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Manifest, manifestFiles, sha256 } from '../seal/manifest.ts';
import type { FileDigest } from './digest.ts';

/** A period already sealed in the output folder: its manifest and the digest of the manifest's bytes. */
export interface SealedPeriod {
  manifest: Manifest;
  manifestSha256: string;
}

export const manifestPath = (outDir: string, client: string, period: string): string => path.join(outDir, 'packets', client, period, manifestFiles.manifest);

export async function readSealed(outDir: string, client: string, period: string): Promise<SealedPeriod | null> {
  const file = manifestPath(outDir, client, period);
  if (!existsSync(file)) return null;
  const bytes = await readFile(file);
  const parsed = Manifest.safeParse(JSON.parse(bytes.toString('utf8')));
  return parsed.success ? { manifest: parsed.data, manifestSha256: sha256(bytes) } : null;
}

/** The inputs that differ between a sealed manifest and the data folder now: changed, added, removed. */
export function changedInputs(sealed: Manifest, current: FileDigest[]): string[] {
  const before = new Map(sealed.inputs.map((entry) => [entry.path, entry.sha256]));
  const now = new Map(current.map((entry) => [entry.path, entry.sha256]));
  const changed: string[] = [];
  for (const [file, digest] of now) {
    if (!before.has(file)) changed.push(`${file} (added)`);
    else if (before.get(file) !== digest) changed.push(`${file} (changed)`);
  }
  for (const file of before.keys()) if (!now.has(file)) changed.push(`${file} (removed)`);
  return changed.sort();
}
