import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePath, writeArchive } from '../../src/build/archive.ts';
import { runCli } from '../../src/cli/run.ts';
import { extraFiles } from '../../src/seal/extras.ts';
import { verifierScript } from '../../src/verifier/bundle.ts';
import { pdfsig } from '../packet/poppler.ts';
import { makeCertificate } from '../verifier/certificates.ts';

/**
 * Three sealed quarters of one generated client, built once: the chain of quarters with a replaced
 * middle quarter, the period archive, `proofbook verify` on the zip and on its unpacked folder, the
 * offline verifier run by a system Node, and the auditors' commands run as written.
 */

const root = mkdtempSync(path.join(tmpdir(), 'proofbook-quarters-'));
const data = path.join(root, 'data');
const out = path.join(root, 'dist');
const work = path.join(root, 'work');
const client = 'smile-dental';
const [q2, q3, q4] = ['2026-Q2', '2026-Q3', '2026-Q4'] as const;
const env = { SOURCE_DATE_EPOCH: '1790000000' };
const packetDir = (base: string, period: string) => path.join(base, 'packets', client, period);

/** A Node like an auditor's: the system one (Node 18/20 here), not the project's Node 24. */
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => existsSync(candidate)) ?? process.execPath;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as NodeJS.WriteStream,
    env,
    cwd: root,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

function offlineVerifier(folder: string, args: string[] = []) {
  const result = spawnSync(systemNode, [path.join(folder, extraFiles.verifier), ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status, stdout: result.stdout + result.stderr };
}

function unpackZip(zip: string, into: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(path.dirname(path.join(into, name)), { recursive: true });
    writeFileSync(path.join(into, name), bytes);
  }
}

function flipByte(file: string, at = Math.floor(readFileSync(file).length / 2)): void {
  const bytes = readFileSync(file);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(file, bytes);
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', '..', 'scripts', 'generate-drop.ts'), '--out', data, '--periods', '3', '--clients', '1']);
  const built = await cli(['build', '--data', data, '--out', out, '--work', work]);
  expect(built.stderr).not.toMatch(/internal error/);
  expect(built.code).toBe(0);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a sealed period', () => {
  it('carries the offline verifier and the auditors’ text, both listed in its manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(packetDir(out, q3), 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    const paths = manifest.outputs.map((o) => o.path);
    for (const name of Object.values(extraFiles)) expect(paths).toContain(`packets/${client}/${q3}/${name}`);
    expect(readFileSync(path.join(packetDir(out, q3), extraFiles.auditors), 'utf8')).toContain(`$ pdfsig ${client}-${q3}-packet.pdf`);
  });

  it('passes proofbook verify, with the chain of its three quarters', async () => {
    const result = await cli(['verify', out]);
    expect(result.stdout).toContain(`OK     chain of ${client}: ${q2} → ${q3} → ${q4}`);
    expect(result.stdout).toContain('All 3 sealed period(s) intact.');
    expect(result.code).toBe(0);
  });
});

describe('who signed', () => {
  const signerPem = () => path.join(packetDir(out, q3), 'signer.pem');
  const fingerprint = () => spawnSync('openssl', ['x509', '-in', signerPem(), '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).stdout.trim().replace(/^sha256 Fingerprint=/i, '');

  it('is unverified without a trust anchor, and both verifiers give the fingerprint to compare', async () => {
    const offline = offlineVerifier(packetDir(out, q3));
    expect(offline.stdout).toContain(`Identity:  signing certificate SHA-256 fingerprint ${fingerprint()}`);
    expect(offline.stdout).toContain('Trust:     UNVERIFIED: no trust anchor given');
    expect(offline.stdout).toContain('(who signed is not verified: no --trust)');
    expect(offline.code).toBe(0);
    const result = await cli(['verify', packetDir(out, q3)]);
    expect(result.stdout).toContain(`note: signer's identity unverified (no --trust given): signing certificate SHA-256 fingerprint ${fingerprint()}`);
  });

  it('is trusted when the published signing certificate is the anchor', async () => {
    const offline = offlineVerifier(packetDir(out, q3), ['--trust', signerPem()]);
    expect(offline.stdout).toContain('Trust:     trusted: the signer\'s certificate chains to "CN=Proofbook development key (not for submission)');
    expect(offline.stdout).toContain('the signer chains to a trust anchor given.');
    expect(offline.code).toBe(0);
    const result = await cli(['verify', out, '--trust', signerPem()]);
    expect(result.stdout).toContain('note: signer trusted: the signing certificate chains to');
    expect(result.code).toBe(0);
  });

  it('fails both verifiers against another CA, and refuses a trust file without a certificate', async () => {
    const other = path.join(root, 'other-ca.pem');
    writeFileSync(other, makeCertificate({ commonName: 'Some Other CA', ca: true }).pem);
    const offline = offlineVerifier(packetDir(out, q3), ['--trust', other]);
    expect(offline.stdout).toContain('Trust:     NOT TRUSTED');
    expect(offline.stdout).toContain(`packets/${client}/${q3}/signer.pem: the signer is not trusted: "CN=Proofbook development key (not for submission)`);
    expect(offline.stdout).toMatch(/VERDICT: NOT INTACT/);
    expect(offline.code).toBe(1);
    const result = await cli(['verify', packetDir(out, q3), '--trust', other]);
    expect(result.stdout).toContain(`FAILED ${client} ${q3}`);
    expect(result.stdout).toContain('which is not among the trust anchors given');
    expect(result.code).toBe(1);
    const notPem = path.join(root, 'not-a-trust-file.txt');
    writeFileSync(notPem, 'hello');
    expect(offlineVerifier(packetDir(out, q3), ['--trust', notPem])).toMatchObject({ code: 2, stdout: expect.stringContaining(`${notPem} is not a PEM file holding a certificate`) });
    const refused = await cli(['verify', out, '--trust', notPem]);
    expect(refused.stderr).toContain(`--trust names ${notPem}, which holds no PEM certificate`);
    expect(refused.code).not.toBe(0);
  });
});

describe('a changed byte in the signed range of a packet', () => {
  it('makes pdfsig and proofbook verify both fail', async () => {
    const copy = path.join(root, 'signed-range');
    cpSync(out, copy, { recursive: true });
    const pdf = path.join(packetDir(copy, q3), `${client}-${q3}-packet.pdf`);
    // The middle of the first signed range: the document body before the signature's /Contents.
    flipByte(pdf, Math.floor(readFileSync(pdf, 'latin1').lastIndexOf('/Contents <') / 2));
    expect(pdfsig(pdf)).not.toContain('Signature is Valid');
    const result = await cli(['verify', copy]);
    expect(result.stdout).toContain(`FAILED ${client} ${q3}`);
    expect(result.stdout).toContain(`packets/${client}/${q3}/${client}-${q3}-packet.pdf: changed since it was sealed`);
    expect(result.code).toBe(1);
  });
});

describe('the offline verifier', () => {
  it('is one file of Node built-ins that the system Node parses', async () => {
    const script = await verifierScript();
    const imports = [...script.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((from) => from!.startsWith('node:'))).toBe(true);
    expect(script).not.toMatch(/^export /m);
    expect(readFileSync(path.join(packetDir(out, q3), extraFiles.verifier), 'utf8')).toBe(script);
  });

  it('finds an intact packet intact (exit 0), run by a system Node from anywhere', () => {
    const result = offlineVerifier(packetDir(out, q3));
    expect(result.stdout).toContain(`Packet:    ${client} ${q3}`);
    expect(result.stdout).toContain(`PDF:       packets/${client}/${q3}/${client}-${q3}-packet.pdf: signature valid (ETSI.CAdES.detached), whole document signed`);
    expect(result.stdout).toMatch(/VERDICT: INTACT/);
    expect(result.code).toBe(0);
  });

  it('takes a TSA certificate to check time-stamps against, and refuses a file that holds none (exit 2)', () => {
    const notPem = path.join(root, 'not-a-certificate.txt');
    writeFileSync(notPem, 'hello');
    const result = offlineVerifier(packetDir(out, q3), ['--tsa-cert', notPem]);
    expect(result.stdout).toContain(`${notPem} is not a PEM file holding a certificate`);
    expect(result.code).toBe(2);
    // Any certificate will do for a packet without a time-stamp: there is nothing to check against it.
    expect(offlineVerifier(packetDir(out, q3), ['--tsa-cert', path.join(packetDir(out, q3), 'signer.pem')]).code).toBe(0);
  });

  it.each([
    ['a byte of the signed PDF', `packets/${client}/${q3}/${client}-${q3}-packet.pdf`, 'changed since it was sealed (SHA-256 differs)'],
    ['a byte of a portal page', `sites/${client}/${q3}/findings.html`, 'changed since it was sealed (SHA-256 differs)'],
    ['a byte of the manifest', `packets/${client}/${q3}/manifest.json`, 'the manifest was changed after it was signed (signature does not verify)'],
  ])('finds a tampered packet not intact (exit 1) after %s changes', (_what, file, problem) => {
    const copy = path.join(root, 'tampered');
    rmSync(copy, { recursive: true, force: true });
    for (const folder of ['sites', 'packets']) cpSync(path.join(out, folder, client, q3), path.join(copy, folder, client, q3), { recursive: true });
    // In the manifest, a byte of a listed digest, so the JSON still reads.
    const target = path.join(copy, file);
    flipByte(target, file.endsWith('manifest.json') ? readFileSync(target, 'latin1').indexOf('"sha256": "') + 11 : undefined);
    const result = offlineVerifier(packetDir(copy, q3));
    expect(result.stdout).toContain(`${file}: ${problem}`);
    expect(result.stdout).toMatch(/VERDICT: NOT INTACT/);
    expect(result.code).toBe(1);
  });
});

describe('the archive of a period', () => {
  let zip: string;
  beforeAll(async () => {
    zip = await writeArchive(out, client, q3);
  });

  it('is written where the docs say, sorted, holding the period’s portal and packet folder', () => {
    expect(zip).toBe(path.join(out, 'archives', client, `${client}-${q3}.zip`));
    expect(archivePath(out, client, q3)).toBe(zip);
    const names = Object.keys(unzipSync(readFileSync(zip)));
    expect(names).toEqual([...names].sort());
    for (const name of [`${client}-${q3}-packet.pdf`, 'manifest.json', 'manifest.sig', 'signer.pem', extraFiles.verifier, extraFiles.auditors]) {
      expect(names).toContain(`packets/${client}/${q3}/${name}`);
    }
    expect(names).toContain(`sites/${client}/${q3}/index.html`);
    const outside = names.filter((n) => !n.startsWith(`packets/${client}/${q3}/`) && !n.startsWith(`sites/${client}/${q3}/`));
    // Beside them only the pages standing in for the client's index and the other periods' pages it links to.
    expect(outside).toContain(`sites/${client}/index.html`);
    expect(outside).toContain(`sites/${client}/${q2}/index.html`);
    expect(outside).toContain(`sites/${client}/${q4}/index.html`);
    const entries = unzipSync(readFileSync(zip));
    for (const stub of outside.filter((name) => name !== `sites/${client}/index.html`)) {
      const other = stub.split('/')[2]!;
      expect([q2, q4]).toContain(other);
      expect(Buffer.from(entries[stub]!).toString()).toContain(`It belongs to period ${other}, which is in its own archive, ${client}-${other}.zip`);
    }
  });

  it('links every page to a file inside it: no link of the unpacked archive leads nowhere', () => {
    const entries = unzipSync(readFileSync(zip));
    const pages = Object.keys(entries).filter((name) => name.endsWith('.html'));
    let links = 0;
    for (const page of pages) {
      for (const [, href] of Buffer.from(entries[page]!).toString('utf8').matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        if (/^(?:[a-z]+:|#)/i.test(href!)) continue;
        const file = new URL(href!, `file:///archive/${page}`).pathname.slice('/archive/'.length);
        links++;
        expect(Object.hasOwn(entries, decodeURIComponent(file.endsWith('/') ? `${file}index.html` : file)), `${page} → ${href}`).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('keeps the client’s index the same in every period’s archive, so several unpack into one folder', async () => {
    const index = `sites/${client}/index.html`;
    const [a, b] = await Promise.all([q2, q4].map(async (period) => unzipSync(readFileSync(await writeArchive(out, client, period)))[index]));
    expect(a).toBeDefined();
    expect(Buffer.from(a!).equals(Buffer.from(b!))).toBe(true);
  });

  it('is byte-identical when written again', async () => {
    const first = readFileSync(zip);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(readFileSync(await writeArchive(out, client, q3)).equals(first)).toBe(true);
  });

  it('verifies as a zip and unpacked, with proofbook verify and with its own verifier', async () => {
    const fromZip = await cli(['verify', zip]);
    expect(fromZip.stdout).toContain(`OK     ${client} ${q3}: `);
    expect(fromZip.stdout).toContain(`note: ${q3} links to ${q2}, which is not here`);
    expect(fromZip.code).toBe(0);
    const unpacked = path.join(root, 'unpacked');
    unpackZip(zip, unpacked);
    expect((await cli(['verify', unpacked])).code).toBe(0);
    expect(offlineVerifier(packetDir(unpacked, q3)).code).toBe(0);
  });

  it('fails verification when a file inside the zip was changed', async () => {
    const entries = unzipSync(readFileSync(zip));
    const page = `sites/${client}/${q3}/index.html`;
    entries[page] = Buffer.concat([Buffer.from(entries[page]!), Buffer.from('<!-- edited -->')]);
    const tampered = path.join(root, 'tampered.zip');
    writeFileSync(tampered, zipSync(entries));
    const result = await cli(['verify', tampered]);
    expect(result.stdout).toContain(`${page}: changed since it was sealed`);
    expect(result.code).toBe(1);
  });

  it('refuses a zip entry that would land outside the folder', async () => {
    const evil = path.join(root, 'evil.zip');
    writeFileSync(evil, zipSync({ '../escape.txt': Buffer.from('x') }));
    const result = await cli(['verify', evil]);
    expect(result.stderr).toContain('holds an entry outside its folder: ../escape.txt');
    expect(result.code).toBe(1);
  });
});

describe('the auditors’ text', () => {
  it('gives commands that all succeed in the packet folder, as written', () => {
    const text = readFileSync(path.join(packetDir(out, q3), extraFiles.auditors), 'utf8');
    const commands = text.split('\n').filter((line) => line.startsWith('$ ')).map((line) => line.slice(2));
    expect(commands.length).toBeGreaterThan(8);
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', commands.join('\n')], { cwd: packetDir(out, q3), encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(systemNode)}:${process.env.PATH}` } });
    const output = result.stdout + result.stderr;
    expect(output).toContain('VERDICT: INTACT');
    expect(output).toContain('Signature is Valid');
    expect(output).toContain('Verified OK');
    expect(output).toContain('CMS Verification successful');
    expect(output).toContain('id-smime-aa-signingCertificateV2');
    expect(result.status).toBe(0);
  });
});

describe('the chain of quarters', () => {
  it('reports the replaced middle quarter as the first broken link', async () => {
    // The middle quarter rebuilt from changed data and signed with the same key, then put in place.
    const changed = path.join(root, 'changed-data');
    const rebuilt = path.join(root, 'rebuilt');
    cpSync(data, changed, { recursive: true });
    appendFileSync(path.join(changed, client, q3, 'tickets.csv'), 'REPLACED-1,quietly added ticket,P4,2026-08-03 10:00,2026-08-03 11:00,2026-08-04 10:00,msp,alex\n');
    for (const folder of ['sites', 'packets']) cpSync(path.join(out, folder, client, q2), path.join(rebuilt, folder, client, q2), { recursive: true });
    const build = await cli(['build', '--data', changed, '--out', rebuilt, '--work', work, '--period', q3]);
    expect(build.code).toBe(0);
    const replaced = path.join(root, 'replaced');
    cpSync(out, replaced, { recursive: true });
    for (const folder of ['sites', 'packets']) {
      rmSync(path.join(replaced, folder, client, q3), { recursive: true });
      cpSync(path.join(rebuilt, folder, client, q3), path.join(replaced, folder, client, q3), { recursive: true });
    }

    const result = await cli(['verify', replaced]);
    // Each quarter on its own is intact: only the chain shows the replacement.
    expect(result.stdout).toContain('All 3 sealed period(s) intact.');
    expect(result.stdout).toContain(`BROKEN chain of ${client}: first broken link ${q3} → ${q4}: ${q4} was sealed after a ${q3} whose manifest has SHA-256`);
    expect(result.stdout).toContain(`${q3} was replaced or rebuilt after ${q4} was sealed`);
    expect(result.code).toBe(1);

    // The offline verifier of the last quarter, with the earlier quarters' folders beside it.
    const offline = offlineVerifier(packetDir(replaced, q4));
    expect(offline.stdout).toContain(`Chain:     BROKEN chain of ${client}: first broken link ${q3} → ${q4}: ${q4} was sealed after a ${q3} whose manifest has SHA-256`);
    expect(offline.stdout).toMatch(/VERDICT: NOT INTACT: the chain of quarters is broken between 2026-Q3 and 2026-Q4\./);
    expect(offline.code).toBe(1);

    // The same with archives, as an auditor gets them: the last one unpacked, the earlier two beside it.
    const auditor = path.join(root, 'auditor-replaced');
    unpackZip(archivePath(out, client, q4), path.join(auditor, q4));
    cpSync(await writeArchive(replaced, client, q3), path.join(auditor, `${client}-${q3}.zip`));
    cpSync(archivePath(out, client, q2), path.join(auditor, `${client}-${q2}.zip`));
    const fromZips = offlineVerifier(packetDir(path.join(auditor, q4), q4));
    expect(fromZips.stdout).toContain(`Chain:     BROKEN chain of ${client}: first broken link ${q3} → ${q4}`);
    expect(fromZips.code).toBe(1);
  });

  it('holds in the offline verifier when every quarter is the one sealed, as folders or as archives beside it', () => {
    const fromFolders = offlineVerifier(packetDir(out, q4));
    expect(fromFolders.stdout).toContain(`Chain:     OK     chain of ${client}: ${q2} → ${q3} → ${q4}`);
    expect(fromFolders.stdout).toMatch(/VERDICT: INTACT/);
    expect(fromFolders.code).toBe(0);
    const auditor = path.join(root, 'auditor-intact');
    unpackZip(archivePath(out, client, q4), path.join(auditor, q4));
    for (const period of [q2, q3]) cpSync(archivePath(out, client, period), path.join(auditor, `${client}-${period}.zip`));
    const fromZips = offlineVerifier(packetDir(path.join(auditor, q4), q4));
    expect(fromZips.stdout).toContain(`Chain:     OK     chain of ${client}: ${q2} → ${q3} → ${q4}`);
    expect(fromZips.code).toBe(0);
  });

  it('checks the chain as far as the earlier quarters are at hand, and says so', () => {
    const alone = path.join(root, 'alone');
    unpackZip(archivePath(out, client, q4), alone);
    const result = offlineVerifier(packetDir(alone, q4));
    expect(result.stdout).toContain(`Note:      ${q4} links to ${q3}, which is not here: the chain is checked from ${q4} on`);
    expect(result.code).toBe(0);
  });
});
