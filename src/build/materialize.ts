import { createHash } from 'node:crypto';
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

export interface SyncOptions {
  /** Files of the target that `source` lacks but that belong to someone else, so are not removed. */
  keep?: (name: string) => boolean;
  /**
   * Folder of quick-check records: what a target held (size, mtime of each file) right after it was
   * last synced from which cache entry. When the target still matches its record, as rsync's quick
   * check decides, its bytes are not read again. Cache entries never change once written, so the
   * entry's path stands for its content.
   */
  records?: string;
}

/** Copies `source` to `target` unless `target` already holds the same bytes. True when written. */
export async function syncFile(source: string, target: string, options: Pick<SyncOptions, 'records'> = {}): Promise<boolean> {
  const record = options.records ? await readRecord(options.records, target) : null;
  if (record?.source === source && (await matches(path.dirname(target), record, path.basename(target)))) return false;
  const written = await copyIfDifferent(source, target);
  if (options.records) await writeRecord(options.records, target, source, path.dirname(target), [path.basename(target)]);
  return written;
}

/**
 * Makes `target` hold exactly the files of `source`: differing files are written, missing ones
 * added, and files `source` lacks are removed (unless `keep` says they belong to someone else).
 * With a record of the last sync from this same entry, each file that still matches it is taken as
 * is, and the entry's file list is the record's: only the files that do not match are read.
 */
export async function syncFolder(source: string, target: string, options: SyncOptions = {}): Promise<SyncCount> {
  const keep = options.keep ?? (() => false);
  const record = options.records ? await readRecord(options.records, target) : null;
  const trusted = record?.source === source ? record : null;
  const count: SyncCount = { written: 0, unchanged: 0, removed: 0 };
  const wanted = new Set(trusted ? Object.keys(trusted.files) : await relativeFiles(source));
  let checked = 0;
  for (const file of wanted) {
    if (trusted && (await matches(target, trusted, file))) {
      count.unchanged++;
      continue;
    }
    checked++;
    if (await copyIfDifferent(path.join(source, file), path.join(target, file))) count.written++;
    else count.unchanged++;
  }
  for (const file of await relativeFiles(target)) {
    if (wanted.has(file) || keep(file)) continue;
    await rm(path.join(target, file));
    count.removed++;
  }
  if (options.records && (checked > 0 || count.removed > 0 || !trusted)) await writeRecord(options.records, target, source, target, [...wanted]);
  return count;
}

async function copyIfDifferent(source: string, target: string): Promise<boolean> {
  const bytes = await readFile(source);
  if (existsSync(target) && (await stat(target)).size === bytes.length && bytes.equals(await readFile(target))) return false;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return true;
}

async function relativeFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

interface SyncRecord {
  source: string;
  /** When the record was written (ms since the epoch). */
  at: number;
  /** Per file, relative to the target folder: size and modification time in ms. */
  files: Record<string, [number, number]>;
}

const recordFile = (records: string, target: string) => path.join(records, `${createHash('sha256').update(path.resolve(target)).digest('hex')}.json`);

async function readRecord(records: string, target: string): Promise<SyncRecord | null> {
  try {
    return JSON.parse(await readFile(recordFile(records, target), 'utf8')) as SyncRecord;
  } catch {
    // No record (first sync) or a damaged one: the bytes are compared, and the record rewritten.
    return null;
  }
}

/**
 * A file modified this close before its record was written could be modified again without its
 * mtime moving, so it is compared byte for byte (git's "racily clean" files). On a file system that
 * keeps sub-second mtimes the clock ticks in milliseconds; one that keeps whole seconds (FAT, HFS+,
 * some network shares) may not move for two.
 */
const racyMs = (mtimeMs: number): number => (mtimeMs % 1000 === 0 ? 2000 : 100);

/** Whether `file` (relative to `folder`) is as its record saw it, and was not racy then. */
async function matches(folder: string, record: SyncRecord, file: string): Promise<boolean> {
  const seen = record.files[file];
  const now = await stat(path.join(folder, file)).catch(() => null);
  return !!seen && !!now && now.size === seen[0] && now.mtimeMs === seen[1] && seen[1] <= record.at - racyMs(seen[1]);
}

async function writeRecord(records: string, target: string, source: string, folder: string, files: string[]): Promise<void> {
  const record: SyncRecord = { source, at: Date.now(), files: {} };
  for (const file of files) {
    const now = await stat(path.join(folder, file));
    record.files[file] = [now.size, now.mtimeMs];
  }
  await mkdir(records, { recursive: true });
  await writeFile(recordFile(records, target), JSON.stringify(record));
}
