import path from 'node:path';
import { codeVersion, toolDigests } from '../build/inputs.ts';
import { writeMspOverview } from '../build/msp-overview.ts';
import { workFolders } from './folders.ts';
import { packageRoot, toolVersion, type Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook overview [options]

Writes the MSP-internal overview of every client (<out>/msp/) from each client's latest report in
<out>/sites/. An unsharded build writes it by itself; after a sharded build, merge the shards'
output folders into one and run this once over it (no data drop needed).

Options:
  --out DIR          the merged output folder (default: dist)
  --work DIR         scratch folder (default: .proofbook)
  --cache DIR        build cache (default: <work>/cache)
  -h, --help         this help
`;

export const runOverview: Command = {
  help,
  allowPositionals: false,
  options: { out: { type: 'string' }, work: { type: 'string' }, cache: { type: 'string' } },
  async run(values, _positionals, io) {
    const outDir = path.resolve(io.cwd, typeof values.out === 'string' ? values.out : 'dist');
    const { cacheDir } = workFolders(values, io.cwd);
    const shared = { version: await codeVersion(toolVersion), site: (await toolDigests(path.join(packageRoot, 'templates'))).site };
    const written = await writeMspOverview({ outDir, cacheDir, shared });
    if (written === null) throw new UserError(`no client report under ${path.join(outDir, 'sites')}`, 'Merge the shards\' output folders first (each holds sites/<client>/<period>/report.json), then run proofbook overview --out <merged folder>.');
    io.stdout.write(`MSP overview of ${written.clients} client(s) in ${path.join(outDir, 'msp')}: ${written.files === 0 ? 'unchanged' : `${written.files} file(s) written`}\n`);
    return 0;
  },
};
