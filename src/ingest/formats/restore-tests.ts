import { z } from 'zod';
import type { RestoreTest } from '../../model/evidence.ts';
import { oneOf, quantity, requiredText, text, timestamp } from '../fields.ts';
import type { CsvFormat } from '../format.ts';

const result = {
  pass: 'pass', passed: 'pass', success: 'pass', succeeded: 'pass', ok: 'pass',
  partial: 'partial', warning: 'partial',
  fail: 'fail', failed: 'fail', failure: 'fail', error: 'fail',
} as const;

/** `performer`: who a session ran as when the export names nobody (scheduled jobs). */
const schema = (timezone: string, performer?: string) =>
  z.object({
    system: requiredText,
    tested: timestamp(timezone, true),
    finished: timestamp(timezone, false),
    rpoTargetHours: quantity('RPO target'),
    rpoAchievedHours: quantity('RPO achieved'),
    rtoTargetHours: quantity('RTO target'),
    rtoAchievedHours: quantity('RTO achieved'),
    result: oneOf(result, 'result', ['pass', 'partial', 'fail']),
    performedBy: performer ? text.transform((who) => who || performer) : requiredText,
  });
type Row = z.output<ReturnType<typeof schema>>;

const hoursBetween = (start: string, end: string) => Math.round(((Date.parse(end) - Date.parse(start)) / 3_600_000) * 100) / 100;

const restoreTestRecords = {
  kind: 'restore-tests',
  toRecord: (row: Row, { source }: { source: RestoreTest['source'] }): RestoreTest => ({
    system: row.system,
    tested: row.tested!,
    rpoTargetHours: row.rpoTargetHours,
    rpoAchievedHours: row.rpoAchievedHours,
    rtoTargetHours: row.rtoTargetHours,
    // A session's start and end give the time the restore took when the export has no RTO column.
    rtoAchievedHours: row.rtoAchievedHours ?? (row.finished ? hoursBetween(row.tested!, row.finished) : null),
    result: row.result,
    performedBy: row.performedBy,
    source,
  }),
  key: (test: RestoreTest) => `${test.system.toLowerCase()}|${test.tested}`,
} as const;

/** The documented restore tests CSV: one row per test of restoring a system from backup. */
export const genericRestoreTestsCsv: CsvFormat<Row, RestoreTest> = {
  id: 'generic-restore-tests-csv',
  syntax: 'csv',
  title: 'Generic backup restore tests CSV',
  signature: [['system'], ['test_date'], ['result']],
  columns: {
    system: { headers: ['system'], required: true, description: 'System or workload restored' },
    tested: { headers: ['test_date'], required: true, description: 'When the test ran' },
    finished: { headers: ['finished'], required: false, description: 'When the restore finished (gives the RTO achieved when that column is empty)' },
    rpoTargetHours: { headers: ['rpo_target_hours'], required: false, description: 'Recovery point objective, hours' },
    rpoAchievedHours: { headers: ['rpo_achieved_hours'], required: false, description: 'Age of the restored data, hours' },
    rtoTargetHours: { headers: ['rto_target_hours'], required: false, description: 'Recovery time objective, hours' },
    rtoAchievedHours: { headers: ['rto_achieved_hours'], required: false, description: 'Time the restore took, hours' },
    result: { headers: ['result'], required: true, description: 'pass, partial or fail' },
    performedBy: { headers: ['performed_by'], required: true, description: 'Who ran the test' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  ...restoreTestRecords,
};

/**
 * Veeam Backup & Replication sessions of restore-verification jobs (SureBackup, or a restore
 * session list) as exported to CSV from the console or `Get-VBRSession | Export-Csv`.
 */
export const veeamSessionsCsv: CsvFormat<Row, RestoreTest> = {
  id: 'veeam-sessions-csv',
  syntax: 'csv',
  title: 'Veeam job sessions CSV',
  signature: [['Job Name', 'JobName', 'Name'], ['Result', 'Status'], ['Creation Time', 'CreationTime', 'Start Time'], ['End Time', 'EndTime']],
  columns: {
    system: { headers: ['Job Name', 'JobName', 'Name'], required: true, description: 'Job (the protected workload)' },
    tested: { headers: ['Creation Time', 'CreationTime', 'Start Time'], required: true, description: 'Session start' },
    finished: { headers: ['End Time', 'EndTime'], required: false, description: 'Session end: the RTO achieved is end − start' },
    rpoTargetHours: { headers: [], required: false, description: 'Not in the export' },
    rpoAchievedHours: { headers: [], required: false, description: 'Not in the export' },
    rtoTargetHours: { headers: [], required: false, description: 'Not in the export' },
    rtoAchievedHours: { headers: [], required: false, description: 'Derived from start and end' },
    result: { headers: ['Result', 'Status'], required: true, description: 'Success, Warning or Failed' },
    performedBy: { headers: ['Initiated By', 'Initiator', 'User'], required: false, description: 'Who started it; empty for scheduled runs ("Veeam schedule")' },
  },
  rowSchema: ({ timezone }) => schema(timezone, 'Veeam schedule'),
  ...restoreTestRecords,
};
