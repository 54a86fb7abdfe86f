import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { PeriodId } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';
import { resolveSigningKey, type SigningKey } from '../seal/keys.ts';
import { sha256 } from '../seal/manifest.ts';
import { archivePath, writeArchive } from './archive.ts';
import { loadReport, type AssessedClient, type AssessedPeriod } from './assess-client.ts';
import { openCache, type Cache, type EntryMeta } from './cache.ts';
import { noSeconds, timed, type BuildContext, type StageName, type StageSeconds } from './context.ts';
import { clientPagesKey, packetKey, sealKey, siteKey } from './keys.ts';
import { syncFile, syncFolder } from './materialize.ts';
import { manifestPath } from './sealed.ts';
import { sealPeriod } from './seal-period.ts';

/** Per stage: outputs taken from the cache, and outputs made now. */
export type StageCounts = Record<'sites' | 'packets' | 'seals', { reused: number; built: number }>;

export interface RenderedClient {
  clientId: string;
  periods: number;
  /** Sealed past periods left exactly as they were. */
  kept: number;
  pages: number;
  packets: string[];
  counts: StageCounts;
  /** Files written or removed in the output folder; 0 when it already held every output byte for byte. */
  filesWritten: number;
  seconds: StageSeconds;
}

/** What the worker lends the render phase: the parent's browsers, and a way to say what it is doing. */
export interface RenderServices {
  /** The packet prints in a tab of each. */
  browsers(): Promise<Browser[]>;
  stage(stage: StageName, detail: string): void;
}

export const packetFileName = (client: string, period: string): string => `${client}-${period}-packet.pdf`;

/**
 * Phase two of a client's build: portal pages, packets and seals of its periods, each taken from
 * the cache when its key is there and made (then cached) otherwise, and put in place in the output
 * folder without rewriting identical files. Sealed past periods kept by phase one are not touched.
 */
export async function renderClient(context: BuildContext, assessed: AssessedClient, services: RenderServices): Promise<RenderedClient> {
  const cache = openCache(context.cacheDir);
  const seconds = noSeconds();
  const { clientId } = assessed;
  const periods = assessed.periods.filter((p) => p.selected && !p.kept);
  const counts: StageCounts = { sites: { reused: 0, built: 0 }, packets: { reused: 0, built: 0 }, seals: { reused: 0, built: 0 } };
  const keys = periods.map((p) => ({ site: siteKey(context.shared, p.reportKey), packet: packetKey(context.shared, p.reportKey) }));
  let signing: Promise<SigningKey> | undefined;
  const signingKey = () => (signing ??= resolveSigningKey(process.env, context.keysDir));

  let filesWritten = 0;
  let clientPages = 0;
  const sites = await timed(seconds, 'site', async () => {
    services.stage('site', `${periods.length} period(s)`);
    const rendered = await renderSites(context, cache, assessed, periods, keys.map((k) => k.site));
    counts.sites = { reused: periods.length - rendered.periods, built: rendered.periods };
    filesWritten += rendered.written;
    clientPages = rendered.clientPages;
    return Promise.all(keys.map(async (k) => (await cache.meta('sites', k.site))!));
  });

  const packets = await timed(seconds, 'packet', async () => {
    const metas: EntryMeta[] = [];
    for (const [i, p] of periods.entries()) {
      const cached = await cache.meta('packets', keys[i]!.packet);
      counts.packets[cached ? 'reused' : 'built']++;
      if (!cached) services.stage('packet', p.period);
      metas.push(cached ?? (await buildPacketEntry(context, cache, keys[i]!.packet, await loadReport(cache, p.reportKey), await signingKey(), services)));
    }
    return metas;
  });

  await timed(seconds, 'seal', async () => {
    for (const [i, p] of periods.entries()) {
      const packetDir = path.join(context.outDir, 'packets', clientId, p.period);
      const packetFile = packetFileName(clientId, p.period);
      filesWritten += Number(await syncFile(path.join(cache.entry('packets', keys[i]!.packet), 'out', 'packet.pdf'), path.join(packetDir, packetFile), { records: cache.syncRecords }));
      const key = sealKey(context.shared, { reportKey: p.reportKey, site: sites[i]!.digest, packet: packets[i]!.digest, previousManifest: await previousManifest(context, assessed, p) });
      const cached = await cache.meta('seals', key);
      counts.seals[cached ? 'reused' : 'built']++;
      if (!cached) {
        services.stage('seal', p.period);
        await sealPeriod({ outDir: context.outDir, dataDir: context.dataDir, report: await loadReport(cache, p.reportKey), key: await signingKey() });
        // The seal is everything sealPeriod leaves beside the PDF: manifest, signature, certificate, extras.
        await cache.put('seals', key, async (out) => {
          await cp(packetDir, out, { recursive: true, filter: (source) => path.basename(source) !== packetFile });
          return {};
        });
      }
      const sync = await syncFolder(path.join(cache.entry('seals', key), 'out'), packetDir, { keep: (name) => name === packetFile, records: cache.syncRecords });
      filesWritten += sync.written + sync.removed;
      // The hand-over zip of the period; deterministic, so it is rewritten only when what it holds changed.
      if (!cached || sync.written + sync.removed > 0 || !existsSync(archivePath(context.outDir, clientId, p.period))) {
        await writeArchive(context.outDir, clientId, p.period);
        filesWritten++;
      }
    }
  });

  return {
    clientId,
    periods: periods.length,
    kept: assessed.periods.filter((p) => p.selected && p.kept).length,
    pages: sites.reduce((n, meta) => n + (meta.figures.pages ?? 0), clientPages),
    packets: periods.map((p) => path.join(context.outDir, 'packets', clientId, p.period, packetFileName(clientId, p.period))),
    counts,
    filesWritten,
    seconds,
  };
}

/** The digest of the previous period's manifest as it now stands in the output folder: the chain link. */
async function previousManifest(context: BuildContext, assessed: AssessedClient, period: AssessedPeriod): Promise<string | null> {
  const previous = assessed.periods[assessed.periods.indexOf(period) - 1];
  const file = previous ? manifestPath(context.outDir, assessed.clientId, previous.period) : null;
  return file && existsSync(file) ? sha256(await readFile(file)) : null;
}

/**
 * Puts the client's portal in place: periods whose pages are cached are copied in (identical files
 * untouched); the others are rendered by one Astro build (its start-up is most of a small build)
 * over a private copy of the client's portal folder — which gives the build the earlier periods'
 * reports for its trends and the pages for the client's search index, and keeps every other client
 * out of reach — and the result is cached and synced back.
 */
async function renderSites(
  context: BuildContext,
  cache: Cache,
  assessed: AssessedClient,
  periods: AssessedPeriod[],
  keys: string[],
): Promise<{ periods: number; written: number; clientPages: number }> {
  let written = 0;
  const clientDir = path.join(context.outDir, 'sites', assessed.clientId);
  const pagesKey = clientPagesKey(context.shared, assessed.periods.map((p) => p.reportKey));
  const isPeriodFile = (file: string) => PeriodId.safeParse(file.split(path.sep)[0]).success;
  const clientPages = path.join(cache.entry('client-pages', pagesKey), 'out');
  const sitesEntry = (key: string) => path.join(cache.entry('sites', key), 'out');
  const putPeriod = async (period: AssessedPeriod, key: string) =>
    (written += (await syncFolder(sitesEntry(key), path.join(clientDir, period.period), { records: cache.syncRecords })).written);
  // Cached periods first: a period rendered now reads the earlier ones' reports for its trends.
  const missing: { period: AssessedPeriod; key: string }[] = [];
  for (const [i, period] of periods.entries()) {
    if (existsSync(sitesEntry(keys[i]!))) await putPeriod(period, keys[i]!);
    else missing.push({ period, key: keys[i]! });
  }
  // Without cached client pages, the newest period is rendered again to make them.
  if (missing.length === 0 && periods.length > 0 && !existsSync(clientPages)) missing.push({ period: periods.at(-1)!, key: keys.at(-1)! });
  if (missing.length > 0) await renderIntoCache(cache, clientDir, missing, pagesKey, isPeriodFile);
  // From the cache entries, so each folder gets its quick-check record and the next build need not read it back.
  for (const { period, key } of missing) await putPeriod(period, key);
  if (existsSync(clientPages)) written += (await syncFolder(clientPages, clientDir, { keep: isPeriodFile, records: cache.syncRecords })).written;
  return { periods: missing.length, written, clientPages: (await cache.meta('client-pages', pagesKey))?.figures.pages ?? 0 };
}

/**
 * Renders the missing periods and the client pages with one Astro build (its start-up is most of a
 * small build) over a private copy of the client's portal folder, and stores them in the cache.
 */
async function renderIntoCache(
  cache: Cache,
  clientDir: string,
  missing: { period: AssessedPeriod; key: string }[],
  pagesKey: string,
  isPeriodFile: (file: string) => boolean,
): Promise<void> {
  // Loaded on first use: a build served from the cache never starts Astro.
  const { buildSites } = await import('../portal/build-sites.ts');
  // Astro wants its scratch folder inside the current directory; one per process keeps workers apart.
  const scratch = path.join(process.cwd(), '.proofbook', `site-work-${process.pid}`);
  const staged = path.join(scratch, 'sites', path.basename(clientDir));
  const htmlPages = async (out: string) => ({ pages: (await readdir(out, { recursive: true })).filter((name) => name.endsWith('.html')).length });
  try {
    await rm(scratch, { recursive: true, force: true });
    if (existsSync(clientDir)) await cp(clientDir, staged, { recursive: true });
    const models = await Promise.all(missing.map((m) => loadReport(cache, m.period.reportKey)));
    // The MSP overview spans every client, so it is not a client's output: it stays in the scratch folder.
    await buildSites(models, { outDir: path.dirname(staged), workDir: path.join(scratch, 'astro'), mspDir: path.join(scratch, 'msp') });
    for (const { period, key } of missing) {
      await cache.put('sites', key, async (out) => {
        await cp(path.join(staged, period.period), out, { recursive: true });
        return htmlPages(out);
      });
    }
    await cache.put('client-pages', pagesKey, async (out) => {
      await cp(staged, out, { recursive: true, filter: (source) => !isPeriodFile(path.relative(staged, source)) });
      return htmlPages(out);
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function buildPacketEntry(context: BuildContext, cache: Cache, key: string, report: ReportModel, signing: SigningKey, services: RenderServices): Promise<EntryMeta> {
  // Loaded on first use, like Astro: a build served from the cache never loads the packet renderer.
  const { buildPacket } = await import('../packet/packet.ts');
  const packet = await buildPacket(report, {
    browsers: await services.browsers(),
    tagged: report.client.packetTagged,
    templatesDir: context.templatesDir,
    key: signing,
    signedWithDevelopmentKey: signing.development,
    // With SOURCE_DATE_EPOCH the signature too is reproducible: same inputs, same signed bytes.
    signingTime: context.shared.sourceDateEpoch === null ? undefined : new Date(context.generatedAt),
  });
  return cache.put('packets', key, async (out) => {
    await writeFile(path.join(out, 'packet.pdf'), packet.signed);
    return { pages: packet.pages };
  });
}
