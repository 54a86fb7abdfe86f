import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { comparePeriods } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';
import { periodsOnDisk, readHistory } from './history.ts';
import { writeSearchIndexes } from './search-index.ts';
import { reportFileName, summarize, type PeriodSummary } from './summary.ts';
import { clientPageFiles, mspPageFile } from '../site/lib/paths.ts';

export interface BuildSitesOptions {
  /** Where the portal lives, e.g. `dist/sites`; only the built clients' periods and client pages are replaced. */
  outDir: string;
  /**
   * Scratch folder for staged models and Astro's output and caches; emptied first. It must lie inside
   * the current directory: for any other, Astro stages pages in `<cwd>/.astro/`, shared by every build.
   */
  workDir: string;
  /** Where the MSP-internal overview of all clients goes; default `msp` beside `outDir` (`dist/msp`). */
  mspDir?: string;
}

export interface BuildSitesResult {
  /** HTML pages written, the MSP overview included. */
  pages: number;
  /** Every file written below `outDir`, relative to it, `/`-separated, sorted. */
  files: string[];
  /** The MSP overview's folder (absolute); it holds `index.html` and lies outside every client folder. */
  mspDir: string;
}

const configFile = fileURLToPath(new URL('../../astro.config.mjs', import.meta.url));

// Astro reads its inputs from process-wide state (env, NODE_ENV), so one build at a time per process.
let building = false;

/**
 * Renders the evidence portal of the given report models with one Astro build, then moves each
 * client's pages to `outDir/<client>/<period>/` (with the model as `report.json`, which later builds
 * read for trends), its client pages to `outDir/<client>/` (unless `outDir` already holds a later
 * period of that client), indexes each built client's pages on disk for search into
 * `outDir/<client>/pagefind/`, and writes the MSP overview of every client on disk to `mspDir`.
 * Fails before touching `outDir` when Astro emits anything outside a built client's folders.
 */
export async function buildSites(models: ReportModel[], options: BuildSitesOptions): Promise<BuildSitesResult> {
  const workDir = resolve(options.workDir);
  const outDir = resolve(options.outDir);
  const mspDir = resolve(options.mspDir ?? join(dirname(outDir), 'msp'));
  if (mspDir === outDir || mspDir.startsWith(outDir + sep)) {
    throw new Error(`Invalid option mspDir: expected a folder outside outDir (${outDir}), got ${JSON.stringify(options.mspDir)}: the MSP overview must never sit inside the client portals.`);
  }
  return buildOnce(models, outDir, workDir, mspDir);
}

async function buildOnce(models: ReportModel[], outDir: string, workDir: string, mspDir: string): Promise<BuildSitesResult> {
  const built = periodsByClient(models);
  if (built.size === 0) return { pages: 0, files: [], mspDir };

  const astroOut = await renderWithAstro(models, [...models.map(summarize), ...(await readHistory(outDir, built))], workDir, relative(mspDir, outDir));
  const pages = await listFiles(astroOut);
  const strays = pages.filter((file) => file !== mspPageFile && !belongsToBuiltClient(file, built));
  if (strays.length > 0) {
    throw new Error(
      `The portal build emitted files outside the client folders it built, which would leak across clients: ${strays.join(', ')}. ` +
        'Inline every asset (no bundled client scripts, no public/ files) so each page stands alone.',
    );
  }
  for (const model of models) {
    await writeFile(join(astroOut, model.client.id, model.period.id, reportFileName), JSON.stringify(model));
  }

  const written: string[] = [];
  for (const [client, periods] of built) {
    for (const period of periods) {
      const target = join(outDir, client, period);
      await rm(target, { recursive: true, force: true });
      await cp(join(astroOut, client, period), target, { recursive: true });
      written.push(...(await listFiles(target)).map((file) => `${client}/${period}/${file}`));
    }
    // Rebuilding an older period leaves the client pages of a later one, which list more periods.
    const newest = [...periods].sort(comparePeriods).at(-1)!;
    if ((await periodsOnDisk(join(outDir, client))).some((period) => comparePeriods(period, newest) > 0)) continue;
    // Last, so the client index never lists a period whose pages are not in place yet.
    for (const file of clientPageFiles) {
      await cp(join(astroOut, client, file), join(outDir, client, file));
      written.push(`${client}/${file}`);
    }
  }
  written.push(...(await writeSearchIndexes(outDir, built.keys())));

  await rm(mspDir, { recursive: true, force: true });
  await mkdir(mspDir, { recursive: true });
  await cp(join(astroOut, mspPageFile), join(mspDir, 'index.html'));

  const files = written.sort();
  return { pages: files.filter((file) => file.endsWith('.html')).length + 1, files, mspDir };
}

/**
 * Only the MSP overview, from the latest period of every client already in `sitesDir`, written to
 * `file`: one Astro build that renders no client page (it stages no report model), so a change to
 * one client does not re-render every other client's portal just to refresh one table. `sitesHref`
 * is where the client portals are, seen from the page's final folder. False when no client in
 * `sitesDir` has a readable period.
 */
export async function buildMspOverview(options: { sitesDir: string; file: string; sitesHref: string; workDir: string }): Promise<boolean> {
  const summaries = await readHistory(resolve(options.sitesDir), new Map());
  if (summaries.length === 0) return false;
  const astroOut = await renderWithAstro([], summaries, resolve(options.workDir), options.sitesHref);
  const emitted = await listFiles(astroOut);
  if (emitted.join() !== mspPageFile) throw new Error(`The MSP overview's build emitted more than its page: ${emitted.join(', ')}`);
  await mkdir(dirname(options.file), { recursive: true });
  await cp(join(astroOut, mspPageFile), options.file);
  return true;
}

/**
 * Stages the report models (one set of period pages each) and the summaries (trends, comparisons,
 * the MSP overview) for the site's content collections, and runs one Astro build over them. Returns
 * Astro's output folder. `sitesHref` is where the client portals are, seen from the MSP overview.
 */
async function renderWithAstro(models: ReportModel[], summaries: PeriodSummary[], workDir: string, sitesHref: string): Promise<string> {
  if (!workDir.startsWith(process.cwd() + sep)) {
    throw new Error(`Invalid option workDir: expected a folder inside the current directory (${process.cwd()}), got ${JSON.stringify(workDir)}.`);
  }
  if (building) {
    throw new Error('The portal build is already running in this process: await the previous call, or build in a worker thread.');
  }
  building = true;
  const stage = join(workDir, 'models');
  const astroOut = join(workDir, 'out');
  try {
    await rm(workDir, { recursive: true, force: true });
    await mkdir(join(stage, 'reports'), { recursive: true });
    await mkdir(join(stage, 'summaries'), { recursive: true });
    for (const model of models) await writeFile(join(stage, 'reports', `${model.client.id}.${model.period.id}.json`), JSON.stringify(model));
    for (const summary of summaries) await writeFile(join(stage, 'summaries', `${summary.client.id}.${summary.period.id}.json`), JSON.stringify(summary));
    await withEnv(
      // NODE_ENV as the astro CLI sets it, whatever the caller's (vitest sets `test`).
      {
        PROOFBOOK_MODELS_DIR: stage,
        // The MSP overview links to each client's portal relative to its own folder.
        PROOFBOOK_SITES_HREF: sitesHref.split(sep).join('/'),
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      () =>
        build({
          // Astro resolves the config file against the root.
          configFile: relative(workDir, configFile),
          // The scratch folder as root keeps Astro's `.astro/` state per build, so builds in other
          // processes (CI shards, test files) never share it.
          root: workDir,
          outDir: astroOut,
          cacheDir: join(workDir, 'cache'),
          // Astro warns that an empty `reports` collection may be a mistake: for the MSP overview alone it is the intent.
          logLevel: models.length === 0 ? 'error' : 'warn',
          force: true,
        }),
    );
  } finally {
    building = false;
  }
  return astroOut;
}

function periodsByClient(models: ReportModel[]): Map<string, Set<string>> {
  const built = new Map<string, Set<string>>();
  for (const model of models) {
    const periods = built.get(model.client.id) ?? new Set<string>();
    if (periods.has(model.period.id)) {
      throw new Error(`Two report models for client "${model.client.id}" and period ${model.period.id}: pass one model per client and period.`);
    }
    built.set(model.client.id, periods.add(model.period.id));
  }
  return built;
}

/** A client page (`<client>/index.html`…) or `<client>/<period>/…` of a client and period built now. */
function belongsToBuiltClient(file: string, built: Map<string, Set<string>>): boolean {
  const [client, second, ...rest] = file.split('/');
  const periods = built.get(client!);
  if (!periods) return false;
  return rest.length === 0 ? (clientPageFiles as readonly string[]).includes(second!) : periods.has(second!);
}

/** Every file below `dir`, relative and `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
