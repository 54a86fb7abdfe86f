import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../cli/user-error.ts';
import type { PeriodId } from '../model/period.ts';
import type { ReportModel } from '../model/report.ts';
import { openCache, type Cache } from './cache.ts';
import { diagnosticsPerFile, noSeconds, timed, type BuildContext, type IngestAccount, type StageSeconds } from './context.ts';
import type { FileDigest } from './digest.ts';
import { clientInputs, periodInputs, toolRoot } from './inputs.ts';
import { loadPolicy } from './policy.ts';
import { prepareClient, reportOfPeriod } from './report-periods.ts';
import { reportKeys } from './keys.ts';
import { changedInputs, readSealed } from './sealed.ts';

export interface AssessedPeriod {
  period: PeriodId;
  reportKey: string;
  /** Taken from the cache rather than ingested and assessed now. */
  reused: boolean;
  /** Selected by --period (or every period without it). */
  selected: boolean;
  /** A sealed past period whose inputs are unchanged: its outputs stay exactly as they are. */
  kept: boolean;
  account: IngestAccount;
}

export interface AssessedClient {
  clientId: string;
  /** Every period up to the selected one, oldest first: each needs the one before it. */
  periods: AssessedPeriod[];
  seconds: StageSeconds;
}

/**
 * Phase one of a client's build: checks which sealed past periods may be kept, then ingests and
 * assesses every period whose report is not cached, in order (each compares with the previous one),
 * and stores each report model in the cache for the render phase.
 */
export async function assessClient(context: BuildContext, clientId: string): Promise<AssessedClient> {
  const seconds = noSeconds();
  const cache = openCache(context.cacheDir);
  const periods = await timed(seconds, 'assess', async () => {
    const policy = await loadPolicy(path.join(toolRoot, 'content'));
    // Read (documents rendered, RACI checked) only when a period must be assessed: a build served from the cache skips it.
    let prepared: ReturnType<typeof prepareClient> | undefined;
    const client = await clientInputs(context.dataDir, clientId);
    const wanted = client.periods.filter((period) => !context.period || period <= context.period);
    const inputs = await Promise.all(wanted.map((period) => periodInputs(context.dataDir, clientId, period)));
    const keys = reportKeys(context.shared, client, inputs);
    const clientFiles: FileDigest[] = [
      { path: 'msp.yaml', sha256: context.shared.msp },
      { path: `${clientId}/client.yaml`, sha256: client.clientYaml },
      ...(client.raci ? [{ path: `${clientId}/raci.csv`, sha256: client.raci }] : []),
      ...client.documents,
    ];
    const kept = await keptPeriods(context, clientId, client.periods.at(-1)!, inputs.map((p) => ({ period: p.period, files: [...clientFiles, ...p.files] })));

    const assessed: AssessedPeriod[] = [];
    let previous: ReportModel | null = null;
    for (const [i, period] of wanted.entries()) {
      const key = keys[i]!;
      const reused = (await cache.meta('reports', key)) !== null;
      if (!reused) {
        previous ??= i > 0 ? await loadReport(cache, keys[i - 1]!) : null;
        previous = await reportOfPeriod(context.dataDir, await (prepared ??= prepareClient(context.dataDir, clientId, policy)), {
          msp: context.msp, policy, period, periods: client.periods, previous, generatedAt: context.generatedAt, toolVersion: context.toolVersion,
        });
        await storeReport(cache, key, previous);
      } else {
        // The next period, if it must be assessed, loads this one from the cache.
        previous = null;
      }
      const account = JSON.parse(await readFile(path.join(cache.entry('reports', key), 'out', 'account.json'), 'utf8')) as IngestAccount;
      assessed.push({ period, reportKey: key, reused, selected: !context.period || period === context.period, kept: kept.has(period), account });
    }
    return assessed;
  });
  return { clientId, periods, seconds };
}

/**
 * Past periods — sealed in the output folder, older than the client's newest period — are never
 * rewritten: kept when their inputs are unchanged, refused when they changed unless --reseal, which
 * rebuilds that period and, since their manifests chain to it, every later one.
 */
async function keptPeriods(context: BuildContext, clientId: string, newest: PeriodId, inputs: { period: PeriodId; files: FileDigest[] }[]): Promise<Set<PeriodId>> {
  const kept = new Set<PeriodId>();
  for (const { period, files } of inputs) {
    const sealed = period === newest ? null : await readSealed(context.outDir, clientId, period);
    if (!sealed) return kept;
    const changed = changedInputs(sealed.manifest, files);
    if (changed.length > 0) {
      if (context.reseal) return kept;
      throw new UserError(
        `${clientId} ${period} is sealed and its inputs changed since: ${changed.join(', ')}`,
        `A sealed past period is a record already handed over, so it is not rebuilt silently. Restore the original files, or pass --reseal to rebuild and re-sign ${period} and every later period of ${clientId}.`,
      );
    }
    kept.add(period);
  }
  return kept;
}

export async function loadReport(cache: Cache, key: string): Promise<ReportModel> {
  return JSON.parse(await readFile(path.join(cache.entry('reports', key), 'out', 'report.json'), 'utf8')) as ReportModel;
}

async function storeReport(cache: Cache, key: string, report: ReportModel): Promise<void> {
  await cache.put('reports', key, async (out) => {
    await writeFile(path.join(out, 'report.json'), JSON.stringify(report));
    await writeFile(path.join(out, 'account.json'), JSON.stringify(accountOf(report)));
    return { ...report.ingest.totals };
  });
}

function accountOf(report: ReportModel): IngestAccount {
  const account: IngestAccount = { files: report.ingest.files, diagnostics: [], omitted: {} };
  const perFile = new Map<string, number>();
  for (const d of report.ingest.diagnostics) {
    const seen = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, seen);
    if (seen <= diagnosticsPerFile) account.diagnostics.push(d);
    else account.omitted[d.file] = seen;
  }
  return account;
}
