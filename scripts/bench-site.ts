/**
 * `npm run bench:site -- [clients] [periods] [findings]`: builds the evidence portal of a generated MSP
 * (default 50 clients × 4 periods, 40 open findings each) and prints pages built, seconds and pages
 * per second. The report models are synthetic (the sample model of the tests, one per client and
 * period); inputs are generated on each run, never committed.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { periodBounds, previousPeriodId } from '../src/model/period.ts';
import type { ReportModel } from '../src/model/report.ts';
import { buildSites } from '../src/portal/build-sites.ts';
import { sampleReport } from '../tests/support/sample-report.ts';

function positive(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`Invalid ${name}: expected a whole number of at least 1, got ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return n;
}

const [clientsArg, periodsArg, findingsArg] = process.argv.slice(2);
const clients = positive(clientsArg, 50, 'clients');
const periodCount = positive(periodsArg, 4, 'periods');
const findings = positive(findingsArg, 40, 'findings');

let last = '2026-Q4';
const periods = [last];
while (periods.length < periodCount) periods.unshift((last = previousPeriodId(last)));

const models: ReportModel[] = [];
for (let c = 0; c < clients; c++) {
  const clientId = `client-${String(c + 1).padStart(3, '0')}`;
  periods.forEach((period, i) => {
    const model = sampleReport({ clientId, period, findings: findings + ((c + i) % 7) });
    const bounds = periodBounds(period);
    model.period = { id: period, start: bounds.start, end: bounds.end };
    model.periods = periods.slice(0, i + 1);
    model.previousPeriod = periods[i - 1] ?? null;
    model.findings.totals = { ...model.findings.totals, open: model.findings.open.length, breached: (c * 3 + i * 5) % 11 };
    models.push(model);
  });
}

await mkdir('.proofbook', { recursive: true });
const root = await mkdtemp(join(process.cwd(), '.proofbook', 'bench-site-'));
try {
  const started = performance.now();
  const result = await buildSites(models, { outDir: join(root, 'sites'), workDir: join(root, 'work') });
  const seconds = (performance.now() - started) / 1000;
  console.log(`clients ${clients}, periods ${periodCount}, report models ${models.length}`);
  console.log(`pages built      ${result.pages}`);
  console.log(`files written    ${result.files.length + 1}`);
  console.log(`seconds          ${seconds.toFixed(1)}`);
  console.log(`pages per second ${(result.pages / seconds).toFixed(1)}`);
  console.log(`peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await rm(root, { recursive: true, force: true });
}
