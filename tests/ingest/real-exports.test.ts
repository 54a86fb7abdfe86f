import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import type { Finding } from '../../src/model/evidence.ts';
import { expectGolden } from '../support/golden.ts';
import { realFixture } from '../support/files.ts';

const read = (name: string) => readEvidence({ path: realFixture(name), file: name, timezone: 'UTC', effective: '2026-03-31' }, formats);

/** Records each file holds, counted independently of Proofbook's readers. */
const csvDataRows = (name: string, preamble = 0) => Papa.parse(readFileSync(realFixture(name), 'utf8'), { skipEmptyLines: true }).data.length - 1 - preamble;
const occurrences = (name: string, pattern: RegExp) => readFileSync(realFixture(name), 'utf8').match(pattern)?.length ?? 0;

// [file, format, records the file holds, rejections the file deserves]
const vulnerabilityExports: Array<[string, string, () => number, number]> = [
  ['nessus_pro_all_columns.csv', 'nessus-csv', () => csvDataRows('nessus_pro_all_columns.csv'), 0],
  // 529 rows of Tenable.sc's padding have every field empty: rejected as blank, with one warning.
  ['tenable-sc_many_vuln.csv', 'nessus-csv', () => csvDataRows('tenable-sc_many_vuln.csv'), 529],
  ['nessus_v2_many_vuln.xml', 'nessus-xml', () => occurrences('nessus_v2_many_vuln.xml', /<ReportItem /g), 0],
  ['openvas_many_vuln.csv', 'openvas-csv', () => csvDataRows('openvas_many_vuln.csv'), 0],
  ['openvas_report_many_vuln.xml', 'openvas-xml', () => occurrences('openvas_report_many_vuln.xml', /<result id=/g), 0],
  ['qualys_sample_report.csv', 'qualys-csv', () => csvDataRows('qualys_sample_report.csv'), 0],
  ['wazuh_4.8_indexer_vuln_hits.json', 'wazuh-vulnerabilities-json', () => JSON.parse(readFileSync(realFixture('wazuh_4.8_indexer_vuln_hits.json'), 'utf8')).hits.hits.length, 0],
];

describe('real vulnerability exports', () => {
  it.each(vulnerabilityExports)('%s is read as %s, every record it holds counted, none rejected undeservedly', async (name, format, holds, deserved) => {
    const result = await read(name);
    expect(result.format).toBe(format);
    expect(result.rowsRead).toBe(holds());
    expect(result.rejected).toBe(deserved);
    expect(result.accepted + result.rejected).toBe(result.rowsRead);
    expect(result.records).toHaveLength(result.accepted - result.duplicates);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const findings = result.records as Finding[];
    for (const f of findings) expect(f.key).toBe([f.scanner, f.pluginId, f.host.toLowerCase(), f.port, f.protocol].join('|'));
    expectGolden(name, { account: { rowsRead: result.rowsRead, accepted: result.accepted, rejected: result.rejected, duplicates: result.duplicates }, findings });
  });

  it('gives the same findings, keys and order when the same file is imported again', async () => {
    for (const [name] of vulnerabilityExports) expect(await read(name)).toEqual(await read(name));
  });

  it('reads a Qualys report with its preamble above the header, as Qualys writes it', async () => {
    const preamble = '"Scan Results","Acme MSP"\n"Report generated","05/26/2021 08:00:00"\n\n"Asset Groups","All"\n';
    const body = readFileSync(realFixture('qualys_sample_report.csv'), 'utf8');
    const { tempFile } = await import('../support/files.ts');
    const file = tempFile('qualys.csv', preamble + body);
    const result = await readEvidence({ path: file, file: 'qualys.csv', timezone: 'UTC', effective: '2026-03-31' }, formats);
    expect(result).toMatchObject({ format: 'qualys-csv', headerLine: 5, rowsRead: 6, accepted: 6, rejected: 0 });
    expect((result.records as Finding[])[0]).toMatchObject({ pluginId: '105971', host: '10.98.57.180', severity: 'critical', firstSeen: '2021-05-13T07:08:28.000Z', source: { line: 6 } });
  });
});

describe('real exports Proofbook has no adapter for', () => {
  it.each([
    ['redhat_satellite_errata.json', /first JSON record \(keys: total, subtotal, selectable/],
    ['servicenow_fivetran_user_has_role.csv', /header row \(sys_id, _fivetran_deleted/],
    ['zendesk_fivetran_ticket_data.csv', /header row \(id, _fivetran_synced, allow_channelback/],
  ])('%s is refused as of no known format, naming what was seen', async (name, seen) => {
    await expect(read(name)).rejects.toThrow(seen);
  });
});
