/**
 * npm run bench:packet -- [pages] [--printers N] [--part-lines N] [--tagged] [--packet-only]
 *
 * Renders a table-heavy packet of about `pages` pages (default 1,000) and prints pages, seconds,
 * pages per second, CPU time (with Node's share; Chromium's is the rest) and peak RSS; then, in
 * the same run, Chromium printing the same HTML as one document in one bare page.pdf call. Peak RSS is the sum over this process and every
 * Chromium process under it, sampled from /proc by a worker thread (the main thread is busy).
 * The packet's figures are also given per stage (printing the parts, the page heads, assembly, ...).
 * --printers: how many single-process Chromiums print the packet side by side; by default as many
 * as a build with one job uses here (printersPerPacket in src/packet/browser.ts).
 * --tagged tags both the packet and the bare print: the cost of an accessible (tagged) PDF;
 * --packet-only skips the bare print (its 4 GB), for working on one stage of the packet.
 * The model is generated (tests/packet/long-report.ts); nothing is written to disk.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Browser } from 'puppeteer-core';
import { workerExecArgv } from '../src/build/pool.ts';
import { launchBrowser, printersPerPacket } from '../src/packet/browser.ts';
import { buildPacket } from '../src/packet/packet.ts';
import { renderWholeHtml } from '../src/packet/render-html.ts';
import { processTree } from '../src/packet/process-tree.ts';
import { loadTemplates } from '../src/packet/templates.ts';
import { longReport } from '../tests/packet/long-report.ts';
import type { TableRows } from '../tests/packet/long-report.ts';
import { createTestKey } from '../tests/packet/test-key.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { printers: { type: 'string' }, 'part-lines': { type: 'string' }, tagged: { type: 'boolean', default: false }, 'packet-only': { type: 'boolean', default: false } },
});
// A build prints its packets in worker processes started with these flags: measure under the same.
if (!workerExecArgv.every((flag) => process.execArgv.includes(flag))) {
  console.warn(`Not run with the build workers' V8 flags (${workerExecArgv.join(' ')}), as npm run bench:packet is: Node's memory will read higher than in a build.`);
}
const pages = Number(positionals[0] ?? 1000);
if (!Number.isInteger(pages) || pages < 20) throw new Error(`Invalid pages ${JSON.stringify(positionals[0])}: expected a whole number of at least 20`);
const printers = values.printers === undefined ? printersPerPacket(1) : Number(values.printers);
if (!Number.isInteger(printers) || printers < 1) throw new Error(`Invalid --printers ${JSON.stringify(values.printers)}: expected a whole number of at least 1`);
const partLines = values['part-lines'] === undefined ? undefined : Number(values['part-lines']);

/** Rows per page of each table as printed here, and the share of the packet each table fills. */
const tables: Record<keyof TableRows, { perPage: number; share: number }> = {
  open: { perPage: 10.5, share: 0.4 },
  fixed: { perPage: 15, share: 0.2 },
  breaches: { perPage: 24, share: 0.15 },
  diagnostics: { perPage: 24, share: 0.15 },
  raci: { perPage: 30, share: 0.05 },
  files: { perPage: 16, share: 0.05 },
};
const rows = Object.fromEntries(Object.entries(tables).map(([table, t]) => [table, Math.round(pages * t.share * t.perPage)])) as unknown as TableRows;

/**
 * Sums the RSS of this process tree every 50 ms, in a thread of its own; the highest sum since the
 * last reset is the peak. A mark starts a stage: the peak of each stage is kept apart as well.
 */
const samplerSource = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ processTree }) => {
  const readNode = () => Number(/VmRSS:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/' + workerData.pid + '/status', 'utf8'))[1]) * 1024;
  const zero = () => ({ total: 0, node: 0 });
  let peak = zero();
  let stages = [];
  const sample = () => {
    const now = { total: processTree(workerData.pid)?.rss ?? 0, node: readNode() };
    if (now.total > peak.total) peak = now;
    const stage = stages[stages.length - 1];
    if (stage && now.total > stage.peak.total) stage.peak = now;
  };
  setInterval(sample, 50);
  parentPort.on('message', (m) => {
    if (m === 'reset') { peak = zero(); stages = []; return; }
    sample();
    if (m.startsWith('mark:')) stages.push({ name: m.slice(5), peak: zero() });
    else parentPort.postMessage({ peak, stages });
  });
  parentPort.postMessage('ready');
});
`;
const sampler = new Worker(samplerSource, { eval: true, workerData: { pid: process.pid, module: new URL('../src/packet/process-tree.ts', import.meta.url).href } });
await new Promise((resolve) => sampler.once('message', resolve));
/** The highest sum of RSS, and how much of it was this (Node) process. */
interface Peak { total: number; node: number }
interface Sampled { peak: Peak; stages: { name: string; peak: Peak }[] }
const sampled = () => new Promise<Sampled>((resolve) => { sampler.once('message', resolve); sampler.postMessage('peak'); });

/** CPU time is reported besides wall time: on a shared machine it varies far less. `node`: this process's share (Chromium's is the rest). */
interface Cpu { total: number; node: number }
interface Figures { pages: number; bytes: number; seconds: number; cpu: Cpu; peak: Peak; stages: Stage[] }
interface Stage { name: string; seconds: number; cpu: Cpu; peak: Peak }

const cpuNow = (): Cpu => {
  const { user, system } = process.cpuUsage();
  return { total: processTree(process.pid)?.cpuSeconds ?? 0, node: (user + system) / 1e6 };
};
const cpuSince = (from: Cpu, to: Cpu): Cpu => ({ total: to.total - from.total, node: to.node - from.node });

/** Starts a stage of the measured step: its wall and CPU time, and its own peak. */
type Mark = (name: string) => void;

/** Runs one measured step on browsers of its own, so no step inherits another's memory. */
async function measure(browserCount: number, step: (browsers: Browser[], mark: Mark) => Promise<{ pages: number; bytes: number }>): Promise<Figures> {
  globalThis.gc?.();
  sampler.postMessage('reset');
  const started = performance.now();
  const cpuBefore = cpuNow();
  const marks: { at: number; cpu: Cpu }[] = [];
  const mark: Mark = (name) => {
    marks.push({ at: performance.now(), cpu: cpuNow() });
    sampler.postMessage(`mark:${name}`);
  };
  const browsers = await Promise.all(Array.from({ length: browserCount }, () => launchBrowser()));
  try {
    const printed = await step(browsers, mark);
    const end = { at: performance.now(), cpu: cpuNow() };
    const { peak, stages } = await sampled();
    const timed = stages.map((stage, i) => {
      const [from, to] = [marks[i]!, marks[i + 1] ?? end];
      return { ...stage, seconds: (to.at - from.at) / 1000, cpu: cpuSince(from.cpu, to.cpu) };
    });
    return { ...printed, seconds: (end.at - started) / 1000, cpu: cpuSince(cpuBefore, end.cpu), peak, stages: timed };
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
  }
}

const report = longReport(rows);
const templates = await loadTemplates();
const key = await createTestKey();

async function barePrint(tagged: boolean): Promise<Figures> {
  return measure(1, async ([browser]) => {
    const page = await browser!.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(renderWholeHtml(report, templates, { signedWithDevelopmentKey: false }), { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'letter', margin: { top: '0.8in', bottom: '0.7in', left: '0.6in', right: '0.6in' }, printBackground: true, tagged, outline: false, timeout: 0 });
    // Count pages as pdf-lib would, without loading the whole file: one /Type /Page per page.
    return { pages: Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0, bytes: pdf.length };
  });
}

const bare = values['packet-only'] ? null : await barePrint(values.tagged);
const packet = await measure(printers, async (browsers, mark) => {
  const built = await buildPacket(report, { browsers, tagged: values.tagged, key, signedWithDevelopmentKey: false, signingTime: new Date(0), partLines, onStage: mark });
  return { pages: built.pages, bytes: built.signed.length };
});
await sampler.terminate();

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const cpu = (c: Cpu) => `CPU ${c.total.toFixed(1).padStart(5)} s (Node ${c.node.toFixed(1).padStart(4)})`;
const peakRss = (p: Peak) => `peak RSS ${mb(p.total).padStart(7)} (Node ${mb(p.node)}, Chromium ${mb(p.total - p.node)})`;
const line = (name: string, f: Figures) =>
  `${name.padEnd(30)} ${String(f.pages).padStart(6)} pages  ${f.seconds.toFixed(2).padStart(7)} s  ${(f.pages / f.seconds).toFixed(1).padStart(6)} pages/s  ${cpu(f.cpu)}  ${mb(f.bytes).padStart(6)}  ${peakRss(f.peak)}`;
console.log(`rows: ${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
const tagging = values.tagged ? ', tagged' : '';
console.log(line(`packet, ${printers} printer${printers === 1 ? '' : 's'}${tagging}`, packet));
for (const stage of packet.stages) {
  console.log(`  ${stage.name.padEnd(28)} ${stage.seconds.toFixed(2).padStart(22)} s  ${''.padStart(14)}  ${cpu(stage.cpu)}  ${''.padStart(6)}  ${peakRss(stage.peak)}`);
}
if (bare) console.log(line(`bare page.pdf, one document${tagging}`, bare));
if (bare) console.log(`packet / bare: time ${(packet.seconds / bare.seconds).toFixed(2)}x, CPU ${(packet.cpu.total / bare.cpu.total).toFixed(2)}x, peak RSS ${(packet.peak.total / bare.peak.total).toFixed(2)}x (targets at 1,000 pages: time <= 1.0x, peak RSS < 800 MB)`);
