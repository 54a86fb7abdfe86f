import { pruneCache } from '../build/cache.ts';
import { workFolders } from './folders.ts';
import type { Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook cache [options]

Shows the build cache per stage (entries and size). With --prune DAYS, first removes every entry
no build has used for more than DAYS days, the half-written entries of killed builds and caches of
an older layout. Run it before saving the cache as a CI artifact, so the artifact holds what recent
builds used and stays bounded; anything removed only costs a rebuild of that stage.

Options:
  --prune DAYS       remove entries unused for more than DAYS days (0: every entry not used
                     since now, i.e. empty the cache)
  --work DIR         scratch folder (default: .proofbook)
  --cache DIR        build cache (default: <work>/cache)
  -h, --help         this help
`;

export const runCache: Command = {
  help,
  allowPositionals: false,
  options: { prune: { type: 'string' }, work: { type: 'string' }, cache: { type: 'string' } },
  async run(values, _positionals, io) {
    const { cacheDir } = workFolders(values, io.cwd);
    const days = values.prune === undefined ? undefined : Number(values.prune);
    if (days !== undefined && !(Number.isFinite(days) && days >= 0)) {
      throw new UserError(`--prune ${JSON.stringify(values.prune)}: expected a number of days, 0 or more`, 'Example: proofbook cache --prune 30', 2);
    }
    const usage = await pruneCache(cacheDir, { unusedForDays: days });
    const size = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    io.stdout.write(`Cache ${cacheDir}\n`);
    for (const row of usage) {
      io.stdout.write(`  ${row.stage.padEnd(13)} ${String(row.entries).padStart(6)} entries ${size(row.bytes).padStart(12)}${days === undefined ? '' : `   removed ${row.removed} (${size(row.removedBytes)})`}\n`);
    }
    const total = (pick: (row: (typeof usage)[number]) => number) => usage.reduce((n, row) => n + pick(row), 0);
    io.stdout.write(`  ${'total'.padEnd(13)} ${String(total((r) => r.entries)).padStart(6)} entries ${size(total((r) => r.bytes)).padStart(12)}${days === undefined ? '' : `   removed ${total((r) => r.removed)} (${size(total((r) => r.removedBytes))})`}\n`);
    return 0;
  },
};
