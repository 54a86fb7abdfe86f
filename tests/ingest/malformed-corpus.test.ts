import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/ingest/csv-records.ts';
import { DecodeError } from '../../src/ingest/decode.ts';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence, UnknownFormatError } from '../../src/ingest/read-evidence.ts';
import type { Finding, Ticket } from '../../src/model/evidence.ts';
import { tempFile } from '../support/files.ts';

const read = (content: string | Uint8Array, options: { maxRecordChars?: number } = {}) =>
  readEvidence({ path: tempFile('input', content), file: 'acme/2026-Q3/input', timezone: 'UTC', effective: '2026-09-30', ...options }, formats);

const tickets = 'ticket_id,title,priority,created,acknowledged,resolved,owner_side,assignee\n';
const ok = 'T-1,Printer,P3,2026-07-01 09:00,2026-07-01 09:30,,msp,sam\n';
const findings = 'scanner,plugin_id,host,port,protocol,severity,title,first_seen,last_seen,status,cve,output\n';

/** Each malformed input: what is read, what is rejected, and which diagnostic says so where. */
describe('malformed inputs give the expected diagnostic and never crash', () => {
  it('truncated quote: the cut record is rejected at the line it starts on', async () => {
    const result = await read(`${tickets}${ok}T-2,"never closed,P1,2026-07-01 09:00,,,msp,a\nT-3,x,P1,2026-07-01 09:00,,,msp,a\n`);
    expect(result).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'csv/malformed', line: 3, column: null, message: expect.stringMatching(/not closed/) })]);
  });

  it('wrong column count', async () => {
    const result = await read(`${tickets}${ok}T-2,extra,P1,2026-07-01 09:00,,,msp,a,surplus\nT-3,short\n`);
    expect(result).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(result.diagnostics.map((d) => [d.line, d.rule, d.message])).toEqual([
      [3, 'csv/column-count', 'the row has 9 fields, the header has 8'],
      [4, 'csv/column-count', 'the row has 2 fields, the header has 8'],
    ]);
  });

  it('bad dates, with the column and header of each', async () => {
    const result = await read(`${tickets}T-1,x,P1,31/07/2026 09:00,2026-02-30 10:00,,msp,a\n`);
    expect(result).toMatchObject({ rowsRead: 1, accepted: 0, rejected: 1 });
    expect(result.diagnostics.map((d) => [d.line, d.column, d.field, d.rule])).toEqual([
      [2, 4, 'created', 'field/invalid-date'],
      [2, 5, 'acknowledged', 'field/invalid-date'],
    ]);
  });

  it('binary garbage: NUL bytes are refused as not text; high bytes read as Windows-1252 are of no known format', async () => {
    await expect(read(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xed, 0x9d]))).rejects.toThrow(DecodeError);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    await expect(read(noise)).rejects.toThrow(UnknownFormatError);
  });

  it('an over-long record is rejected with a diagnostic and the rows after it are read', async () => {
    const result = await read(`${tickets}T-1,"${'x'.repeat(5000)}",P1,2026-07-01 09:00,,,msp,a\n${ok}`, { maxRecordChars: 1000 });
    expect(result).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'csv/malformed', line: 2, message: expect.stringMatching(/longer than 1000 characters/) })]);
  });

  it('a 2 GB line streams through in bounded memory: one broken record, then the next row', async () => {
    const chunk = 'y'.repeat(1 << 20);
    async function* twoGigabyteLine() {
      yield 'a,b\n1,2\n';
      for (let i = 0; i < 2048; i++) yield chunk;
      yield '\n3,4\n';
    }
    const before = process.memoryUsage().rss;
    const got = [];
    for await (const batch of csvRecords(twoGigabyteLine())) for (const record of batch) got.push('broken' in record ? { line: record.line, broken: true } : record);
    expect(got).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }, { line: 3, broken: true }, { line: 4, fields: ['3', '4'] }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 60_000);

  it('an empty file and a header-only file', async () => {
    const empty = await read('');
    expect(empty).toMatchObject({ rowsRead: 0, accepted: 0, rejected: 0 });
    expect(empty.diagnostics).toEqual([expect.objectContaining({ rule: 'file/empty', severity: 'error' })]);
    const headerOnly = await read(tickets);
    expect(headerOnly).toMatchObject({ format: 'generic-tickets-csv', rowsRead: 0, accepted: 0, rejected: 0 });
    expect(headerOnly.diagnostics).toEqual([expect.objectContaining({ rule: 'file/empty', severity: 'warning', line: 1, message: 'the file has a header row but no records' })]);
  });

  it('a UTF-16 file with a BOM, as Excel\'s "Unicode text" writes it', async () => {
    const text = `${tickets}T-1,Café réseau,P3,2026-07-01 09:00,,,msp,Zoë\r\n`;
    const result = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(result).toMatchObject({ encoding: 'utf-16le', rowsRead: 1, accepted: 1 });
    expect(result.records[0]).toMatchObject({ title: 'Café réseau', assignee: 'Zoë' });
  });

  it('a Windows-1252 file (Excel "CSV") is read with its characters and a warning', async () => {
    const bytes = Buffer.concat([Buffer.from(`${tickets}T-1,`), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), Buffer.from(',P3,2026-07-01 09:00,,,msp,a\r\n')]);
    const result = await read(bytes);
    expect(result).toMatchObject({ encoding: 'windows-1252', rowsRead: 1, accepted: 1 });
    expect((result.records[0] as Ticket).title).toBe('“Café”');
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'file/legacy-encoding', severity: 'warning' })]);
  });

  it('duplicate, missing and extra columns', async () => {
    const duplicate = await read(`ticket_id,ticket_id,title,priority,created,acknowledged,resolved,owner_side\nT-1,T-2,x,P1,2026-07-01 09:00,,,msp\n`);
    expect(duplicate).toMatchObject({ rowsRead: 1, accepted: 0, rejected: 1 });
    expect(duplicate.diagnostics[0]).toMatchObject({ rule: 'csv/duplicate-column', line: 1, column: 2, field: 'ticket_id' });
    const missing = await read(`ticket_id,title,priority,created,acknowledged,resolved\nT-1,x,P1,2026-07-01 09:00,,\n`);
    expect(missing.diagnostics[0]).toMatchObject({ rule: 'csv/missing-column', field: 'owner_side' });
    const extra = await read(`ticket_id,Board,title,priority,created,acknowledged,resolved,owner_side,assignee,Notes\nT-1,Help desk,x,P1,2026-07-01 09:00,,,msp,a,n\n`);
    expect(extra).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, diagnostics: [] });
  });

  it('formula-prefixed cells are kept as text, with one warning for the file', async () => {
    const result = await read(`${findings}asm,F-1,web,443,tcp,high,=HYPERLINK("http://evil/"),,,open,,@SUM(A1:A9)\nasm,F-2,web,443,tcp,low,"-cmd|' /C calc'!A0",,,open,,+IMPORTXML(A1)\nasm,F-3,web,22,tcp,low,- bullet text,,,open,,-1\n`);
    expect(result).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0 });
    expect((result.records as Finding[]).map((f) => [f.title, f.output])).toEqual([
      ['=HYPERLINK("http://evil/")', '@SUM(A1:A9)'],
      ["-cmd|' /C calc'!A0", '+IMPORTXML(A1)'],
      ['- bullet text', '-1'],
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'field/formula', severity: 'warning', line: 2, message: expect.stringMatching(/^2 row\(s\)/) })]);
  });

  it('HTML in every text field is kept verbatim as text (escaping is the renderers\' job)', async () => {
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const q = `"${html}"`;
    const result = await read(`${findings}${q},${q},${q},443,tcp,high,${q},,,open,,${q}\n`);
    expect(result).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, diagnostics: [] });
    expect(result.records[0]).toMatchObject({ scanner: html, pluginId: html, host: html, title: html, output: html });
  });

  it('a truncated XML report keeps the records before the cut and rejects the cut one', async () => {
    const result = await read('<?xml version="1.0"?>\n<NessusClientData_v2><Report><ReportHost name="h1">\n<ReportItem port="0" protocol="tcp" severity="2" pluginID="1" pluginName="A"></ReportItem>\n<ReportItem port="80" protocol="tcp" severity="3" pluginID="2" pluginName="B"><plugin_output>cut here');
    expect(result).toMatchObject({ format: 'nessus-xml', rowsRead: 2, accepted: 1, rejected: 1 });
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'xml/malformed', line: 4, message: expect.stringMatching(/cut off/) })]);
  });

  it('a JSON lines file with a line that is not JSON rejects that line only', async () => {
    const alert = (id: string) => JSON.stringify({ _source: { vulnerability: { id, severity: 'High' }, agent: { name: 'pc1' } } });
    const result = await read(`{"hits":{"hits":[${alert('CVE-1')},\n{"_source": {"vulnerability": {"id": "CVE-2", "severity": "Bogus"}, "agent": {"name": "pc1"}}},\n42]}}`);
    expect(result).toMatchObject({ format: 'wazuh-vulnerabilities-json', rowsRead: 3, accepted: 1, rejected: 2 });
    expect(result.diagnostics.map((d) => [d.line, d.rule])).toEqual([[2, 'field/invalid-value'], [3, 'json/malformed']]);
  });
});
