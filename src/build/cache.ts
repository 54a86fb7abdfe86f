import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { folderDigest } from './digest.ts';

/**
 * The build cache: one folder per stage output, named by its key (see keys.ts), holding the payload
 * in `out/` and `meta.json`. Entries appear by an atomic rename of a finished folder, so a crash
 * mid-write never leaves a half entry, concurrent builds sharing the folder only race to write the
 * same key, and deleting the whole cache folder at any time only costs a rebuild.
 */

export type Stage = 'reports' | 'sites' | 'client-pages' | 'packets' | 'seals' | 'msp';

/** Bumped when the layout of entries changes, so an old cache is ignored rather than misread. */
const layout = 'v1';

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
  /** Writes an entry: `fill` writes the payload into the folder it is given. Returns the meta. */
  put(stage: Stage, key: string, fill: (out: string) => Promise<Record<string, number>>): Promise<EntryMeta>;
}

export function openCache(root: string): Cache {
  const base = path.join(root, layout);
  const entry = (stage: Stage, key: string) => path.join(base, stage, key);
  const meta = async (stage: Stage, key: string): Promise<EntryMeta | null> => {
    const file = path.join(entry(stage, key), 'meta.json');
    return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as EntryMeta) : null;
  };
  return {
    entry,
    meta,
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
