import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { generatedDrop } from './support.ts';

/**
 * Incremental, sharded and failing builds on a small generated MSP (two clients × two quarters):
 * one full build, then rebuilds against its cache and output, checked file by file.
 */
const { root, data } = generatedDrop('incremental');
const out = path.join(root, 'dist');
const work = path.join(root, 'work');
const periods = ['2026-Q2', '2026-Q3'];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as NodeJS.WriteStream,
    env: { SOURCE_DATE_EPOCH: '1790000000', ...env },
    cwd: root,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const build = (args: string[], env?: NodeJS.ProcessEnv) => cli(['build', '--data', data, '--work', work, '--jobs', '2', ...args], env);

/** Every file under `folder`: its bytes' digest and its mtime. */
function snapshot(folder: string): Map<string, { sha256: string; mtimeMs: number }> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(folder, file), { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), mtimeMs: statSync(file).mtimeMs }];
    }),
  );
}

const digests = (snap: ReturnType<typeof snapshot>) => new Map([...snap].map(([file, { sha256 }]) => [file, sha256]));
const reuseLine = (stdout: string) => /Reused from the cache: (.*)/.exec(stdout)?.[1];

let first: Awaited<ReturnType<typeof cli>>;

beforeAll(async () => {
  first = await build(['--out', out]);
});

describe('incremental builds', () => {
  it('builds every client and period on the first run, reusing nothing', () => {
    expect(first.stderr).not.toMatch(/FAILED|internal error/);
    expect(first.code).toBe(0);
    expect(reuseLine(first.stdout)).toMatch(/^0\/4 reports, 0\/4 portals, 0\/4 packets, 0\/4 seals; \d+ file\(s\) written in the output folder$/);
  });

  it('rebuilds with nothing changed by reusing everything and rewriting no file (bytes and mtimes)', async () => {
    const before = snapshot(out);
    const again = await build(['--out', out]);
    expect(again.code).toBe(0);
    // The sealed 2026-Q2 of each client is a past period: kept as it is, not even compared.
    expect(again.stdout).toContain('2 sealed past period(s) kept as they were');
    expect(reuseLine(again.stdout)).toBe('4/4 reports, 2/2 portals, 2/2 packets, 2/2 seals; no file in the output folder rewritten');
    expect(snapshot(out)).toEqual(before);
  });

  it("rebuilds after one client's file changed: that client's period only, nothing of the other client", async () => {
    const before = snapshot(out);
    appendFileSync(path.join(data, 'ledger-cpa', '2026-Q3', 'tickets.csv'), 'EDIT-1,edited ticket,P3,2026-08-01 10:00,2026-08-01 11:00,2026-08-02 10:00,msp,alex\n');
    const again = await build(['--out', out]);
    expect(again.code).toBe(0);
    expect(reuseLine(again.stdout)).toMatch(/^3\/4 reports, 1\/2 portals, 1\/2 packets, 1\/2 seals; \d+ file\(s\) written/);
    const after = snapshot(out);
    const rewritten = [...after.keys()].filter((file) => after.get(file)!.mtimeMs !== before.get(file)?.mtimeMs);
    expect(rewritten.length).toBeGreaterThan(0);
    // The changed period, and the client's pages that span its periods (index, search index).
    expect(rewritten.filter((file) => !file.includes(`${path.sep}ledger-cpa${path.sep}`) || file.includes(`${path.sep}2026-Q2${path.sep}`))).toEqual([]);
    expect(rewritten).toContain(path.join('packets', 'ledger-cpa', '2026-Q3', 'ledger-cpa-2026-Q3-packet.pdf'));
    expect((await cli(['verify', out])).code).toBe(0);
  });

  it('refuses to rewrite a sealed past period whose input changed, naming it, and reseals it with --reseal', async () => {
    const file = path.join(data, 'ledger-cpa', '2026-Q2', 'findings-external.csv');
    const original = readFileSync(file);
    appendFileSync(file, 'attack-surface,EDIT-2,www.ledger.example,443,tcp,low,Edited finding,2026-05-01T00:00:00Z,2026-06-20T00:00:00Z,open,,\n');
    const before = snapshot(out);
    const refused = await build(['--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('client ledger-cpa FAILED: ledger-cpa 2026-Q2 is sealed and its inputs changed since: ledger-cpa/2026-Q2/findings-external.csv (changed)');
    expect(refused.stderr).toMatch(/hint: .*--reseal/);
    expect(snapshot(out)).toEqual(before);

    const resealed = await build(['--out', out, '--reseal']);
    expect(resealed.code).toBe(0);
    const after = snapshot(out);
    expect(after.get(path.join('packets', 'ledger-cpa', '2026-Q2', 'manifest.json'))).not.toEqual(before.get(path.join('packets', 'ledger-cpa', '2026-Q2', 'manifest.json')));
    expect((await cli(['verify', out])).code).toBe(0);
    writeFileSync(file, original);
  });
});

describe('sharded builds', () => {
  it('two shards, each with its own cache, merge into the same files as one unsharded build', async () => {
    const merged = path.join(root, 'merged');
    for (const shard of ['1/2', '2/2']) {
      const target = path.join(root, `shard-${shard[0]}`);
      const result = await build(['--out', target, '--shard', shard, '--cache', path.join(root, `cache-${shard[0]}`)]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Built 1 of 1 client/);
      cpSync(target, merged, { recursive: true, errorOnExist: true, force: false });
    }
    const whole = path.join(root, 'whole');
    expect((await build(['--out', whole, '--cache', path.join(root, 'cache-whole')])).code).toBe(0);
    // A shard sees only its clients, so it writes no MSP overview; `overview` writes it over the merge.
    expect(existsSync(path.join(merged, 'msp'))).toBe(false);
    const overview = await cli(['overview', '--out', merged, '--work', work, '--cache', path.join(root, 'cache-merged')]);
    expect(overview.code, overview.stderr).toBe(0);
    expect(overview.stdout).toMatch(/MSP overview of 2 client\(s\)/);
    expect(existsSync(path.join(whole, 'msp', 'index.html'))).toBe(true);
    expect(digests(snapshot(merged))).toEqual(digests(snapshot(whole)));
  });

  it('overview over a folder without client reports is a user error with a hint', async () => {
    const empty = await cli(['overview', '--out', path.join(root, 'nothing-here'), '--work', work]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no client report under .*nothing-here.*\n  hint: Merge the shards/);
  });
});

describe('the cache', () => {
  it('lists its stages; --prune removes entries no build used within the days given and keeps what the last build used', async () => {
    const cache = path.join(work, 'cache');
    const listed = await cli(['cache', '--work', work]);
    expect(listed.code).toBe(0);
    const entries = (stdout: string, stage: string) => Number(new RegExp(`^  ${stage} +(\\d+) entries`, 'm').exec(stdout)?.[1]);
    expect(entries(listed.stdout, 'packets')).toBeGreaterThan(0);
    // Age every entry by 40 days, then use those of the current data by building it again (the
    // entries of the changed inputs above stay unused).
    const aged = new Date(Date.now() - 40 * 86_400_000);
    for (const e of readdirSync(cache, { recursive: true, withFileTypes: true })) if (e.name === 'meta.json') utimesSync(path.join(e.parentPath, e.name), aged, aged);
    const fresh = path.join(root, 'after-prune');
    expect((await build(['--out', fresh])).code).toBe(0);
    const pruned = await cli(['cache', '--work', work, '--prune', '30']);
    expect(pruned.code).toBe(0);
    expect(Number(/total +\d+ entries .* removed (\d+)/.exec(pruned.stdout)?.[1])).toBeGreaterThan(0);
    // What the last build used is kept: the same build again reuses every stage and writes nothing.
    rmSync(fresh, { recursive: true });
    const again = await build(['--out', fresh]);
    expect(reuseLine(again.stdout)).toMatch(/^(\d+)\/\1 reports, (\d+)\/\2 portals, (\d+)\/\3 packets, (\d+)\/\4 seals;/);
    expect((await cli(['cache', '--work', work, '--prune', 'soon'])).code).toBe(2);
  });
});

describe('a failing client', () => {
  it('a worker crash fails that client by name, exit 1, and leaves the other complete and the cache sound', async () => {
    // Kills the worker process the moment it is handed ledger-cpa's render: a crash, not an exception.
    const hook = path.join(root, 'crash-hook.mjs');
    writeFileSync(hook, "process.prependListener('message', (m) => { if (m?.task?.assessed?.clientId === 'ledger-cpa') process.kill(process.pid, 'SIGKILL'); });\n");
    const target = path.join(root, 'crashed');
    const crashed = await build(['--out', target], { NODE_OPTIONS: `--import=${hook}` });
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toContain('client ledger-cpa FAILED: the worker process died (signal SIGKILL)');
    expect(crashed.stdout).toMatch(/Built 1 of 2 client\(s\), 2 period\(s\)/);
    for (const period of periods) {
      expect((await cli(['verify', path.join(target, 'packets', 'smile-dental', period)])).code).toBe(0);
    }
    expect(readdirSync(path.join(target, 'packets'))).toEqual(['smile-dental']);

    const recovered = await build(['--out', target]);
    expect(recovered.code).toBe(0);
    expect((await cli(['verify', target])).code).toBe(0);
    // The same files as the unsharded build of the same data, key and date above.
    expect(digests(snapshot(target))).toEqual(digests(snapshot(path.join(root, 'whole'))));
  });
});
