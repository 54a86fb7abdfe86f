import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '../ingest/drop.ts';
import { Manifest, manifestFiles, sha256, verifyManifestSignature } from './manifest.ts';
import { checkPdfSignature } from './pdf-signature.ts';

export interface SealProblem {
  /** Path relative to the output folder. */
  file: string;
  problem: string;
}

export interface SealCheck {
  manifest: string;
  client: string;
  period: string;
  files: number;
  signer: string;
  development: boolean;
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

/**
 * Checks one sealed period: the manifest's signature, every file it lists, files added since,
 * the PDF signatures, and the link to the previous period's manifest.
 */
export async function verifyManifest(manifestPath: string): Promise<SealCheck> {
  const folder = path.dirname(manifestPath);
  // Manifests live at <out>/packets/<client>/<period>/; their paths are relative to <out>.
  const root = path.resolve(folder, '..', '..', '..');
  const shown = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const problems: SealProblem[] = [];
  const notes: string[] = [];
  const bytes = await readFile(manifestPath);
  const parsed = Manifest.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success) {
    return { manifest: shown(manifestPath), client: '?', period: '?', files: 0, signer: '?', development: false, notes, problems: [{ file: shown(manifestPath), problem: 'not a Proofbook manifest' }] };
  }
  const manifest = parsed.data;
  const problem = (file: string, text: string) => problems.push({ file, problem: text });

  const signaturePath = path.join(folder, manifestFiles.signature);
  const certificatePath = path.join(folder, manifestFiles.certificate);
  if (!existsSync(signaturePath) || !existsSync(certificatePath)) {
    problem(shown(signaturePath), 'the manifest signature or the signer certificate is missing');
  } else {
    const certificate = await readFile(certificatePath, 'utf8');
    if (!verifyManifestSignature(bytes, await readFile(signaturePath), certificate)) problem(shown(manifestPath), 'the manifest was changed after it was signed (signature does not verify)');
    if (sha256(certificate) !== manifest.signer.certificateSha256) problem(shown(certificatePath), 'the signer certificate is not the one the manifest names');
  }

  const listed = new Set(manifest.outputs.map((o) => o.path));
  for (const output of manifest.outputs) {
    const absolute = path.join(root, output.path);
    if (!existsSync(absolute)) {
      problem(output.path, 'missing');
      continue;
    }
    if ((await sha256File(absolute)) !== output.sha256) problem(output.path, 'changed since it was sealed (SHA-256 differs)');
    else if (output.path.endsWith('.pdf')) {
      const check = checkPdfSignature(await readFile(absolute));
      if (!check.valid) problem(output.path, `PDF signature: ${check.problem}`);
    }
  }
  for (const sealedFolder of [path.join(root, 'sites', manifest.client, manifest.period), folder]) {
    if (!existsSync(sealedFolder)) continue;
    for (const entry of await readdir(sealedFolder, { withFileTypes: true, recursive: true })) {
      const file = shown(path.join(entry.parentPath, entry.name));
      if (entry.isFile() && !listed.has(file) && !Object.values(manifestFiles).includes(entry.name as never)) problem(file, 'not in the manifest (added after sealing)');
    }
  }

  if (manifest.previous) {
    const previousPath = path.join(root, 'packets', manifest.client, manifest.previous.period, manifestFiles.manifest);
    if (!existsSync(previousPath)) notes.push(`previous period ${manifest.previous.period} is not here; the chain was not checked`);
    else if (sha256(await readFile(previousPath)) !== manifest.previous.manifestSha256) problem(shown(previousPath), `the previous period's manifest is not the one this period was chained to`);
  }
  if (manifest.signer.development) notes.push('signed with a development key: the signature proves integrity, not identity');
  return {
    manifest: shown(manifestPath), client: manifest.client, period: manifest.period, files: manifest.outputs.length,
    signer: manifest.signer.subject, development: manifest.signer.development, problems, notes,
  };
}
