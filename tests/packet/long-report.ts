import { ReportModel } from '../../src/model/report.ts';
import { sampleReport } from '../support/sample-report.ts';

/**
 * A valid report model whose every long table has as many rows as asked, each row with a
 * numbered marker of its own ("Open finding 42", "T-000042", "Task 42", "export-000042.csv",
 * "Diagnostic 42"), so a test can find every row in the printed text and a benchmark can make
 * a packet of any size.
 */

export interface TableRows {
  open: number;
  fixed: number;
  breaches: number;
  raci: number;
  files: number;
  diagnostics: number;
}

const pad = (n: number) => String(n).padStart(6, '0');
const times = <T>(count: number, row: (n: number) => T): T[] => Array.from({ length: count }, (_, i) => row(i + 1));

export function longReport(rows: TableRows, options: { marker?: string } = {}): ReportModel {
  const base = sampleReport({ findings: rows.open, marker: options.marker });
  const { id: clientId } = base.client;
  const period = base.period.id;
  const template = base.findings.open[0]!;
  return ReportModel.parse({
    ...base,
    findings: {
      ...base.findings,
      open: base.findings.open.map((row, i) => ({ ...row, title: `Open finding ${i + 1}`, output: `Output line for finding ${i + 1}\nsecond line, the last of finding ${i + 1}` })),
      fixed: times(rows.fixed, (n) => ({ ...template, key: `nessus|fixed|${n}`, title: `Fixed finding ${n}`, change: 'fixed', sla: 'fixed-in-time', source: { file: `${clientId}/${period}/nessus.csv`, line: 10_000 + n } })),
    },
    tickets: {
      ...base.tickets,
      breaches: times(rows.breaches, (n) => ({ ...base.tickets.breaches[0]!, id: `T-${pad(n)}`, title: `Breached ticket ${n}`, source: { file: `${clientId}/${period}/tickets.csv`, line: 1 + n } })),
    },
    raci: times(rows.raci, (n) => ({ ...base.raci[0]!, task: `Task ${n}`, source: { file: `${clientId}/raci.csv`, line: 1 + n } })),
    ingest: {
      ...base.ingest,
      files: times(rows.files, (n) => ({ ...base.ingest.files[0]!, file: `${clientId}/${period}/export-${pad(n)}.csv` })),
      diagnostics: times(rows.diagnostics, (n) => ({ ...base.ingest.diagnostics[0]!, line: 1 + n, message: `Diagnostic ${n}: Risk "Severe" is not one of None, Low, Medium, High, Critical` })),
    },
  });
}
