/**
 * `npm run bench:site -- [clients] [periods] [findings] [controls]`: builds the evidence portal of a
 * generated MSP (default 50 clients × 4 periods, 40 open findings and 100 assessed controls each, a
 * page per control) and prints pages built, seconds and pages per second. The report models are
 * synthetic (the sample model of the tests, one per client and period, with generated controls);
 * inputs are generated on each run, never committed.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { periodBounds, previousPeriodId } from '../src/model/period.ts';
import type { ControlAssessment, ReportModel } from '../src/model/report.ts';
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

const [clientsArg, periodsArg, findingsArg, controlsArg] = process.argv.slice(2);
const clients = positive(clientsArg, 50, 'clients');
const periodCount = positive(periodsArg, 4, 'periods');
const findings = positive(findingsArg, 40, 'findings');
const controlCount = positive(controlsArg, 100, 'controls');

const statuses = ['satisfied', 'partial', 'gap', 'not-assessed', 'not-assessed', 'not-applicable'] as const;
/** HIPAA-like controls of every status, the assessed ones with a rule and a piece of evidence, as a real catalog gives. */
function controls(clientId: string, period: string): ControlAssessment[] {
  return Array.from({ length: controlCount }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    const assessed = status === 'satisfied' || status === 'partial' || status === 'gap';
    return {
      framework: 'hipaa', id: `164.${300 + Math.floor(i / 20)}(a)(${i % 20})`, title: `Control ${i + 1}`, citation: `45 CFR 164.${300 + i}`, status,
      rule: assessed ? { id: 'scans', title: 'Scans ran this quarter' } : null, reason: `Reason ${i + 1}`,
      evidence: assessed ? [{ label: 'Scan export', file: `${clientId}/${period}/nessus.csv`, effective: '2026-09-20', side: 'msp', section: 'findings', ttlDays: 92, fresh: true }] : [],
      accountable: 'internal', responsible: ['msp'], raciIssues: [], previousStatus: status, designation: 'required',
      rules: assessed ? [{ id: 'scans', title: 'Scans ran this quarter', status, reason: `Reason ${i + 1}`, ttlDays: 92 }] : [], exceptions: [], related: [],
    };
  });
}

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
    const assessed = controls(clientId, period);
    const count = (status: ControlAssessment['status']) => assessed.filter((a) => a.status === status).length;
    model.controls = {
      frameworks: [{ id: 'hipaa', name: 'HIPAA Security Rule', version: '2013', total: assessed.length, counts: { satisfied: count('satisfied'), partial: count('partial'), gap: count('gap'), notApplicable: count('not-applicable'), notAssessed: count('not-assessed') } }],
      controls: assessed,
    };
    models.push(model);
  });
}

await mkdir('.proofbook', { recursive: true });
const root = await mkdtemp(join(process.cwd(), '.proofbook', 'bench-site-'));
try {
  const started = performance.now();
  const result = await buildSites(models, { outDir: join(root, 'sites'), workDir: join(root, 'work') });
  const seconds = (performance.now() - started) / 1000;
  console.log(`clients ${clients}, periods ${periodCount}, report models ${models.length}, controls per model ${controlCount}`);
  console.log(`pages built      ${result.pages}`);
  console.log(`files written    ${result.files.length + 1}`);
  console.log(`seconds          ${seconds.toFixed(1)}`);
  console.log(`pages per second ${(result.pages / seconds).toFixed(1)}`);
  console.log(`peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await rm(root, { recursive: true, force: true });
}
