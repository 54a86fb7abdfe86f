import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { UserError } from '../cli/user-error.ts';
import type { Progress } from '../cli/progress.ts';
import { listClients, readClient, readMsp, sha256File } from '../ingest/drop.ts';
import type { PeriodId } from '../model/period.ts';
import { resolveSigningKey } from '../seal/keys.ts';
import { sha256 } from '../seal/manifest.ts';
import type { AssessedClient } from './assess-client.ts';
import { mergeAccounts, noSeconds, type BuildContext, type IngestAccount, type StageSeconds } from './context.ts';
import { writeMspOverview } from './msp-overview.ts';
import { codeVersion, toolDigests } from './inputs.ts';
import { createPool, TaskFailure, type TaskError } from './pool.ts';
import type { RenderedClient, StageCounts } from './render-client.ts';
import { inShard, type Shard } from './shard.ts';
import type { Printers } from '../packet/browser.ts';
import { browserRequest, type StageEvent, type WorkerTask } from './worker.ts';

export type { IngestAccount } from './context.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Scratch space and the development key live here (default .proofbook). */
  workDir: string;
  /** Stage outputs by content hash (default <work>/cache); safe to delete, safe to share between CI runs. */
  cacheDir: string;
  /** Handlebars packet templates and print CSS; a copy of the bundled ones can be customised. */
  templatesDir: string;
  client?: string;
  period?: PeriodId;
  strict: boolean;
  /** Rebuild and re-sign sealed past periods whose inputs changed, instead of refusing. */
  reseal: boolean;
  /** Clients built at once, each in its own worker process. */
  jobs: number;
  shard?: Shard;
  env: NodeJS.ProcessEnv;
  progress: Progress;
  toolVersion: string;
}

/** A client whose build failed: its outputs and cache entries are left as they were. */
export interface ClientFailure {
  clientId: string;
  error: TaskError;
}

export interface BuildSummary {
  /** Clients selected (after --client and --shard), and those built without failure. */
  clients: number;
  built: number;
  periods: number;
  /** Sealed past periods left exactly as they were. */
  kept: number;
  pages: number;
  packets: string[];
  rowsRead: number;
  accepted: number;
  rejected: number;
  ingest: IngestAccount;
  developmentKey: boolean;
  /** Per stage, summed over the workers (so above the wall time when they run in parallel). */
  seconds: StageSeconds;
  counts: StageCounts & { reports: { reused: number; built: number } };
  filesWritten: number;
  jobs: number;
  failures: ClientFailure[];
}

/** Thrown when --strict finds rejected rows: the build writes nothing. */
export class StrictFailure extends Error {
  readonly ingest: IngestAccount;
  constructor(message: string, ingest: IngestAccount) {
    super(message);
    this.ingest = ingest;
  }
}

const workerModule = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * The whole build, client by client in worker processes (--jobs at a time): phase one ingests and
 * assesses every client, phase two renders portals, packets and seals. Both take each stage's output
 * from the cache when its inputs are unchanged. A failing client is reported and skipped; the others
 * are built.
 */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const { dataDir, progress } = options;
  const generatedAt = buildTime(options.env);
  const msp = await readMsp(dataDir);
  // A single named client is checked here, so a mistake in its name or client.yaml is one message.
  if (options.client) await readClient(dataDir, options.client);
  const clientIds = (options.client ? [options.client] : await listClients(dataDir)).filter((id) => !options.shard || inShard(id, options.shard));
  if (clientIds.length === 0 && !options.shard) throw new UserError(`no client folders in ${dataDir}`, 'Each client is a folder under the data folder holding a client.yaml.');

  const env = { ...process.env, ...options.env };
  const key = await resolveSigningKey(env, path.join(options.workDir, 'keys'));
  const context: BuildContext = {
    dataDir,
    outDir: options.outDir,
    cacheDir: options.cacheDir,
    templatesDir: options.templatesDir,
    keysDir: path.join(options.workDir, 'keys'),
    msp,
    shared: {
      version: await codeVersion(options.toolVersion),
      ...(await toolDigests(options.templatesDir)),
      msp: await sha256File(path.join(dataDir, 'msp.yaml')),
      sourceDateEpoch: options.env.SOURCE_DATE_EPOCH || null,
      signer: sha256(key.certificatePem),
    },
    generatedAt,
    toolVersion: options.toolVersion,
    period: options.period,
    reseal: options.reseal,
  };

  let printers: Promise<Printers> | undefined;
  const jobs = Math.max(1, Math.min(options.jobs, clientIds.length));
  const pool = createPool<WorkerTask, unknown>({
    size: jobs,
    module: workerModule,
    env,
    async serve(request) {
      if (request !== browserRequest) throw new Error(`unknown worker request ${JSON.stringify(request)}`);
      printers ??= import('../packet/browser.ts').then(({ launchPrinters }) => launchPrinters(jobs));
      return (await printers).perPacket.map((browser) => browser.wsEndpoint());
    },
  });
  const failures: ClientFailure[] = [];
  const onEvent = (event: unknown) => {
    const { clientId, stage, detail } = event as StageEvent;
    progress.step(`${clientId}: ${stage} ${detail}`);
  };
  const runAll = async <R>(label: string, tasks: { clientId: string; task: WorkerTask }[]): Promise<R[]> => {
    progress.start(tasks.length, label);
    const settled = await Promise.all(
      tasks.map(({ clientId, task }) =>
        pool.run(task, onEvent).then(
          (result) => {
            progress.advance(clientId);
            return result as R;
          },
          (error: unknown) => {
            if (!(error instanceof TaskFailure)) throw error;
            failures.push({ clientId, error: error.error });
            progress.advance(`${clientId}: FAILED`);
            return null;
          },
        ),
      ),
    );
    progress.stop();
    return settled.filter((r): r is Awaited<R> => r !== null);
  };

  try {
    const assessed = await runAll<AssessedClient>(
      'clients assessed',
      clientIds.map((clientId) => ({ clientId, task: { phase: 'assess', context, clientId } })),
    );
    const selected = assessed.flatMap((c) => c.periods.filter((p) => p.selected));
    if (options.period && selected.length === 0 && failures.length === 0) {
      throw new UserError(`no client has data for period ${options.period}`, 'Check the folder names under data/<client>/ (YYYY-Qn).');
    }
    const ingest = mergeAccounts(selected.map((p) => p.account));
    const rejectedBy = assessed.filter((c) => c.periods.some((p) => p.selected && p.account.files.some((f) => f.rejected > 0))).map((c) => c.clientId);
    if (options.strict && rejectedBy.length > 0) {
      const rejected = ingest.files.reduce((n, f) => n + f.rejected, 0);
      throw new StrictFailure(`--strict: ${rejected} rows were rejected (${rejectedBy.join(', ')}); nothing was built`, ingest);
    }
    const rendered = await runAll<RenderedClient>(
      'clients built',
      assessed.map((client) => ({ clientId: client.clientId, task: { phase: 'render', context, assessed: client } })),
    );
    // A shard sees only its own clients; the portfolio page is for a build that sees them all.
    if (!options.shard) await writeMspOverview({ outDir: options.outDir, cacheDir: options.cacheDir, shared: context.shared });
    return summarise({ clients: clientIds.length, assessed, rendered, ingest, failures, developmentKey: key.development, jobs });
  } finally {
    await pool.close();
    if (printers) await Promise.all((await printers).browsers.map((browser) => browser.close()));
  }
}

function summarise(parts: {
  clients: number;
  assessed: AssessedClient[];
  rendered: RenderedClient[];
  ingest: IngestAccount;
  failures: ClientFailure[];
  developmentKey: boolean;
  jobs: number;
}): BuildSummary {
  const { assessed, rendered, ingest } = parts;
  const seconds = noSeconds();
  for (const part of [...assessed, ...rendered]) for (const stage of Object.keys(seconds) as (keyof StageSeconds)[]) seconds[stage] += part.seconds[stage];
  const reports = assessed.flatMap((c) => c.periods);
  const counts: BuildSummary['counts'] = {
    reports: { reused: reports.filter((p) => p.reused).length, built: reports.filter((p) => !p.reused).length },
    sites: { reused: 0, built: 0 },
    packets: { reused: 0, built: 0 },
    seals: { reused: 0, built: 0 },
  };
  for (const client of rendered) {
    for (const stage of ['sites', 'packets', 'seals'] as const) {
      counts[stage].reused += client.counts[stage].reused;
      counts[stage].built += client.counts[stage].built;
    }
  }
  const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);
  return {
    clients: parts.clients,
    built: rendered.length,
    periods: sum(rendered.map((c) => c.periods)),
    kept: sum(rendered.map((c) => c.kept)),
    pages: sum(rendered.map((c) => c.pages)),
    packets: rendered.flatMap((c) => c.packets),
    rowsRead: sum(ingest.files.map((f) => f.rowsRead)),
    accepted: sum(ingest.files.map((f) => f.accepted)),
    rejected: sum(ingest.files.map((f) => f.rejected)),
    ingest,
    developmentKey: parts.developmentKey,
    seconds,
    counts,
    filesWritten: sum(rendered.map((c) => c.filesWritten)),
    jobs: parts.jobs,
    failures: parts.failures,
  };
}

/** The default for --jobs: the cores this process may use. */
export const defaultJobs = (): number => availableParallelism();

/** SOURCE_DATE_EPOCH (seconds) makes the build date, and so the outputs, reproducible. */
export function buildTime(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) throw new UserError(`SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds`, 'Set it to a Unix time, e.g. $(git log -1 --format=%ct), or unset it.');
  return new Date(Number(epoch) * 1000).toISOString();
}
