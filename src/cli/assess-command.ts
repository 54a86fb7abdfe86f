import path from 'node:path';
import { buildTime } from '../build/build.ts';
import { toolRoot } from '../build/inputs.ts';
import { loadPolicy } from '../build/policy.ts';
import { reportPeriods } from '../build/report-periods.ts';
import { readClient } from '../ingest/drop.ts';
import { statusLabels } from '../model/labels.ts';
import { ClientId, PeriodId } from '../model/period.ts';
import type { ControlAssessment } from '../model/report.ts';
import { toolVersion, type Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook assess --client ID --period YYYY-Qn [--data DIR] [--json]

Prints the status of every in-scope control of one client and period — satisfied, partial, gap,
not applicable or not assessed — with the rule that decided it, the evidence behind it and the
accountable and responsible sides from the RACI. Nothing is written.

  --json   an object {"client", "period", "frameworks": [...], "controls": [...]}

Exit codes: 0 printed, 1 bad data or unknown client/period, 2 usage error.
`;

const statusWords: Record<ControlAssessment['status'], string> = {
  satisfied: 'SATISFIED',
  partial: 'PARTIAL',
  gap: 'GAP',
  'not-applicable': 'N/A',
  'not-assessed': 'NOT ASSESSED',
};

export const runAssess: Command = {
  help,
  allowPositionals: false,
  options: { client: { type: 'string' }, period: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const client = ClientId.safeParse(values.client);
    const period = PeriodId.safeParse(values.period);
    if (!client.success || !period.success) throw new UserError('assess needs --client ID and --period YYYY-Qn', 'Example: proofbook assess --client smile-dental --period 2026-Q3', 2);
    const dataDir = path.resolve(io.cwd, typeof values.data === 'string' ? values.data : 'data');
    const reports = await reportPeriods(dataDir, client.data, {
      policy: await loadPolicy(path.join(toolRoot, 'content')),
      until: period.data,
      generatedAt: buildTime(io.env),
      toolVersion,
    });
    const report = reports.at(-1);
    if (report?.period.id !== period.data) {
      const periods = (await readClient(dataDir, client.data)).periods;
      throw new UserError(`${client.data} has no data for ${period.data}`, `Periods of ${client.data}: ${periods.join(', ') || 'none'}.`);
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ client: client.data, period: period.data, frameworks: report.controls.frameworks, controls: report.controls.controls }, null, 2)}\n`);
      return 0;
    }
    for (const framework of report.controls.frameworks) {
      const c = framework.counts;
      io.stdout.write(`\n${framework.name} (${framework.version}): ${framework.total} controls — ${c.satisfied} satisfied, ${c.partial} partial, ${c.gap} gap, ${c.notApplicable} not applicable, ${c.notAssessed} not assessed\n`);
      for (const control of report.controls.controls.filter((x) => x.framework === framework.id)) {
        const raci = `A: ${control.accountable ?? '—'}; R: ${control.responsible.join(', ') || '—'}`;
        io.stdout.write(`  ${statusWords[control.status].padEnd(12)} ${control.id}  ${control.title}  [${raci}]\n`);
        if (control.status === 'not-assessed') continue;
        io.stdout.write(`      ${control.reason}${control.rule ? ` (rule ${control.rule.id})` : ''}\n`);
        for (const evidence of control.evidence) io.stdout.write(`      evidence: ${evidence.label}\n`);
        for (const issue of control.raciIssues) io.stdout.write(`      RACI: ${issue}\n`);
      }
    }
    const headline = report.headlines.map((h) => `${statusLabels[h.status].text}: ${h.label} ${h.value}`).join('; ');
    io.stdout.write(`\n${report.client.name} ${report.period.id} — ${headline}\n`);
    return 0;
  },
};
