import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { comparePeriods, PeriodId } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';

export interface BuildSitesOptions {
  /** Where the portal lives, e.g. `dist/sites`; only the built clients' periods and indexes are replaced. */
  outDir: string;
  /**
   * Scratch folder for staged models and Astro's output and caches; emptied first. It must lie inside
   * the current directory: for any other, Astro stages pages in `<cwd>/.astro/`, shared by every build.
   */
  workDir: string;
}

export interface BuildSitesResult {
  /** HTML pages written. */
  pages: number;
  /** Every file written, relative to `outDir`, `/`-separated, sorted. */
  files: string[];
}

const configFile = fileURLToPath(new URL('../../astro.config.mjs', import.meta.url));

// Astro reads its inputs from process-wide state (env, NODE_ENV), so one build at a time per process.
let building = false;

/**
 * Renders the evidence portal of the given report models with one Astro build, then moves each
 * client's pages to `outDir/<client>/<period>/` and its period list to `outDir/<client>/index.html`
 * (unless `outDir` already holds a later period of that client, whose index lists more).
 * Fails before touching `outDir` when Astro emits anything outside a built client's folders.
 */
export async function buildSites(models: ReportModel[], options: BuildSitesOptions): Promise<BuildSitesResult> {
  if (building) {
    throw new Error('buildSites is already running in this process: await the previous call, or build in a worker thread.');
  }
  const workDir = resolve(options.workDir);
  if (!workDir.startsWith(process.cwd() + sep)) {
    throw new Error(`Invalid option workDir: expected a folder inside the current directory (${process.cwd()}), got ${JSON.stringify(options.workDir)}.`);
  }
  building = true;
  try {
    return await buildOnce(models, resolve(options.outDir), workDir);
  } finally {
    building = false;
  }
}

async function buildOnce(models: ReportModel[], outDir: string, workDir: string): Promise<BuildSitesResult> {
  const built = periodsByClient(models);
  if (built.size === 0) return { pages: 0, files: [] };

  const modelsDir = join(workDir, 'models');
  const astroOut = join(workDir, 'out');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(modelsDir, { recursive: true });
  for (const model of models) {
    await writeFile(join(modelsDir, `${model.client.id}.${model.period.id}.json`), JSON.stringify(model));
  }

  await withEnv(
    // NODE_ENV as the astro CLI sets it, whatever the caller's (vitest sets `test`).
    { PROOFBOOK_MODELS_DIR: modelsDir, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    () =>
      build({
        // Astro resolves the config file against the root.
        configFile: relative(workDir, configFile),
        // The scratch folder as root keeps Astro's `.astro/` state per build, so builds in other
        // processes (CI shards, test files) never share it.
        root: workDir,
        outDir: astroOut,
        cacheDir: join(workDir, 'cache'),
        logLevel: 'warn',
        force: true,
      }),
  );

  const files = await listFiles(astroOut);
  const strays = files.filter((file) => !belongsToBuiltPeriod(file, built));
  if (strays.length > 0) {
    throw new Error(
      `The portal build emitted files outside the client folders it built, which would leak across clients: ${strays.join(', ')}. ` +
        'Inline every asset (no client scripts, no public/ files) so each page stands alone.',
    );
  }

  const keptIndexes = new Set<string>();
  for (const [client, periods] of built) {
    for (const period of periods) {
      const target = join(outDir, client, period);
      await rm(target, { recursive: true, force: true });
      await cp(join(astroOut, client, period), target, { recursive: true });
    }
    // Rebuilding an older period leaves the index of a later one, which lists more periods.
    const newest = [...periods].sort(comparePeriods).at(-1)!;
    if ((await periodsOnDisk(join(outDir, client))).some((period) => comparePeriods(period, newest) > 0)) {
      keptIndexes.add(`${client}/index.html`);
      continue;
    }
    // Last, so the index never lists a period whose pages are not in place yet.
    await cp(join(astroOut, client, 'index.html'), join(outDir, client, 'index.html'));
  }
  const written = files.filter((file) => !keptIndexes.has(file));
  return { pages: written.filter((file) => file.endsWith('.html')).length, files: written };
}

async function periodsOnDisk(clientDir: string): Promise<string[]> {
  const entries = await readdir(clientDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isDirectory() && PeriodId.safeParse(entry.name).success).map((entry) => entry.name);
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

/** `<client>/index.html` or `<client>/<period>/…` of a client and period built now. */
function belongsToBuiltPeriod(file: string, built: Map<string, Set<string>>): boolean {
  const [client, second, ...rest] = file.split('/');
  const periods = built.get(client!);
  if (!periods) return false;
  return rest.length === 0 ? second === 'index.html' : periods.has(second!);
}

async function listFiles(dir: string): Promise<string[]> {
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
