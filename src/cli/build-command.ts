import path from 'node:path';
import { build, StrictFailure, type IngestAccount } from '../build/build.ts';
import { ClientId, PeriodId } from '../model/period.ts';
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
  --templates DIR    packet templates (default: the bundled templates/)
  --work DIR         scratch folder and development key (default: .proofbook)
  -h, --help         this help

Signing: PROOFBOOK_SIGNING_P12 (path to a PKCS#12 file) and PROOFBOOK_SIGNING_PASSWORD. Without
them a self-signed development key is created in <work>/keys and the packet says so.
Reproducible builds: set SOURCE_DATE_EPOCH.
`;

const maxDiagnosticsPerFile = 10;

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
  },
  async run(values, _positionals, io) {
    const client = optionValue(values.client, ClientId, '--client');
    const period = optionValue(values.period, PeriodId, '--period');
    const resolve = (value: unknown, fallback: string) => path.resolve(io.cwd, typeof value === 'string' ? value : fallback);
    const started = performance.now();
    try {
      const summary = await build({
        dataDir: resolve(values.data, 'data'),
        outDir: resolve(values.out, 'dist'),
        workDir: resolve(values.work, '.proofbook'),
        templatesDir: typeof values.templates === 'string' ? path.resolve(io.cwd, values.templates) : path.join(packageRoot, 'templates'),
        client,
        period,
        strict: values.strict === true,
        env: io.env,
        progress: createProgress(io.stderr),
        toolVersion,
      });
      writeIngestReport(io, summary.ingest);
      const s = summary.seconds;
      io.stdout.write(
        `\nBuilt ${summary.clients} client(s), ${summary.periods} period(s): ${summary.pages} portal pages, ${summary.packets.length} signed packet(s)\n` +
          `Rows: ${summary.rowsRead} read = ${summary.accepted} accepted + ${summary.rejected} rejected\n` +
          `Time: assess ${s.assess.toFixed(1)} s, portal ${s.site.toFixed(1)} s, packets ${s.packet.toFixed(1)} s, seal ${s.seal.toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
          (summary.developmentKey ? 'Signed with a development key (set PROOFBOOK_SIGNING_P12 to sign for real).\n' : ''),
      );
      return 0;
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

/** Per file: rows read = accepted + rejected, then its diagnostics as file:line:column. */
export function writeIngestReport(io: CliIo, ingest: IngestAccount): void {
  io.stdout.write('Ingest:\n');
  for (const file of ingest.files) {
    io.stdout.write(`  ${file.file} [${file.format}]: ${file.rowsRead} read = ${file.accepted} accepted + ${file.rejected} rejected${file.duplicates ? ` (${file.duplicates} duplicates merged)` : ''}\n`);
    const mine = ingest.diagnostics.filter((d) => d.file === file.file);
    for (const d of mine.slice(0, maxDiagnosticsPerFile)) {
      const place = [d.file, d.line, d.column].filter((x) => x !== null).join(':');
      io.stdout.write(`    ${d.severity} ${place} ${d.rule}: ${d.message}\n      hint: ${d.hint}\n`);
    }
    if (mine.length > maxDiagnosticsPerFile) io.stdout.write(`    … and ${mine.length - maxDiagnosticsPerFile} more (see the portal's ingest report page)\n`);
  }
}
