import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeFindings, outputExcerptChars, toFinding } from '../../src/ingest/formats/finding.ts';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence, UnknownFormatError } from '../../src/ingest/read-evidence.ts';
import type { Finding } from '../../src/model/evidence.ts';
import { realFixture, tempFile } from '../support/files.ts';

const read = (name: string) =>
  readEvidence({ path: realFixture(name), file: name, timezone: 'UTC', effective: '2026-03-20' }, formats);

describe('Nessus CSV (real exports)', () => {
  it('reads a Nessus Pro export with every column, merging the rows Nessus writes per CVE', async () => {
    const result = await read('nessus_pro_all_columns.csv');
    expect(result.format).toBe('nessus-csv');
    expect(result).toMatchObject({ rowsRead: 30, accepted: 30, rejected: 0 });
    expect(result.accepted + result.rejected).toBe(result.rowsRead);
    const findings = result.records as Finding[];
    expect(findings.length).toBe(30 - result.duplicates);
    const first = findings[0]!;
    expect(first).toMatchObject({ pluginId: '10107', host: '52.208.101.182', port: 80, protocol: 'tcp', severity: 'info', title: 'HTTP Server Type and Version' });
    expect(first.output).toBe('The remote web server type is :\n\nCowboy');
    expect(first.source).toEqual({ file: 'nessus_pro_all_columns.csv', line: 2 });
    // Rows carry no scan date: the file's effective date stands in.
    expect(first.lastSeen).toBe('2026-03-20T00:00:00.000Z');
    expect(findings.find((f) => f.cves.includes('CVE-2004-2761'))).toMatchObject({ pluginId: '95631', severity: 'info' });
    expect(findings.find((f) => f.pluginId === '104743')).toMatchObject({ severity: 'medium', title: 'TLS Version 1.0 Protocol Detection', port: 443 });
  });

  it('reads a Tenable.sc export, its dates and its padding of empty rows, losing none', async () => {
    const result = await read('tenable-sc_many_vuln.csv');
    expect(result).toMatchObject({ format: 'nessus-csv', rowsRead: 533, accepted: 4, rejected: 529 });
    const findings = result.records as Finding[];
    expect(findings.map((f) => [f.pluginId, f.source.line])).toEqual([['35291', 2], ['51192', 15], ['57582', 29], ['65821', 36]]);
    expect(findings[0]).toMatchObject({ host: '10.1.1.1', port: 443, protocol: 'tcp', severity: 'medium', firstSeen: '2021-01-05T17:24:08.000Z' });
    expect(findings[0]!.output.startsWith('The following certificates')).toBe(true);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'row/blank', line: 46, severity: 'warning', message: expect.stringContaining('529 row(s)') }),
    ]);
  });

  it('refuses an export it has no adapter for, naming its header', async () => {
    await expect(read('jira_fivetran_issue.csv')).rejects.toThrow(UnknownFormatError);
    await expect(read('jira_fivetran_issue.csv')).rejects.toThrow(/id, _fivetran_deleted, _fivetran_synced/);
  });

  it('closes a file it stops reading before its end, with the next buffer being read ahead', async () => {
    // 2.4 MB: more than one read buffer (1 MiB), so a read ahead is under way when the format is refused.
    const big = tempFile('other.csv', `id,name\n${'1,x\n'.repeat(600_000)}`);
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    await expect(readEvidence({ path: big, file: 'other.csv', timezone: 'UTC', effective: '2026-03-20' }, formats)).rejects.toThrow(UnknownFormatError);
    expect(openFiles()).toBe(before);
  });
});

describe('Nessus column sets and syntaxes', () => {
  const readText = (name: string, content: string) =>
    readEvidence({ path: tempFile(name, content), file: name, timezone: 'UTC', effective: '2026-03-20' }, formats);

  it('reads the Tenable Vulnerability Management column set, its dates and its Fixed state', async () => {
    const result = await readText('tvm.csv', 'Asset UUID,Plugin ID,Plugin Name,Severity,IPv4 Address,Port,Protocol,CVE,Output,Solution,First Seen,Last Seen,State\n' +
      'a1,57582,SSL Self-Signed Certificate,Medium,10.0.0.9,443,TCP,,"The following certificate was found",Buy a certificate,2026-01-02T03:04:05Z,2026-03-01T00:00:00Z,Fixed\n');
    expect(result).toMatchObject({ format: 'nessus-csv', rowsRead: 1, accepted: 1 });
    expect(result.records[0]).toMatchObject({ key: 'nessus|57582|10.0.0.9|443|tcp', status: 'fixed', fixedAt: '2026-03-01T00:00:00.000Z', firstSeen: '2026-01-02T03:04:05.000Z' });
  });

  it('gives a finding the same key and fields whether the scan was exported as CSV or as .nessus XML', async () => {
    const csv = await readText('scan.csv', 'Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution,See Also,Plugin Output\n' +
      '104743,,6.1,Medium,web01,tcp,443,TLS Version 1.0 Protocol Detection,s,d,Disable TLS 1.0.,,"TLSv1 is enabled"\n');
    const xml = await readText('scan.nessus', '<?xml version="1.0" ?>\n<NessusClientData_v2><Report name="q3"><ReportHost name="web01"><HostProperties><tag name="HOST_END">Fri Mar 20 00:00:00 2026</tag></HostProperties>\n' +
      '<ReportItem port="443" svc_name="www" protocol="tcp" severity="2" pluginID="104743" pluginName="TLS Version 1.0 Protocol Detection" pluginFamily="Service detection"><solution>Disable TLS 1.0.</solution><plugin_output>TLSv1 is enabled</plugin_output></ReportItem></ReportHost></Report></NessusClientData_v2>\n');
    const strip = ({ source: _source, ...finding }: Finding) => finding;
    expect(xml.format).toBe('nessus-xml');
    expect(strip(xml.records[0] as Finding)).toEqual(strip(csv.records[0] as Finding));
  });
});

describe('scanner output held as a bounded excerpt', () => {
  const header = 'Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution,See Also,Plugin Output\n';
  const certificates = Array.from({ length: 40 }, (_, i) => `Subject : CN=host${i}.example.com, O="Acme, Inc."`).join('\n');
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const readRows = (rows: string[]) =>
    readEvidence({ path: tempFile('scan.csv', header + rows.join('\n')), file: 'scan.csv', timezone: 'UTC', effective: '2026-03-20' }, formats);

  it('keeps the first characters of a long output and counts the whole, which stays in the export at the source line', async () => {
    const result = await readRows([`51192,,6.4,Medium,web01,tcp,443,SSL Certificate Cannot Be Trusted,s,d,Buy a certificate.,,${quoted(certificates)}`]);
    const [finding] = result.records as Finding[];
    expect(finding!.output).toBe(certificates.slice(0, outputExcerptChars));
    expect(finding!.outputChars).toBe(certificates.length);
    expect(finding!.source).toEqual({ file: 'scan.csv', line: 2 });
    expect(JSON.parse(JSON.stringify((await readRows(['10107,,,None,web01,tcp,80,HTTP Server Type,s,d,n/a,,Cowboy'])).records[0]))).not.toHaveProperty('outputChars');
  });

  it('merges the rows Nessus writes per CVE into one finding with every CVE and the output once', async () => {
    const row = (cve: string) => `97833,${cve},8.1,High,web01,tcp,445,MS17-010,s,d,Apply MS17-010.,,${quoted(certificates)}`;
    const result = await readRows([row('CVE-2017-0143'), row('CVE-2017-0144'), row('CVE-2017-0145')]);
    expect(result).toMatchObject({ rowsRead: 3, accepted: 3, duplicates: 2 });
    expect(result.records).toEqual([expect.objectContaining({ cves: ['CVE-2017-0143', 'CVE-2017-0144', 'CVE-2017-0145'], output: certificates.slice(0, outputExcerptChars), outputChars: certificates.length })]);
  });

  it('appends a different output of a merged row as far as the excerpt reaches, and counts it', () => {
    const context = { source: { file: 'a.json', line: 1 }, timezone: 'UTC', effective: '2026-03-20' };
    const fields = { pluginId: 'CVE-2024-1', host: 'db01', port: 0, protocol: 'tcp', title: 't', severity: 'high' as const, cves: ['CVE-2024-1'], solution: '', firstSeen: null, lastSeen: null };
    const short = mergeFindings(toFinding('wazuh', { ...fields, output: 'openssl 3.0.1' }, context), toFinding('wazuh', { ...fields, output: 'libssl 3.0.1' }, context));
    expect(short).toMatchObject({ output: 'openssl 3.0.1\nlibssl 3.0.1', outputChars: undefined });
    const long = mergeFindings(toFinding('wazuh', { ...fields, output: certificates }, context), toFinding('wazuh', { ...fields, output: 'libssl 3.0.1' }, context));
    expect(long).toMatchObject({ output: certificates.slice(0, outputExcerptChars), outputChars: certificates.length + 1 + 'libssl 3.0.1'.length });
  });

  it('never cuts a character written as a surrogate pair in half', () => {
    const context = { source: { file: 'a.csv', line: 2 }, timezone: 'UTC', effective: '2026-03-20' };
    const output = `${'a'.repeat(outputExcerptChars - 1)}😀 and more`;
    const finding = toFinding('nessus', { pluginId: '1', host: 'h', port: 0, protocol: '', title: 't', severity: 'info', cves: [], output, solution: '', firstSeen: null, lastSeen: null }, context);
    expect(finding.output).toBe('a'.repeat(outputExcerptChars - 1));
    expect(finding.outputChars).toBe(output.length);
  });
});
