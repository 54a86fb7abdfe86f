import path from 'node:path';
import { build, defaultJobs, StrictFailure, type BuildSummary, type IngestAccount } from '../build/build.ts';
import { parseShard } from '../build/shard.ts';
import { ClientId, PeriodId } from '../model/period.ts';
import { workFolders } from './folders.ts';
import { createProgress } from './progress.ts';
import { packageRoot, toolVersion, type CliIo, type Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook build [options]

Reads data/<client>/<period>/ exports, assesses them, and writes for every client and period:
  <out>/sites/<client>/<period>/     evidence portal (static files; open index.html)
  <out>/packets/<client>/<period>/   signed PDF packet, manifest.json, manifest.sig, signer.pem

Options:
  --data DIR         data drop folder (default: data)
  --out DIR          output folder (default: dist)
  --client ID        build only this client
  --period YYYY-Qn   build only this period (earlier periods are still read for comparison)
  --strict           fail (exit 1, nothing written) when any row is rejected
  --templates DIR    your packet templates, laid over the bundled ones file by file (e.g. only
                     print.css or one partial; see docs/packet.md)
  --work DIR         scratch folder and development key (default: .proofbook)
  --cache DIR        outputs of every stage by content hash (default: <work>/cache);
                     safe to delete, safe to share between CI runs
  --jobs N           clients built at once, one worker process each (default: the cores, here ${defaultJobs()})
  --shard i/n        build only the i-th of n stable subsets of the clients (a CI matrix job);
                     the shards' output folders merge into one without conflict
  --reseal           rebuild and re-sign sealed past periods whose inputs changed
                     (without it such a build fails, naming the changed files)
  -h, --help         this help

Incremental: a stage whose inputs (data files, client.yaml, msp.yaml, raci.csv, templates, site
sources, content/, the tool's version) are unchanged is taken from the cache; files already in
<out> with the same bytes are not rewritten. Past periods sealed in <out> are never rewritten.

Signing: PROOFBOOK_SIGNING_P12 (path to a PKCS#12 file) and PROOFBOOK_SIGNING_PASSWORD. Without
them a self-signed development key is created in <work>/keys and the packet says so.
Reproducible builds: set SOURCE_DATE_EPOCH.
`;

export const runBuild: Command = {
  help,
  allowPositionals: false,
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    client: { type: 'string' },
    period: { type: 'string' },
    strict: { type: 'boolean' },
    templates: { type: 'string' },
    work: { type: 'string' },
    cache: { type: 'string' },
    jobs: { type: 'string' },
    shard: { type: 'string' },
    reseal: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const client = optionValue(values.client, ClientId, '--client');
    const period = optionValue(values.period, PeriodId, '--period');
    const resolve = (value: unknown, fallback: string) => path.resolve(io.cwd, typeof value === 'string' ? value : fallback);
    const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs ${JSON.stringify(values.jobs)}: expected a whole number of at least 1`, 'Give the number of clients to build at once, e.g. --jobs 4.', 2);
    const { workDir, cacheDir } = workFolders(values, io.cwd);
    const started = performance.now();
    try {
      const summary = await build({
        dataDir: resolve(values.data, 'data'),
        outDir: resolve(values.out, 'dist'),
        workDir,
        cacheDir,
        templatesDir: typeof values.templates === 'string' ? path.resolve(io.cwd, values.templates) : path.join(packageRoot, 'templates'),
        client,
        period,
        strict: values.strict === true,
        reseal: values.reseal === true,
        jobs,
        shard: typeof values.shard === 'string' ? parseShard(values.shard) : undefined,
        env: io.env,
        progress: createProgress(io.stderr),
        toolVersion,
      });
      writeIngestReport(io, summary.ingest);
      writeSummary(io, summary, (performance.now() - started) / 1000);
      return summary.failures.length > 0 ? 1 : 0;
    } catch (error) {
      if (!(error instanceof StrictFailure)) throw error;
      writeIngestReport(io, error.ingest);
      io.stderr.write(`proofbook build: ${error.message}\n  hint: fix the rows listed above, or build without --strict to publish the rejections in the ingest report.\n`);
      return 1;
    }
  },
};

function optionValue<T>(value: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: { message: string }[] } } }, name: string): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UserError(`${name} ${JSON.stringify(value)}: ${parsed.error?.issues[0]?.message}`, `Run proofbook build --help for the accepted values.`, 2);
  return parsed.data;
}

/** What was built and reused, rows in and out, time per stage; then each failed client by name. */
function writeSummary(io: CliIo, summary: BuildSummary, totalSeconds: number): void {
  const s = summary.seconds;
  const c = summary.counts;
  const reuse = (what: string, n: { reused: number; built: number }) => `${n.reused}/${n.reused + n.built} ${what}`;
  io.stdout.write(
    `\nBuilt ${summary.built} of ${summary.clients} client(s), ${summary.periods} period(s): ${summary.pages} portal pages, ${summary.packets.length} signed packet(s)` +
      (summary.kept > 0 ? `; ${summary.kept} sealed past period(s) kept as they were` : '') +
      `\nRows: ${summary.rowsRead} read = ${summary.accepted} accepted + ${summary.rejected} rejected\n` +
      `Reused from the cache: ${reuse('reports', c.reports)}, ${reuse('portals', c.sites)}, ${reuse('packets', c.packets)}, ${reuse('seals', c.seals)}; ` +
      `${summary.filesWritten === 0 ? 'no file in the output folder rewritten' : `${summary.filesWritten} file(s) written in the output folder`}\n` +
      `Time: assess ${s.assess.toFixed(1)} s, portal ${s.site.toFixed(1)} s, packets ${s.packet.toFixed(1)} s, seal ${s.seal.toFixed(1)} s (summed over ${summary.jobs} worker(s)), total ${totalSeconds.toFixed(1)} s\n` +
      (summary.developmentKey ? 'Signed with a development key (set PROOFBOOK_SIGNING_P12 to sign for real).\n' : ''),
  );
  for (const { clientId, error } of summary.failures) {
    io.stderr.write(`proofbook build: client ${clientId} FAILED: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  hint: ${error.hint}\n`);
    // A bug, not a user mistake: keep the stack for the report.
    if (error.stack) io.stderr.write(`  internal error — please report it with these lines:\n${error.stack}\n`);
  }
  if (summary.failures.length > 0) {
    io.stderr.write(`proofbook build: ${summary.failures.length} of ${summary.clients} client(s) failed; the others were built, and the failed clients' earlier outputs and the cache are as they were.\n`);
  }
}

/** Per file: rows read = accepted + rejected, then its diagnostics as file:line:column. */
export function writeIngestReport(io: CliIo, ingest: IngestAccount): void {
  io.stdout.write('Ingest:\n');
  for (const file of ingest.files) {
    io.stdout.write(`  ${file.file} [${file.format}]: ${file.rowsRead} read = ${file.accepted} accepted + ${file.rejected} rejected${file.duplicates ? ` (${file.duplicates} duplicates merged)` : ''}\n`);
    const mine = ingest.diagnostics.filter((d) => d.file === file.file);
    for (const d of mine) {
      const place = [d.file, d.line, d.column].filter((x) => x !== null).join(':');
      io.stdout.write(`    ${d.severity} ${place} ${d.rule}: ${d.message}\n      hint: ${d.hint}\n`);
    }
    const all = ingest.omitted[file.file] ?? mine.length;
    if (all > mine.length) io.stdout.write(`    … and ${all - mine.length} more (see the portal's ingest report page)\n`);
  }
}
