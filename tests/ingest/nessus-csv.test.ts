import { describe, expect, it } from 'vitest';
import { csvFormats } from '../../src/ingest/formats/index.ts';
import { readCsvEvidence, UnknownFormatError } from '../../src/ingest/read-csv-evidence.ts';
import type { Finding } from '../../src/model/evidence.ts';
import { realFixture } from '../support/files.ts';

const read = (name: string) =>
  readCsvEvidence({ path: realFixture(name), file: name, timezone: 'UTC', effective: '2026-03-20' }, csvFormats as never);

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

  it('refuses a scanner export it has no adapter for, naming its header', async () => {
    await expect(read('openvas_many_vuln.csv')).rejects.toThrow(UnknownFormatError);
    await expect(read('openvas_many_vuln.csv')).rejects.toThrow(/IP, Hostname, Port/);
  });
});
