import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { folderDigest } from './digest.ts';

/**
 * The build cache: one folder per stage output, named by its key (see keys.ts), holding the payload
 * in `out/` and `meta.json`. Entries appear by an atomic rename of a finished folder, so a crash
 * mid-write never leaves a half entry, concurrent builds sharing the folder only race to write the
 * same key, and deleting the whole cache folder at any time only costs a rebuild. Every use of an
 * entry stamps its meta.json's modification time, so entries no build has used for a while can be
 * pruned (`proofbook cache --prune DAYS`) and a cache shared between CI runs stays bounded.
 */

export type Stage = 'reports' | 'sites' | 'client-pages' | 'packets' | 'seals' | 'msp';

/** Bumped when the layout of entries changes, so an old cache is ignored rather than misread. */
const layout = 'v1';
const syncRecordsFolder = 'synced';

export interface EntryMeta {
  /** Digest of the payload, which the seal's key depends on. */
  digest: string;
  /** Stage-specific figures for the summary (rows, pages). */
  figures: Record<string, number>;
}

export interface Cache {
  /** The entry's folder; its payload is in `<entry>/out`. */
  entry(stage: Stage, key: string): string;
  /** The entry's meta, or null when it is not cached. */
  meta(stage: Stage, key: string): Promise<EntryMeta | null>;
  /** Where the output folder's quick-check records are kept (see materialize.ts): not entries, never pruned as such. */
  readonly syncRecords: string;
  /** Writes an entry: `fill` writes the payload into the folder it is given. Returns the meta. */
  put(stage: Stage, key: string, fill: (out: string) => Promise<Record<string, number>>): Promise<EntryMeta>;
}

export function openCache(root: string): Cache {
  const base = path.join(root, layout);
  const entry = (stage: Stage, key: string) => path.join(base, stage, key);
  const meta = async (stage: Stage, key: string): Promise<EntryMeta | null> => {
    const file = path.join(entry(stage, key), 'meta.json');
    if (!existsSync(file)) return null;
    const now = new Date();
    await utimes(file, now, now);
    return JSON.parse(await readFile(file, 'utf8')) as EntryMeta;
  };
  return {
    entry,
    meta,
    syncRecords: path.join(base, syncRecordsFolder),
    async put(stage, key, fill) {
      const scratch = path.join(base, 'tmp');
      await mkdir(scratch, { recursive: true });
      await mkdir(path.join(base, stage), { recursive: true });
      const staging = await mkdtemp(path.join(scratch, `${stage}-`));
      try {
        const out = path.join(staging, 'out');
        await mkdir(out);
        const figures = await fill(out);
        const written: EntryMeta = { digest: await folderDigest(out), figures };
        await writeFile(path.join(staging, 'meta.json'), JSON.stringify(written));
        await rename(staging, entry(stage, key)).catch(async (error: NodeJS.ErrnoException) => {
          // Another build wrote the same key first; its entry stands, and is the one used.
          if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        });
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      return (await meta(stage, key))!;
    },
  };
}

export interface StageUsage {
  stage: string;
  entries: number;
  bytes: number;
  /** Entries removed by this prune, and their bytes. */
  removed: number;
  removedBytes: number;
}

/**
 * Per stage, the entries and their size; with `unusedForDays`, removes every entry no build has
 * used for longer than that, the staging folders a killed build left behind, and caches of an
 * older layout (which no build of this version reads).
 */
export async function pruneCache(root: string, options: { unusedForDays?: number; now?: Date } = {}): Promise<StageUsage[]> {
  const base = path.join(root, layout);
  const prune = options.unusedForDays !== undefined;
  if (prune) {
    const stale = existsSync(root) ? (await readdir(root)).filter((name) => name !== layout) : [];
    await Promise.all([...stale.map((name) => rm(path.join(root, name), { recursive: true, force: true })), rm(path.join(base, 'tmp'), { recursive: true, force: true })]);
  }
  const cutoff = (options.now ?? new Date()).getTime() - (options.unusedForDays ?? 0) * 86_400_000;
  const usage: StageUsage[] = [];
  const stages = existsSync(base) ? (await readdir(base, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name !== 'tmp' && e.name !== syncRecordsFolder).map((e) => e.name).sort() : [];
  for (const stage of stages) {
    const row: StageUsage = { stage, entries: 0, bytes: 0, removed: 0, removedBytes: 0 };
    for (const key of await readdir(path.join(base, stage))) {
      const folder = path.join(base, stage, key);
      const bytes = await folderBytes(folder);
      const meta = path.join(folder, 'meta.json');
      const lastUsed = existsSync(meta) ? (await stat(meta)).mtimeMs : 0;
      if (prune && lastUsed < cutoff) {
        await rm(folder, { recursive: true, force: true });
        row.removed++;
        row.removedBytes += bytes;
      } else {
        row.entries++;
        row.bytes += bytes;
      }
    }
    usage.push(row);
  }
  return usage;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
