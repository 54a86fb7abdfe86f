import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import { tempFile } from '../support/files.ts';

const headers: Record<string, string[]> = {
  'generic-findings-csv': ['scanner', 'plugin_id', 'host', 'port', 'protocol', 'severity', 'title', 'first_seen', 'last_seen', 'status', 'cve', 'output'],
  'generic-tickets-csv': ['ticket_id', 'title', 'priority', 'created', 'acknowledged', 'resolved', 'owner_side', 'assignee'],
  'nessus-csv': ['Plugin ID', 'CVE', 'CVSS', 'Risk', 'Host', 'Protocol', 'Port', 'Name', 'Synopsis', 'Description', 'Solution', 'See Also', 'Plugin Output'],
  'qualys-csv': ['IP', 'DNS', 'QID', 'Title', 'Vuln Status', 'Severity', 'Port', 'Protocol', 'First Detected', 'Last Detected', 'CVE ID', 'Solution'],
  'openvas-csv': ['IP', 'Hostname', 'Port', 'Port Protocol', 'CVSS', 'Severity', 'NVT Name', 'Specific Result', 'NVT OID', 'CVEs', 'Timestamp'],
};

/** Cells that look like what exports hold, plus the characters that break naive parsers. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ' ', ',', '"', '\n', '\r\n', ';', '=', '<', 'é', '€', '\u0000', '/', ':', '-') }),
  fc.constantFrom('', 'P1', 'High', 'critical', 'msp', '443', 'tcp', '2026-07-01 09:00', '05/13/2021 07:08:28', 'Jan 5, 2021 10:24:08 MST', '10107', 'CVE-2024-1'),
);
const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

const read = (content: string) => readEvidence({ path: tempFile('p.csv', content), file: 'p.csv', timezone: 'America/New_York', effective: '2026-09-30' }, formats);

describe('property: random rows never crash an adapter and every row is accounted for', () => {
  it.each(Object.keys(headers))('%s, well-quoted random rows: rowsRead = non-blank rows written = accepted + rejected', async (id) => {
    const columns = headers[id]!;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: columns.length - 1, maxLength: columns.length + 1 }), { maxLength: 12 }), async (rows) => {
        const content = [columns.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n');
        const result = await read(content);
        expect(result.format).toBe(id);
        expect(result.accepted + result.rejected).toBe(result.rowsRead);
        // A row of one empty cell is a blank line, which is no row at all.
        expect(result.rowsRead).toBe(rows.filter((r) => !(r.length === 1 && r[0] === '')).length);
        expect(result.records.length).toBe(result.accepted - result.duplicates);
      }),
      { numRuns: 60 },
    );
  });

  it('raw, unquoted random text after a header never crashes and keeps the account, agreeing with papaparse on the row count when there are no quotes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 12 }), async (rows) => {
        const content = [headers['nessus-csv']!.join(','), ...rows.map((r) => r.join(','))].join('\n');
        const result = await read(content);
        expect(result.accepted + result.rejected).toBe(result.rowsRead);
        // Without quotes there is no room for the two parsers' different leniency on stray quotes.
        if (!content.includes('"')) expect(result.rowsRead).toBe(Papa.parse(content.replace(/\r\n/g, '\n'), { skipEmptyLines: true }).data.length - 1);
      }),
      { numRuns: 150 },
    );
  });
});
