import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { mappedTicketsCsv } from '../../src/ingest/formats/psa-tickets.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import { TicketColumns } from '../../src/model/client.ts';
import type { AccessReview, PatchStatus, RemoteSession, RestoreTest, RiskAcceptance, SiemAlert, Ticket } from '../../src/model/evidence.ts';
import { realFixture, tempFile } from '../support/files.ts';
import { expectGolden } from '../support/golden.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'formats', name);
const read = (file: string, timezone = 'America/New_York', candidates = formats) =>
  readEvidence({ path: file, file: path.basename(file), timezone, effective: '2026-09-30' }, candidates);
const rules = (result: { diagnostics: Array<{ line: number | null; rule: string }> }) => result.diagnostics.map((d) => [d.line, d.rule]);

describe('every evidence kind, recognised from content and normalised', () => {
  // [fixture, format, rows read, accepted, diagnostics as [line, rule]]
  const cases: Array<[string, string, number, number, Array<[number | null, string]>]> = [
    ['connectwise-tickets.csv', 'connectwise-tickets-csv', 4, 3, [[5, 'field/invalid-value']]],
    ['autotask-tickets.csv', 'autotask-tickets-csv', 2, 2, []],
    ['halopsa-tickets.csv', 'halopsa-tickets-csv', 2, 2, []],
    ['wazuh-alerts.json', 'wazuh-alerts-json', 3, 3, []],
    ['generic-alerts.csv', 'generic-alerts-csv', 3, 2, [[4, 'field/invalid-value']]],
    ['generic-restore-tests.csv', 'generic-restore-tests-csv', 3, 2, [[4, 'field/required']]],
    ['veeam-sessions.csv', 'veeam-sessions-csv', 3, 3, []],
    ['generic-access-reviews.csv', 'generic-access-reviews-csv', 4, 3, [[5, 'field/invalid-value']]],
    ['generic-remote-sessions.csv', 'generic-remote-sessions-csv', 3, 2, [[4, 'session/time-order']]],
    ['generic-patches.csv', 'generic-patches-csv', 4, 3, [[5, 'field/invalid-value']]],
    ['risk-acceptances.yaml', 'risk-acceptances-yaml', 2, 1, [[11, 'risk/expiry-order']]],
  ];
  it.each(cases)('%s → %s', async (name, format, rowsRead, accepted, diagnostics) => {
    const result = await read(fixture(name));
    expect(result).toMatchObject({ format, rowsRead, accepted, rejected: rowsRead - accepted });
    expect(rules(result)).toEqual(diagnostics);
    for (const d of result.diagnostics) expect(d.hint.length).toBeGreaterThan(10);
    expectGolden(`formats/${name}`, { kind: result.kind, records: result.records });
  });

  it('reads PSA priorities, US dates in the client zone and the MSP as owner of PSA tickets', async () => {
    const [first, emergency, open] = (await read(fixture('connectwise-tickets.csv'))).records as Ticket[];
    expect(first).toMatchObject({ id: '48211', title: "Outlook won't open, shared mailbox", priority: 'P3', ownerSide: 'msp', created: '2026-07-01T13:05:00.000Z', acknowledged: '2026-07-01T13:41:00.000Z', resolved: '2026-07-01T18:10:00.000Z' });
    expect(emergency).toMatchObject({ priority: 'P1', created: '2026-07-03T03:58:00.000Z', acknowledged: '2026-07-03T04:07:00.000Z', assignee: 'akim, jsmith' });
    expect(open).toMatchObject({ priority: 'P4', acknowledged: null, resolved: null });
    expect(((await read(fixture('halopsa-tickets.csv'))).records as Ticket[]).map((t) => t.priority)).toEqual(['P2', 'P1']);
  });

  it('maps Wazuh rule levels to severities and keeps alert text as text', async () => {
    const alerts = (await read(fixture('wazuh-alerts.json'))).records as SiemAlert[];
    expect(alerts.map((a) => [a.id, a.rule, a.severity, a.host, a.time])).toEqual([
      ['1784081469.1804213', '5716', 'low', 'ehr-app-01', '2026-07-14T02:11:09.821Z'],
      ['1784081475.1809925', '5712', 'medium', 'ehr-app-01', '2026-07-14T02:11:15.002Z'],
      ['1785606000.90210', '550', 'high', 'wazuh-manager', '2026-08-01T17:40:00.000Z'],
    ]);
  });

  it('reads AWS Security Hub (GuardDuty) findings as alerts, from the real export', async () => {
    const result = await read(realFixture('aws_securityhub_guardduty_findings.json'), 'UTC');
    const holds = JSON.parse(readFileSync(realFixture('aws_securityhub_guardduty_findings.json'), 'utf8')).Findings.length;
    expect(result).toMatchObject({ format: 'aws-securityhub-json', kind: 'alerts', rowsRead: holds, rejected: 0 });
    expect((result.records as SiemAlert[])[0]).toMatchObject({ severity: 'medium', time: '2024-01-17T11:33:20.845Z', rule: 'TTPs/Defense Evasion/DefenseEvasion:EC2-UnusualDNSResolver' });
    expectGolden('aws_securityhub_guardduty_findings.json', result.records);
  });

  it('derives the RTO achieved of a Veeam session from its start and end', async () => {
    const tests = (await read(fixture('veeam-sessions.csv'))).records as RestoreTest[];
    expect(tests.map((t) => [t.system, t.result, t.rtoAchievedHours, t.performedBy])).toEqual([
      ['SureBackup - EHR SQL', 'pass', 1.2, 'Veeam schedule'],
      ['SureBackup - File server', 'partial', 0.67, 'DENTAL\\admin.msp'],
      ['Restore - Practice DC', 'fail', 0.08, 'DENTAL\\admin.msp'],
    ]);
  });

  it('normalises access reviews, sessions, patches and risk acceptances', async () => {
    expect(((await read(fixture('generic-access-reviews.csv'))).records as AccessReview[])[2]).toMatchObject({ decision: 'keep', reviewed: '2026-07-31', privileged: false });
    expect(((await read(fixture('generic-remote-sessions.csv'))).records as RemoteSession[]).map((s) => [s.id, s.durationMinutes, s.recorded, s.party])).toEqual([
      ['RS-100', 45, true, 'msp'],
      ['RS-101', 90, false, 'Carestream'],
    ]);
    expect(((await read(fixture('generic-patches.csv'))).records as PatchStatus[]).map((p) => [p.device, p.severity, p.status])).toEqual([
      ['FRONTDESK-01', 'critical', 'installed'],
      ['FRONTDESK-02', 'critical', 'missing'],
      ['DC01', 'high', 'pending'],
    ]);
    expect((await read(fixture('risk-acceptances.yaml'))).records as RiskAcceptance[]).toEqual([
      expect.objectContaining({ id: 'RA-2026-001', owner: 'Dana Reyes', accepted: '2026-04-01', expires: '2026-12-31', scope: ['XRAY-01', 'nessus|187315|10.20.0.40|0|tcp'], source: { file: 'risk-acceptances.yaml', line: 3 } }),
    ]);
  });

  it('reads each generic format as JSON lines or a JSON array with the same column names', async () => {
    const lines = tempFile('alerts.jsonl', '{"alert_id":"A-1","time":"2026-07-03T10:00:00Z","rule":"r1","severity":"high","host":"pc1"}\n{"alert_id":"A-2","time":"2026-07-03T11:00:00Z","rule":"r2","severity":"bogus"}\n');
    expect(await read(lines)).toMatchObject({ format: 'generic-alerts-json', rowsRead: 2, accepted: 1, rejected: 1 });
    const array = tempFile('patches.json', JSON.stringify([{ device: 'pc1', patch_id: 'KB1', status: 'installed', installed: '2026-07-02' }]));
    expect(await read(array)).toMatchObject({ format: 'generic-patches-json', rowsRead: 1, accepted: 1, records: [expect.objectContaining({ device: 'pc1', installed: '2026-07-02' })] });
  });

  it('keeps a device\'s IP address when the patch export gives one (as an ip column), and none when the cell is empty', async () => {
    const withIp = tempFile('patches.csv', 'device,ip,patch_id,status\nDC01,10.20.0.5,KB1,installed\nPC1,,KB1,missing\n');
    const records = (await read(withIp)).records as PatchStatus[];
    expect(records.map((p) => [p.device, p.address])).toEqual([['DC01', '10.20.0.5'], ['PC1', undefined]]);
    expect('address' in records[1]!).toBe(false);
  });
});

describe('tickets CSV mapped in client.yaml', () => {
  it('reads a real Jira export through a column mapping, rejecting only the priority it cannot map', async () => {
    const mapping = TicketColumns.parse({ ticket_id: 'key', title: 'summary', priority: 'priority', created: 'created', acknowledged: 'status_category_changed', resolved: 'resolved' });
    const result = await read(realFixture('jira_fivetran_issue.csv'), 'UTC', [mappedTicketsCsv(mapping) as never, ...formats]);
    expect(result).toMatchObject({ format: 'client-mapped-tickets-csv', rowsRead: 4, accepted: 3, rejected: 1 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 3, rule: 'field/invalid-value', field: 'priority', message: 'priority: priority "5" is not one of P1, P2, P3, P4' })]);
    expect((result.records as Ticket[]).map((t) => [t.id, t.priority, t.ownerSide, t.resolved])).toEqual([
      ['TP-8', 'P3', 'msp', '2020-05-29T11:33:53.000Z'],
      ['TCP-1', 'P3', 'msp', '2020-11-28T19:11:45.000Z'],
      ['TP-10', 'P1', 'msp', null],
    ]);
  });
});
