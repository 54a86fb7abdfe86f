import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '../ingest/drop.ts';
import { openCache } from './cache.ts';
import { digestOf } from './digest.ts';
import type { SharedInputs } from './keys.ts';
import { syncFolder } from './materialize.ts';

/**
 * The MSP-internal overview of every client in the output folder (`<out>/msp/`), from each
 * client's latest sealed report (null when there is none). It is built after the clients, once all are on disk, never inside
 * a client's site; cached by those reports, so an unchanged portfolio rewrites nothing.
 */
export async function writeMspOverview(options: { outDir: string; cacheDir: string; shared: Pick<SharedInputs, 'version' | 'site'> }): Promise<{ clients: number; files: number } | null> {
  const latest = await latestReports(path.join(options.outDir, 'sites'));
  if (latest.length === 0) return null;
  const key = digestOf(['msp', options.shared.version, options.shared.site, ...(await Promise.all(latest.map(async (file) => [file, await sha256File(file)])))]);
  const cache = openCache(options.cacheDir);
  if (!(await cache.meta('msp', key))) {
    const { buildMspOverview } = await import('../portal/build-sites.ts');
    // Astro's scratch folder must lie inside the current directory; one per process.
    const scratch = path.join(process.cwd(), '.proofbook', `msp-work-${process.pid}`);
    try {
      const sitesDir = path.join(options.outDir, 'sites');
      // Links from <out>/msp/ to ../sites/<client>/, where the page is put in place.
      const sitesHref = path.relative(path.join(options.outDir, 'msp'), sitesDir);
      await cache.put('msp', key, async (out) => {
        await buildMspOverview({ sitesDir, file: path.join(out, 'index.html'), sitesHref, workDir: scratch });
        return {};
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  const sync = await syncFolder(path.join(cache.entry('msp', key), 'out'), path.join(options.outDir, 'msp'), { records: cache.syncRecords });
  return { clients: latest.length, files: sync.written + sync.removed };
}

/** `<sites>/<client>/<newest period>/report.json` of every client that has one. */
async function latestReports(sitesDir: string): Promise<string[]> {
  if (!existsSync(sitesDir)) return [];
  const found: string[] = [];
  for (const client of (await readdir(sitesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const periods = (await readdir(path.join(sitesDir, client), { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d{4}-Q[1-4]$/.test(e.name)).map((e) => e.name).sort();
    const file = periods.map((p) => path.join(sitesDir, client, p, 'report.json')).filter((f) => existsSync(f)).at(-1);
    if (file) found.push(file);
  }
  return found;
}
