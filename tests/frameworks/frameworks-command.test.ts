import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';

async function proofbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) });
  const code = await runCli(argv, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)) as unknown as NodeJS.WriteStream,
    env: {},
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('proofbook frameworks', () => {
  it('--json prints an array of {id, title, version, controls: [{id, title, citation}]} and nothing else', async () => {
    const { code, stdout } = await proofbook('frameworks', '--json');
    expect(code).toBe(0);
    const catalogs = JSON.parse(stdout) as { id: string; title: string; version: string; controls: { id: string; title: string; citation: string }[] }[];
    // NYDFS 147: 500.12(a)(1)-(3), the MFA minimum for entities with a limited exemption, are listed (see catalogs.test.ts).
    expect(catalogs.map((c) => [c.id, c.controls.length])).toEqual([['hipaa', 73], ['pci-dss-4.0.1', 340], ['nydfs-500', 147], ['ftc-safeguards', 44]]);
    for (const catalog of catalogs) {
      expect(Object.keys(catalog)).toEqual(['id', 'title', 'version', 'controls']);
      for (const control of catalog.controls) expect(Object.keys(control)).toEqual(['id', 'title', 'citation']);
    }
    expect(catalogs[1]!.controls.find((c) => c.id === '8.4.2')).toEqual({ id: '8.4.2', title: 'MFA for all non-console access into the CDE', citation: 'PCI DSS v4.0.1 Requirement 8.4.2' });
  });

  it('lists every control for a person, indented under its parent, with its marks', async () => {
    const { code, stdout } = await proofbook('frameworks');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^HIPAA Security Rule — .*\(hipaa, 73 controls\)$/);
    expect(lines).toContain('      164.308(a)(1)(ii)(A)  Risk analysis of threats to ePHI  [required; owner: shared]');
    expect(lines).toContain('      8.4.2  MFA for all non-console access into the CDE  [since 31 March 2025]');
    expect(lines.filter((line) => /^\S/.test(line)).map((line) => line.split(' — ')[0])).toEqual(['HIPAA Security Rule', 'PCI DSS', 'NYDFS Cybersecurity Regulation', 'FTC Safeguards Rule']);
  });

  it('fails with the place of the problem when a catalog is broken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proofbook-frameworks-'));
    writeFileSync(path.join(dir, 'hipaa.yaml'), 'framework: hipaa\ntitle: x\nversion: x\nsource: { citation: x }\ncite_as: "{id}"\ncontrols:\n  - { id: 164.31, kind: section, title: x }\n');
    const { code, stderr } = await proofbook('frameworks', '--catalogs', dir);
    expect(code).toBe(1);
    expect(stderr).toContain('hipaa.yaml:7:11: controls.0.id: a control id is text: write it in quotes');
    expect(stderr).toContain('hint: ');
  });
});
