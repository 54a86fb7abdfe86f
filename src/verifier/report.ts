import type { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeChain, type ChainCheck } from './chain.ts';
import { checkEarlierPeriods } from './earlier.ts';
import { checkPacketFolder, readPemCertificates, sealFiles, type PacketCheck } from './packet.ts';
import type { TrustCheck } from './trust.ts';

/**
 * The offline verifier's command line: `node verify-packet.mjs [PACKET-FOLDER]` checks the folder
 * the script sits in, or the one named, and prints what it checked and a verdict.
 * With the earlier periods' folders or archives beside it, it also checks the chain of quarters.
 * Exit codes: 0 intact, 1 not intact (a broken chain included), 2 no packet to check.
 */

const usage = 'usage: node verify-packet.mjs [PACKET-FOLDER] [--trust CA.pem] [--tsa-cert TSA.pem]   (default: the folder this file is in)\n' +
  '  --trust     trust the signer only if its certificate is one of these certificates or issued by one (a CA\'s,\n' +
  '              or the signer\'s own as your MSP published it), and was valid when the packet was signed\n' +
  '  --tsa-cert  accept a signature time-stamp only from this TSA certificate or one it issued\n';

/** What the report says of the signer's identity. */
function describeTrust(trust: TrustCheck | null): string[] {
  if (!trust) return [];
  const verdict = trust.problem
    ? 'NOT TRUSTED: the signer\'s certificate does not chain to the trust anchors given (see Problems)'
    : trust.anchor
      ? `trusted: the signer's certificate chains to ${trust.anchor} (--trust) and was valid when the packet was signed`
      : 'UNVERIFIED: no trust anchor given, so who signed is not checked; compare the fingerprint with the one your MSP published, or give their CA or certificate with --trust FILE.pem';
  return [`Identity:  signing certificate SHA-256 fingerprint ${trust.fingerprint}`, `Trust:     ${verdict}`];
}

export function describePacketCheck(check: PacketCheck, chain: ChainCheck): string {
  const lines = [
    `Packet:    ${check.client} ${check.period}`,
    `Signer:    ${check.signer}${check.development ? ' (development key)' : ''}`,
    ...describeTrust(check.trust),
    `Manifest:  ${check.files} files listed; manifest.json SHA-256 ${check.manifestSha256}`,
  ];
  for (const { file, check: pdf } of check.pdfs.filter((p) => p.check.valid)) {
    const stamp = pdf.timestamp ? `; time-stamped ${pdf.timestamp.time} by "${pdf.timestamp.authority}"` : '; no time-stamp';
    lines.push(`PDF:       ${file}: signature valid (${pdf.subFilter}), whole document signed by "${pdf.signer}"${stamp}`);
  }
  lines.push(check.previous ? `Previous:  ${check.previous.period}, manifest SHA-256 ${check.previous.manifestSha256} (compare with that period's manifest)` : 'Previous:  none (first sealed period of this client)');
  lines.push(`Chain:     ${describeChain(chain)}`);
  for (const note of [...check.notes, ...chain.notes]) lines.push(`Note:      ${note}`);
  if (check.problems.length > 0) {
    lines.push(`Problems (${check.problems.length}):`);
    for (const p of check.problems) lines.push(`  ${p.file}: ${p.problem}`);
  }
  if (chain.broken) lines.push(`VERDICT: NOT INTACT: the chain of quarters is broken between ${chain.broken.from} and ${chain.broken.to}${check.problems.length > 0 ? `, and ${check.problems.length} problem(s) listed above` : ''}.`);
  else {
    lines.push(
      check.problems.length === 0
        ? `VERDICT: INTACT: the manifest signature verifies, every listed file matches its SHA-256, every PDF signature verifies${check.trust?.anchor ? ', the signer chains to a trust anchor given' : ' (who signed is not verified: no --trust)'}.`
        : `VERDICT: NOT INTACT: ${check.problems.length} problem(s) listed above.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function readCertificates(file: string): X509Certificate[] | null {
  try {
    const certificates = readPemCertificates(readFileSync(file, 'utf8'));
    return certificates.length > 0 ? certificates : null;
  } catch {
    return null;
  }
}

/** `--name FILE` taken out of `args`: the file (null when the option is there without one) and the other arguments. */
function takeOption(args: readonly string[], name: string): { file: string | null | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { file: undefined, rest: [...args] };
  const file = args[at + 1];
  return { file: file === undefined || file.startsWith('--') ? null : file, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

export function runVerifier(args: string[], scriptFolder: string, write: (text: string) => void): number {
  const tsa = takeOption(args, '--tsa-cert');
  const trust = takeOption(tsa.rest, '--trust');
  const { rest } = trust;
  if (rest.length > 1 || rest[0] === '--help' || rest[0] === '-h' || tsa.file === null || trust.file === null) {
    write(usage);
    return rest[0] === '--help' || rest[0] === '-h' ? 0 : 2;
  }
  const folder = path.resolve(rest[0] ?? scriptFolder);
  if (!existsSync(path.join(folder, sealFiles.manifest))) {
    write(`No ${sealFiles.manifest} in ${folder}: point at a packet folder (packets/<client>/<period>).\n${usage}`);
    return 2;
  }
  const tsaCertificates = tsa.file ? readCertificates(tsa.file) : [];
  if (tsaCertificates === null) {
    write(`${tsa.file} is not a PEM file holding a certificate: give the time-stamping authority's certificate (or its CA's).\n`);
    return 2;
  }
  const anchors = trust.file ? readCertificates(trust.file) : [];
  if (anchors === null) {
    write(`${trust.file} is not a PEM file holding a certificate: give your MSP's CA certificate, or the signing certificate they published.\n`);
    return 2;
  }
  write('Proofbook packet verifier (offline; needs only Node.js)\n');
  try {
    const check = checkPacketFolder(folder, tsaCertificates, anchors);
    const chain = checkEarlierPeriods(folder, check);
    write(describePacketCheck(check, chain));
    return check.problems.length === 0 && !chain.broken ? 0 : 1;
  } catch (error) {
    write(`VERDICT: NOT INTACT: the packet cannot be read (${(error as Error).message}).\n`);
    return 1;
  }
}
