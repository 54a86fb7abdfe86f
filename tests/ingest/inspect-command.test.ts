import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { realFixture, tempFile } from '../support/files.ts';

async function inspect(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WriteStream,
    env: {},
    cwd: process.cwd(),
  };
  const code = await runCli(['inspect', ...args], io);
  return { code, stdout, stderr };
}

const tickets = tempFile('t.csv', 'ticket_id,title,priority,created,acknowledged,resolved,owner_side,assignee\nT-1,ok,P1,2026-07-01 09:00,,,msp,a\nT-2,bad,P9,2026-07-01 09:00,,,msp,a\n');

describe('proofbook inspect', () => {
  it('prints one JSON object per file with the counts and every diagnostic, exit 0 when rows are rejected', async () => {
    const { code, stdout } = await inspect('--json', realFixture('qualys_sample_report.csv'), tickets);
    expect(code).toBe(0);
    const reports = JSON.parse(stdout);
    expect(reports).toEqual([
      { file: realFixture('qualys_sample_report.csv'), kind: 'findings', format: 'qualys-csv', rowsRead: 6, accepted: 6, rejected: 0, duplicates: 0, diagnostics: [] },
      {
        file: tickets, kind: 'tickets', format: 'generic-tickets-csv', rowsRead: 2, accepted: 1, rejected: 1, duplicates: 0,
        diagnostics: [{ line: 3, column: 3, rule: 'field/invalid-value', severity: 'error', message: 'priority: priority "P9" is not one of P1, P2, P3, P4', hint: expect.any(String) }],
      },
    ]);
    expect(Object.keys(reports[0])).toEqual(['file', 'kind', 'format', 'rowsRead', 'accepted', 'rejected', 'duplicates', 'diagnostics']);
  });

  it('summarises for a person by default', async () => {
    const { code, stdout } = await inspect(tickets);
    expect(code).toBe(0);
    expect(stdout).toContain(`${tickets}: generic-tickets-csv (tickets) — 2 rows read = 1 accepted + 1 rejected`);
    expect(stdout).toContain(`error ${tickets}:3:3 field/invalid-value: priority: priority "P9"`);
    expect(stdout).toMatch(/hint: Use one of the values/);
  });

  it('exits 1 for a file of no known format, listing the supported formats and how to map a generic CSV', async () => {
    const { code, stdout, stderr } = await inspect(realFixture('jira_fivetran_issue.csv'), tickets);
    expect(code).toBe(1);
    expect(stdout).toContain('jira_fivetran_issue.csv: not read');
    expect(stdout).toMatch(/file\/unknown-format: the header row \(id, _fivetran_deleted/);
    expect(stdout).toMatch(/Supported formats: generic-findings-csv \(findings, CSV\), .*nessus-xml \(findings, XML\)/);
    expect(stdout).toMatch(/rename its header row to the columns of the generic CSV of its kind/);
    expect(stderr).toMatch(/1 of 2 file\(s\) could not be read/);
  });

  it('exits 1 for a file that does not exist or is binary', async () => {
    expect((await inspect('no-such-file.csv')).code).toBe(1);
    const binary = await inspect('--json', tempFile('x.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])));
    expect(binary.code).toBe(1);
    expect(JSON.parse(binary.stdout)[0].diagnostics[0]).toMatchObject({ rule: 'file/unreadable', message: expect.stringMatching(/binary/) });
  });

  it('honours --kind and --format over what the content suggests', async () => {
    const restricted = await inspect('--json', '--kind', 'tickets', realFixture('qualys_sample_report.csv'));
    expect(restricted.code).toBe(1);
    const forced = await inspect('--json', '--format', 'generic-findings-csv', tickets);
    expect(forced.code).toBe(0);
    const report = JSON.parse(forced.stdout)[0];
    expect(report).toMatchObject({ format: 'generic-findings-csv', rowsRead: 2, accepted: 0, rejected: 2 });
    expect(report.diagnostics.map((d: { message: string }) => d.message)).toEqual([
      'required column "plugin_id" is not in the header row',
      'required column "host" is not in the header row',
      'required column "severity" is not in the header row',
      'all 2 rows of the file were rejected because of the header problem above',
    ]);
  });

  it('exits 2 for usage mistakes', async () => {
    expect((await inspect()).code).toBe(2);
    expect((await inspect('--kind', 'nope', tickets)).code).toBe(2);
    const format = await inspect('--format', 'nope', tickets);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Use one of: generic-findings-csv/);
  });
});
