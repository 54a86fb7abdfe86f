import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import type { Finding, RaciEntry, Ticket } from '../../src/model/evidence.ts';
import { tempFile } from '../support/files.ts';

const read = (content: string, timezone = 'America/New_York') =>
  readEvidence({ path: tempFile('drop.csv', content), file: 'acme/2026-Q3/drop.csv', timezone, effective: '2026-09-20' }, formats);

const ticketHeader = 'ticket_id,title,priority,created,acknowledged,resolved,owner_side,assignee\n';

describe('generic tickets CSV', () => {
  it('accepts valid rows and reads local times in the client time zone', async () => {
    const result = await read(`${ticketHeader}T-1,"Printer, 2nd floor",P3,2026-07-01 09:00,2026-07-01 09:30,,msp,sam\n`);
    expect(result).toMatchObject({ format: 'generic-tickets-csv', rowsRead: 1, accepted: 1, rejected: 0 });
    expect(result.records[0] as Ticket).toMatchObject({ id: 'T-1', title: 'Printer, 2nd floor', created: '2026-07-01T13:00:00.000Z', acknowledged: '2026-07-01T13:30:00.000Z', resolved: null, ownerSide: 'msp' });
  });

  it('rejects each bad row with file, line, column, field, rule and hint, and keeps the good ones', async () => {
    const result = await read(
      ticketHeader +
        'T-1,ok,P1,2026-07-01 09:00,2026-07-01 09:10,2026-07-01 10:00,msp,a\n' +
        'T-2,bad priority,P9,2026-07-01 09:00,,,msp,a\n' +
        'T-3,bad date,P2,2026-13-45 10:00,,,internal,b\n' +
        'T-4,ack before created,P2,2026-07-02 09:00,2026-07-01 09:00,,msp,c\n' +
        'T-5,short row,P2\n',
    );
    expect(result).toMatchObject({ rowsRead: 5, accepted: 1, rejected: 4 });
    expect(result.diagnostics.map((d) => [d.line, d.column, d.field, d.rule])).toEqual([
      [3, 3, 'priority', 'field/invalid-value'],
      [4, 4, 'created', 'field/invalid-date'],
      [5, 5, 'acknowledged', 'ticket/time-order'],
      [6, null, null, 'csv/column-count'],
    ]);
    expect(result.diagnostics[0]).toMatchObject({ file: 'acme/2026-Q3/drop.csv', message: 'priority: priority "P9" is not one of P1, P2, P3, P4', hint: expect.any(String) });
  });

  it('rejects every row of a file missing a required column, with one message naming it', async () => {
    const result = await read('ticket_id,title,priority,created,acknowledged,resolved\nT-1,x,P1,2026-07-01 09:00,,\nT-2,y,P2,2026-07-01 09:00,,\n');
    expect(result).toMatchObject({ rowsRead: 2, accepted: 0, rejected: 2 });
    expect(result.diagnostics[0]).toMatchObject({ rule: 'csv/missing-column', line: 1, field: 'owner_side' });
  });

  it('counts a ticket listed twice once, with a warning', async () => {
    const row = 'T-1,x,P4,2026-07-01 09:00,,,msp,a\n';
    const result = await read(ticketHeader + row + row);
    expect(result).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, duplicates: 1 });
    expect(result.records).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'row/duplicate', line: 3, severity: 'warning' });
  });

  it('reports an empty file instead of failing', async () => {
    const result = await read('');
    expect(result).toMatchObject({ rowsRead: 0, accepted: 0, rejected: 0 });
    expect(result.diagnostics[0]?.rule).toBe('file/empty');
  });
});

describe('generic findings CSV', () => {
  it('normalises findings and keys them by scanner, plugin, host, port and protocol', async () => {
    const result = await read(
      'scanner,plugin_id,host,port,protocol,severity,title,first_seen,last_seen,status,cve,output\n' +
        'asm,TLS-10,web.example,443,TCP,High,TLS 1.0 enabled,2026-05-01T00:00:00Z,2026-09-18T00:00:00Z,open,CVE-2011-3389,"<b>tls</b>"\n' +
        'asm,X-1,web.example,,,info,Banner,,,fixed,,\n' +
        'asm,X-2,web.example,http,tcp,severe,Bad,,,open,,\n',
    );
    expect(result).toMatchObject({ format: 'generic-findings-csv', rowsRead: 3, accepted: 2, rejected: 1 });
    const [tls, banner] = result.records as Finding[];
    expect(tls).toMatchObject({ key: 'asm|TLS-10|web.example|443|tcp', severity: 'high', cves: ['CVE-2011-3389'], output: '<b>tls</b>', firstSeen: '2026-05-01T00:00:00.000Z' });
    expect(banner).toMatchObject({ port: 0, status: 'fixed', lastSeen: '2026-09-20T00:00:00.000Z', fixedAt: '2026-09-20T00:00:00.000Z' });
    expect(result.diagnostics.map((d) => [d.line, d.field, d.rule])).toEqual([[4, 'port', 'field/invalid-number'], [4, 'severity', 'field/invalid-value']]);
  });
});

describe('RACI CSV', () => {
  it('requires exactly one Accountable per task', async () => {
    const result = await read(
      'task,controls,responsible,accountable,consulted,informed\n' +
        'Patching,164.308(a)(5)(ii)(B);8.4.2,msp,internal,,internal\n' +
        'Backups,,msp,msp;internal,,\n' +
        'Training,,internal,,,\n',
    );
    expect(result).toMatchObject({ format: 'raci-csv', rowsRead: 3, accepted: 1, rejected: 2 });
    expect(result.records[0] as RaciEntry).toMatchObject({ task: 'Patching', controls: ['164.308(a)(5)(ii)(B)', '8.4.2'], responsible: ['msp'], accountable: 'internal', informed: ['internal'] });
    expect(result.diagnostics.map((d) => [d.line, d.field, d.rule])).toEqual([[3, 'accountable', 'raci/accountable'], [4, 'accountable', 'raci/accountable']]);
  });
});
