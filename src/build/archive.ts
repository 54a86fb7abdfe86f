import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/**
 * One zip per client and period: that period's portal (`sites/<client>/<period>/`) and packet
 * folder (`packets/<client>/<period>/`: PDF, manifest, signature, certificate, verifier, auditors'
 * text), under the same paths as in the output folder, so the manifest's paths hold inside it.
 * Deterministic: entries sorted by path, one fixed timestamp, fixed compression.
 */

export const archivePath = (outDir: string, client: string, period: string): string => path.join(outDir, 'archives', client, `${client}-${period}.zip`);

// DOS time has no zone: fflate reads the Date's local fields, so this is 1980-01-01 00:00 everywhere.
const fixedTime = () => new Date(1980, 0, 1, 0, 0, 0);

/** Writes the archive of one sealed period and returns its path. */
export async function writeArchive(outDir: string, client: string, period: string): Promise<string> {
  const folders = [path.join('sites', client, period), path.join('packets', client, period)];
  const files = (await Promise.all(folders.map((folder) => filesUnder(outDir, folder)))).flat().sort();
  const entries: Zippable = {};
  for (const file of files) entries[file] = [await readFile(path.join(outDir, file)), { mtime: fixedTime(), level: 6 }];
  const target = archivePath(outDir, client, period);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, zipSync(entries));
  return target;
}

/** Files below `outDir/folder`, as `/`-separated paths relative to `outDir`. */
async function filesUnder(outDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(outDir, folder), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
