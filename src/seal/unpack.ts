import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { UserError } from '../cli/user-error.ts';

/**
 * Unpacks a period archive into `into` for verification, refusing entries that would land
 * outside it (absolute paths, `..`), whatever the zip claims.
 */
export async function unpackArchive(zipFile: string, into: string): Promise<void> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await readFile(zipFile));
  } catch (cause) {
    throw new UserError(`${zipFile} is not a readable zip archive: ${(cause as Error).message}`, 'Give the archive Proofbook wrote (archives/<client>/<client>-<period>.zip), or its unpacked folder.');
  }
  const root = path.resolve(into);
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = path.resolve(root, name);
    if (path.isAbsolute(name) || name.includes('\\') || !target.startsWith(root + path.sep)) {
      throw new UserError(`${zipFile} holds an entry outside its folder: ${name}`, 'This is not an archive Proofbook wrote; do not trust its contents.');
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
