import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '../ingest/drop.ts';

/** One input or output file: its path (`/`-separated, relative to its folder) and SHA-256. */
export interface FileDigest {
  path: string;
  sha256: string;
}

/** A stable digest of any JSON-serialisable value: the building block of every cache key. */
export const digestOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Every file under `root` (recursively, sorted by path) with its digest; a missing folder has none. */
export async function folderFiles(root: string, skip: (relative: string) => boolean = () => false): Promise<FileDigest[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((relative) => !skip(relative))
    .sort();
  return Promise.all(files.map(async (relative) => ({ path: relative, sha256: await sha256File(path.join(root, relative)) })));
}

/** One digest for a whole folder: names and contents of its files, so a rename counts as a change. */
export async function folderDigest(root: string, skip?: (relative: string) => boolean): Promise<string> {
  return digestOf(await folderFiles(root, skip));
}
