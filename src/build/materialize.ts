import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts cached outputs in place in the output folder, writing only files whose bytes differ, so a
 * rebuild with nothing changed rewrites nothing (same bytes, same mtimes) and static hosts or
 * rsync see no change.
 */

export interface SyncCount {
  written: number;
  unchanged: number;
  removed: number;
}

/** Copies `source` to `target` unless `target` already holds the same bytes. True when written. */
export async function syncFile(source: string, target: string): Promise<boolean> {
  const bytes = await readFile(source);
  if (existsSync(target) && (await stat(target)).size === bytes.length && bytes.equals(await readFile(target))) return false;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return true;
}

/**
 * Makes `target` hold exactly the files of `source`: differing files are written, missing ones
 * added, and files `source` lacks are removed (unless `keep` says they belong to someone else).
 */
export async function syncFolder(source: string, target: string, keep: (name: string) => boolean = () => false): Promise<SyncCount> {
  const count: SyncCount = { written: 0, unchanged: 0, removed: 0 };
  const wanted = new Set(await relativeFiles(source));
  for (const file of wanted) {
    if (await syncFile(path.join(source, file), path.join(target, file))) count.written++;
    else count.unchanged++;
  }
  for (const file of await relativeFiles(target)) {
    if (wanted.has(file) || keep(file)) continue;
    await rm(path.join(target, file));
    count.removed++;
  }
  return count;
}

async function relativeFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
