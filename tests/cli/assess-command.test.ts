import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';

const root = path.join(import.meta.dirname, '..', '..');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WriteStream,
    env: { SOURCE_DATE_EPOCH: '1790000000' },
    cwd: root,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('proofbook assess', () => {
  it('prints every in-scope control with its status, rule, evidence and RACI sides as JSON', async () => {
    const result = await cli(['assess', '--client', 'smile-dental', '--period', '2026-Q3', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { client: string; period: string; frameworks: { id: string; total: number }[]; controls: { id: string; status: string; rule: { id: string } | null; evidence: unknown[] }[] };
    expect(parsed).toMatchObject({ client: 'smile-dental', period: '2026-Q3', frameworks: [{ id: 'hipaa' }] });
    expect(parsed.controls).toHaveLength(parsed.frameworks[0]!.total);
    const analysis = parsed.controls.find((c) => c.id === '164.308(a)(1)(ii)(B)')!;
    expect(analysis).toMatchObject({ status: 'partial', rule: { id: 'vulnerability-scans-remediated' } });
    expect(analysis.evidence.length).toBeGreaterThan(0);
    expect(parsed.controls.find((c) => c.id === '164.308(a)(4)(ii)(A)')).toMatchObject({ status: 'not-applicable', rule: null });
    expect(parsed.controls.filter((c) => c.status === 'satisfied' && c.rule === null)).toEqual([]);
  });

  it('writes a readable list by default', async () => {
    const result = await cli(['assess', '--client', 'hudson-brokerage', '--period', '2026-Q3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NYDFS 23 NYCRR 500 .*: \d+ controls — \d+ satisfied, \d+ partial/m);
    expect(result.stdout).toMatch(/PARTIAL +500\.5\(a\)\(2\) /);
    expect(result.stdout).toMatch(/N\/A +A2\.1\.1 /);
  });

  it('names the periods a client has when asked for another, exit 1', async () => {
    const result = await cli(['assess', '--client', 'ledger-cpa', '--period', '2025-Q1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ledger-cpa has no data for 2025-Q1');
    expect(result.stderr).toContain('Periods of ledger-cpa: 2026-Q2, 2026-Q3.');
  });

  it('is a usage error without --period, exit 2', async () => {
    expect((await cli(['assess', '--client', 'ledger-cpa'])).code).toBe(2);
  });
});
