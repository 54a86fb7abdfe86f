/**
 * Scale benchmark of `proofbook build` on a generated MSP. Prints, in one run: the full build's wall
 * time and peak RSS (the whole process tree: CLI, workers, Chromium), a rebuild with nothing
 * changed, a rebuild after one file of one client changed, and the full build with --jobs 1 against
 * --jobs = cores, each with its target.
 *
 *   node scripts/bench-scale.ts [--clients N] [--periods P] [--scale F] [--jobs N] [--skip-serial] [--keep]
 *
 * --skip-serial leaves out the --jobs 1 build (the longest), when only the rebuilds are wanted.
 *
 * Inputs are generated into a temporary folder (never committed) and removed unless --keep.
 * Peak RSS is sampled from /proc every 100 ms, so it needs Linux.
 */
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const repo = path.join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100' },
    periods: { type: 'string', default: '4' },
    scale: { type: 'string', default: '1' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean', default: false },
    'skip-serial': { type: 'boolean', default: false },
  },
});
const jobs = Number(values.jobs);
const root = mkdtempSync(path.join(tmpdir(), 'proofbook-bench-'));
const data = path.join(root, 'data');

/** Resident memory of a process and all its descendants, in bytes, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop()!;
    total += rss.get(next) ?? 0;
    stack.push(...(children.get(next) ?? []));
  }
  return total;
}

interface Run {
  seconds: number;
  /** CPU time of the whole tree (user + system), which the kernel adds to this process as it reaps it. */
  cpuSeconds: number;
  peakRss: number;
  summary: string;
}

/** User + system CPU seconds of this process's reaped descendants (cutime + cstime, at 100 ticks/s). */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Runs one build as a child process, sampling the memory of its process tree. */
function buildOnce(label: string, args: string[]): Promise<Run> {
  process.stdout.write(`… ${label}\n`);
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const child = spawn(process.execPath, [path.join(repo, 'src', 'cli', 'main.ts'), 'build', '--data', data, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 100);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${label}: exit ${code}\n${stderr.slice(-4000)}`));
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpu() - cpuBefore, peakRss, summary: stdout.slice(stdout.indexOf('\nBuilt ') + 1).trim() });
    }),
  );
}

const cpu = (run: Run) => `${run.cpuSeconds.toFixed(0)} s (${(run.cpuSeconds / run.seconds).toFixed(2)})`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

execFileSync(process.execPath, [path.join(repo, 'scripts', 'generate-drop.ts'), '--out', data, '--clients', values.clients, '--periods', values.periods, '--scale', values.scale], { stdio: 'ignore' });
const clients = readdirSync(data, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const changedClient = clients[0]!;
const newest = readdirSync(path.join(data, changedClient)).filter((name) => /^\d{4}-Q\d$/.test(name)).sort().at(-1)!;
const dataBytes = Number(execFileSync('du', ['-sb', data]).toString().split('\t')[0]);
console.log(`MSP: ${clients.length} clients × ${values.periods} periods, scale ${values.scale}, ${mib(dataBytes)} of exports, in ${root}; ${jobs} job(s) on ${availableParallelism()} core(s)`);

const at = (name: string) => ['--out', path.join(root, `${name}-dist`), '--work', path.join(root, `${name}-work`)];
const full = await buildOnce(`full build, --jobs ${jobs}`, [...at('parallel'), '--jobs', String(jobs)]);
const unchanged = await buildOnce('rebuild, nothing changed', [...at('parallel'), '--jobs', String(jobs)]);
appendFileSync(path.join(data, changedClient, newest, 'tickets.csv'), `BENCH-1,bench edit,P3,${newest.slice(0, 4)}-0${Number(newest.slice(6)) * 3}-01 10:00,,,msp,bench\n`);
const oneFile = await buildOnce(`rebuild, one file of ${changedClient} changed`, [...at('parallel'), '--jobs', String(jobs)]);
const serial = values['skip-serial'] ? null : await buildOnce('full build, --jobs 1', [...at('serial'), '--jobs', '1']);

const speedUp = serial ? serial.seconds / full.seconds : null;
console.log(`
| run | wall time | CPU (cores busy) | peak RSS (tree) | vs full | target |
|---|---|---|---|---|---|
| full build, --jobs ${jobs} | ${full.seconds.toFixed(1)} s | ${cpu(full)} | ${mib(full.peakRss)} | 100% | |
| rebuild, nothing changed | ${unchanged.seconds.toFixed(1)} s | ${cpu(unchanged)} | ${mib(unchanged.peakRss)} | ${((100 * unchanged.seconds) / full.seconds).toFixed(1)}% | < 5%: ${verdict(unchanged.seconds < 0.05 * full.seconds)} |
| rebuild, one file changed | ${oneFile.seconds.toFixed(1)} s | ${cpu(oneFile)} | ${mib(oneFile.peakRss)} | ${((100 * oneFile.seconds) / full.seconds).toFixed(1)}% | < 10%: ${verdict(oneFile.seconds < 0.1 * full.seconds)} |
${serial && speedUp !== null ? `| full build, --jobs 1 | ${serial.seconds.toFixed(1)} s | ${cpu(serial)} | ${mib(serial.peakRss)} | speed-up ${speedUp.toFixed(2)}× with ${jobs} jobs | ≥ ${(0.7 * jobs).toFixed(1)}×: ${verdict(speedUp >= 0.7 * jobs)} |` : '| full build, --jobs 1 | skipped (--skip-serial) | | | | |'}

Full build:
${full.summary}

Nothing changed:
${unchanged.summary}

One file changed:
${oneFile.summary}`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
