import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';

/**
 * The whole pipeline on a copy of the example drop, with a marker planted in one client's tickets
 * and a script payload in another client's scan: build, look inside the outputs, verify, tamper.
 */
const marker = 'PLANTED-MARKER-4f9c2e';
const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const root = mkdtempSync(path.join(tmpdir(), 'proofbook-e2e-'));
const data = path.join(root, 'data');
const out = path.join(root, 'dist');
const work = path.join(root, 'work');

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as NodeJS.WriteStream,
    env: { SOURCE_DATE_EPOCH: '1790000000' },
    cwd: root,
  };
  return runCli(args, io).then((code) => ({ code, stdout, stderr }));
}

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

/** What a reader of the file sees: extracted text for PDFs, the bytes as text otherwise. */
const readable = (file: string): string => (file.endsWith('.pdf') ? execFileSync('pdftotext', ['-layout', file, '-']).toString() : readFileSync(file, 'latin1'));

const clients = ['hudson-brokerage', 'ledger-cpa', 'smile-dental'];
const periods = ['2026-Q2', '2026-Q3'];
let build: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  cpSync(path.join(import.meta.dirname, '..', '..', 'data'), data, { recursive: true });
  // Acknowledged after 48 h against a 24 h target: a breach, so the portal and packet list it.
  appendFileSync(path.join(data, 'smile-dental', '2026-Q3', 'tickets.csv'), `MKR-1,${marker} workstation rebuild,P4,2026-08-03 10:00,2026-08-05 10:00,2026-08-06 10:00,msp,alex\n`);
  appendFileSync(
    path.join(data, 'ledger-cpa', '2026-Q3', 'findings-external.csv'),
    `attack-surface,XSS-1,portal.ledger.example,443,tcp,high,"${payload.replaceAll('"', '""')}",2026-08-01T00:00:00Z,2026-09-20T00:00:00Z,open,,"${payload.replaceAll('"', '""')}"\n`,
  );
  build = await cli(['build', '--data', data, '--out', out, '--work', work]);
});

describe('proofbook build on the example drop', () => {
  it('exits 0 and reports rows read = accepted + rejected', () => {
    expect(build.stderr).not.toMatch(/internal error/);
    expect(build.code).toBe(0);
    const totals = /Rows: (\d+) read = (\d+) accepted \+ (\d+) rejected/.exec(build.stdout);
    expect(totals).not.toBeNull();
    const [, read, accepted, rejected] = totals!.map(Number);
    expect(accepted! + rejected!).toBe(read);
    expect(rejected).toBeGreaterThan(0);
    expect(build.stdout).toMatch(/smile-dental\/2026-Q3\/tickets\.csv \[generic-tickets-csv\]/);
  });

  it('leaves a portal and a signed packet with its seal for every client and period', () => {
    for (const client of clients) {
      expect(existsSync(path.join(out, 'sites', client, 'index.html'))).toBe(true);
      for (const period of periods) {
        expect(existsSync(path.join(out, 'sites', client, period, 'index.html'))).toBe(true);
        for (const name of [`${client}-${period}-packet.pdf`, 'manifest.json', 'manifest.sig', 'signer.pem']) {
          expect(existsSync(path.join(out, 'packets', client, period, name)), `${client}/${period}/${name}`).toBe(true);
        }
      }
    }
  });

  it('pdfsig finds every packet signature valid and covering the whole document', () => {
    for (const client of clients) {
      for (const period of periods) {
        const report = (() => {
          try {
            return execFileSync('pdfsig', [path.join(out, 'packets', client, period, `${client}-${period}-packet.pdf`)]).toString();
          } catch (error) {
            return String((error as { stdout?: Buffer }).stdout ?? error);
          }
        })();
        expect(report).toContain('Signature is Valid');
        expect(report).toContain('Total document signed');
        expect(report).toContain('ETSI.CAdES.detached');
      }
    }
  });

  it("keeps one client's data out of every other client's folders", () => {
    const own = [...filesUnder(path.join(out, 'sites', 'smile-dental', '2026-Q3')), ...filesUnder(path.join(out, 'packets', 'smile-dental', '2026-Q3'))];
    expect(own.filter((f) => readable(f).includes(marker)).length).toBeGreaterThan(1);
    for (const other of clients.filter((c) => c !== 'smile-dental')) {
      const leaks = [...filesUnder(path.join(out, 'sites', other)), ...filesUnder(path.join(out, 'packets', other))].filter((f) => readable(f).includes(marker));
      expect(leaks).toEqual([]);
    }
    expect(readdirSync(path.join(out, 'sites')).sort()).toEqual(clients);
  });

  it('shows a script payload from a scanner as text in the portal and in the PDF', () => {
    const page = readFileSync(path.join(out, 'sites', 'ledger-cpa', '2026-Q3', 'findings.html'), 'utf8');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const text = execFileSync('pdftotext', ['-raw', path.join(out, 'packets', 'ledger-cpa', '2026-Q3', 'ledger-cpa-2026-Q3-packet.pdf'), '-']).toString();
    expect(text.replace(/\s+/g, '')).toContain(payload.replace(/\s+/g, ''));
  });
});

describe('proofbook verify', () => {
  it('exits 0 on intact output', async () => {
    const result = await cli(['verify', out]);
    expect(result.stdout).toMatch(/All 6 sealed period\(s\) intact/);
    expect(result.code).toBe(0);
  });

  it.each([
    ['a portal page', path.join('sites', 'hudson-brokerage', '2026-Q2', 'findings.html')],
    ['a packet', path.join('packets', 'smile-dental', '2026-Q3', 'smile-dental-2026-Q3-packet.pdf')],
    ['a manifest', path.join('packets', 'ledger-cpa', '2026-Q2', 'manifest.json')],
  ])('exits 1 and names the file when one byte of %s changes', async (_what, relative) => {
    const file = path.join(out, relative);
    const original = readFileSync(file);
    const changed = Buffer.from(original);
    const at = Math.floor(changed.length / 2);
    changed[at] = changed[at]! ^ 0x01;
    writeFileSync(file, changed);
    try {
      const result = await cli(['verify', out]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(relative.split(path.sep).join('/'));
      expect(result.stdout).toMatch(/FAILED/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('flags a file added to a sealed portal', async () => {
    const extra = path.join(out, 'sites', 'smile-dental', '2026-Q2', 'extra.html');
    writeFileSync(extra, '<p>added later</p>');
    const result = await cli(['verify', path.join(out)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('sites/smile-dental/2026-Q2/extra.html: not in the manifest');
    rmSync(extra);
  });
});

describe('command line', () => {
  it('answers --help with exit 0 and a usage error with exit 2', async () => {
    expect((await cli(['build', '--help'])).code).toBe(0);
    const bad = await cli(['build', '--colour', 'red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--colour'/);
    expect((await cli(['verify'])).code).toBe(2);
    expect((await cli(['bake'])).code).toBe(2);
  });

  it('names an unknown client and the known ones, without a stack trace, exit 1', async () => {
    const result = await cli(['build', '--data', data, '--out', path.join(root, 'other'), '--client', 'no-such-client']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown client "no-such-client"');
    expect(result.stderr).toContain('hudson-brokerage, ledger-cpa, smile-dental');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails a --strict build on rejected rows and writes nothing', async () => {
    const target = path.join(root, 'strict');
    const result = await cli(['build', '--data', data, '--out', target, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--strict: \d+ rows were rejected/);
    expect(existsSync(target)).toBe(false);
  });

  it('points at the line and column of a bad client.yaml key', async () => {
    const broken = path.join(root, 'broken');
    cpSync(data, broken, { recursive: true });
    const file = path.join(broken, 'ledger-cpa', 'client.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/frameworks:.*\n(\s+- .*\n)*/, 'frameworks: [sox]\n'));
    const result = await cli(['build', '--data', broken, '--out', path.join(root, 'o2'), '--client', 'ledger-cpa']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ledger-cpa\/client\.yaml:\d+:\d+: frameworks\.0: /);
  });
});
