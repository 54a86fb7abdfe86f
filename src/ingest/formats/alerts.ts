import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { SiemAlert } from '../../model/evidence.ts';
import { cellParse, field, flag, oneOf, requiredText, text, timestamp } from '../fields.ts';
import type { CsvFormat, JsonFormat } from '../format.ts';
import { hasPaths, pick } from '../json-values.ts';

const severity: Record<string, Severity> = {
  critical: 'critical', high: 'high', medium: 'medium', moderate: 'medium', low: 'low', info: 'info', informational: 'info',
};
const status = { '': 'open', open: 'open', new: 'open', notified: 'open', acknowledged: 'open', 'in progress': 'open', closed: 'closed', resolved: 'closed', suppressed: 'closed' } as const;

const schema = (timezone: string) =>
  z.object({
    id: requiredText,
    time: timestamp(timezone, true),
    rule: requiredText,
    title: text,
    severity: oneOf(severity, 'severity', ['critical', 'high', 'medium', 'low', 'info']),
    host: text,
    status: oneOf(status, 'status', ['open', 'closed']),
  });
type Row = z.output<ReturnType<typeof schema>>;

const alertRecords = {
  kind: 'alerts',
  rowSchema: ({ timezone }: { timezone: string }) => schema(timezone),
  toRecord: (row: Row, { source }: { source: SiemAlert['source'] }): SiemAlert => ({ ...row, time: row.time!, source }),
  key: (alert: SiemAlert) => alert.id,
} as const;

/**
 * A column an export may lack: without it the field stays absent (undefined), so "the export does not
 * say" is never read as "no" or "not acknowledged".
 */
function ifPresent<T>(schema: z.ZodType<T>) {
  const parse = cellParse(schema)!;
  return field((s, report) => (s === undefined ? undefined : (parse(s, report) as T)));
}

/** The generic export also says how each alert was handled: when it was acknowledged, and any escalation. */
const responseSchema = (timezone: string) =>
  schema(timezone).extend({
    acknowledged: ifPresent(timestamp(timezone, false)),
    escalated: ifPresent(flag('escalated')),
    escalatedTo: ifPresent(text),
  });
type ResponseRow = z.output<ReturnType<typeof responseSchema>>;

/** The documented SIEM alerts CSV, for any SIEM or EDR console's export. */
export const genericAlertsCsv: CsvFormat<ResponseRow, SiemAlert> = {
  id: 'generic-alerts-csv',
  syntax: 'csv',
  title: 'Generic SIEM alerts CSV',
  signature: [['alert_id'], ['time'], ['rule']],
  columns: {
    id: { headers: ['alert_id'], required: true, description: 'Alert id in the SIEM' },
    time: { headers: ['time'], required: true, description: 'When it fired; ISO 8601 or local time in the client time zone' },
    rule: { headers: ['rule'], required: true, description: 'Rule or detection id' },
    title: { headers: ['title'], required: false, description: 'What fired; untrusted text' },
    severity: { headers: ['severity'], required: true, description: 'critical, high, medium, low or info' },
    host: { headers: ['host'], required: false, description: 'Host or agent it concerns' },
    status: { headers: ['status'], required: false, description: 'open or closed (also new, acknowledged, resolved, suppressed); default open' },
    acknowledged: { headers: ['acknowledged'], required: false, description: 'When an analyst first acknowledged it; ISO 8601 or local time in the client time zone; empty when not acknowledged' },
    escalated: { headers: ['escalated'], required: false, description: 'yes when it was escalated (to the client, to incident response); default no' },
    escalatedTo: { headers: ['escalated_to'], required: false, description: 'To whom or which ticket it was escalated' },
  },
  ...alertRecords,
  rowSchema: ({ timezone }: { timezone: string }) => responseSchema(timezone),
  toRecord: (row: ResponseRow, { source }: { source: SiemAlert['source'] }): SiemAlert => ({ ...row, time: row.time!, source }),
};

/** Wazuh rule levels 0–15 → severity (Wazuh's own grouping: 12+ high, 15 maximum). */
function wazuhSeverity(level: string | undefined): string | undefined {
  const n = Number(level);
  if (level === undefined || !Number.isInteger(n)) return level;
  return n >= 15 ? 'critical' : n >= 12 ? 'high' : n >= 8 ? 'medium' : n >= 4 ? 'low' : 'info';
}

/** Wazuh's alerts.json, as the manager writes it: one JSON alert per line. */
export const wazuhAlertsJson: JsonFormat<Row, SiemAlert> = {
  id: 'wazuh-alerts-json',
  syntax: 'json',
  title: 'Wazuh alerts (alerts.json, JSON lines)',
  records: '',
  matches: (alert) => hasPaths(alert, 'timestamp', 'rule.id', 'rule.level'),
  columns: {
    id: { headers: ['id'], required: true, description: 'Alert id ("1580123327.49031")' },
    time: { headers: ['timestamp'], required: true, description: 'ISO 8601 with offset' },
    rule: { headers: ['rule.id'], required: true, description: 'Rule id' },
    title: { headers: ['rule.description'], required: false, description: 'Rule description' },
    severity: { headers: ['rule.level'], required: true, description: 'Level 0–15: 15 critical, 12+ high, 8+ medium, 4+ low, else info' },
    host: { headers: ['agent.name'], required: false, description: 'Agent name' },
    status: { headers: [], required: false, description: 'alerts.json has no workflow: open' },
  },
  values: (alert) => ({
    id: pick(alert, 'id'),
    time: pick(alert, 'timestamp'),
    rule: pick(alert, 'rule.id'),
    title: pick(alert, 'rule.description'),
    severity: wazuhSeverity(pick(alert, 'rule.level')),
    host: pick(alert, 'agent.name'),
  }),
  ...alertRecords,
};

/** AWS Security Hub findings (ASFF, e.g. GuardDuty's) as `aws securityhub get-findings` returns them. */
export const securityHubJson: JsonFormat<Row, SiemAlert> = {
  id: 'aws-securityhub-json',
  syntax: 'json',
  title: 'AWS Security Hub findings (ASFF)',
  records: 'Findings',
  matches: (finding) => hasPaths(finding, 'SchemaVersion', 'Id', 'Severity.Label'),
  columns: {
    id: { headers: ['Findings[].Id'], required: true, description: 'Finding ARN' },
    time: { headers: ['CreatedAt'], required: true, description: 'ISO 8601' },
    rule: { headers: ['Types[0]', 'GeneratorId'], required: true, description: 'Finding type' },
    title: { headers: ['Title'], required: false, description: 'Title; untrusted text' },
    severity: { headers: ['Severity.Label'], required: true, description: 'INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL' },
    host: { headers: ['Resources[0].Id'], required: false, description: 'First affected resource' },
    status: { headers: ['Workflow.Status'], required: false, description: 'NEW, NOTIFIED, RESOLVED or SUPPRESSED' },
  },
  values: (finding) => ({
    id: pick(finding, 'Id'),
    time: pick(finding, 'CreatedAt'),
    rule: pick(finding, 'Types.0') ?? pick(finding, 'GeneratorId'),
    title: pick(finding, 'Title'),
    severity: pick(finding, 'Severity.Label'),
    host: pick(finding, 'Resources.0.Id'),
    status: pick(finding, 'Workflow.Status'),
  }),
  ...alertRecords,
};
