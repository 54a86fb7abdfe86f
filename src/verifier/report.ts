import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPacketFolder, sealFiles, type PacketCheck } from './packet.ts';

/**
 * The offline verifier's command line: `node verify-packet.mjs [PACKET-FOLDER]` checks the folder
 * the script sits in, or the one named, and prints what it checked and a verdict.
 * Exit codes: 0 intact, 1 not intact, 2 no packet to check.
 */

const usage = 'usage: node verify-packet.mjs [PACKET-FOLDER]   (default: the folder this file is in)\n';

export function describePacketCheck(check: PacketCheck): string {
  const lines = [
    `Packet:    ${check.client} ${check.period}`,
    `Signer:    ${check.signer}${check.development ? ' (development key)' : ''}`,
    `Manifest:  ${check.files} files listed; manifest.json SHA-256 ${check.manifestSha256}`,
  ];
  for (const { file, check: pdf } of check.pdfs.filter((p) => p.check.valid)) {
    const stamp = pdf.timestamp ? `; time-stamped ${pdf.timestamp.time} by "${pdf.timestamp.authority}"` : '; no time-stamp';
    lines.push(`PDF:       ${file}: signature valid (${pdf.subFilter}), whole document signed by "${pdf.signer}"${stamp}`);
  }
  lines.push(check.previous ? `Previous:  ${check.previous.period}, manifest SHA-256 ${check.previous.manifestSha256} (compare with that period's manifest)` : 'Previous:  none (first sealed period of this client)');
  for (const note of check.notes) lines.push(`Note:      ${note}`);
  if (check.problems.length > 0) {
    lines.push(`Problems (${check.problems.length}):`);
    for (const p of check.problems) lines.push(`  ${p.file}: ${p.problem}`);
  }
  lines.push(
    check.problems.length === 0
      ? 'VERDICT: INTACT: the manifest signature verifies, every listed file matches its SHA-256, every PDF signature verifies.'
      : `VERDICT: NOT INTACT: ${check.problems.length} problem(s) listed above.`,
  );
  return `${lines.join('\n')}\n`;
}

export function runVerifier(args: string[], scriptFolder: string, write: (text: string) => void): number {
  if (args.length > 1 || args[0] === '--help' || args[0] === '-h') {
    write(usage);
    return args.length > 1 ? 2 : 0;
  }
  const folder = path.resolve(args[0] ?? scriptFolder);
  if (!existsSync(path.join(folder, sealFiles.manifest))) {
    write(`No ${sealFiles.manifest} in ${folder}: point at a packet folder (packets/<client>/<period>).\n${usage}`);
    return 2;
  }
  write('Proofbook packet verifier (offline; needs only Node.js)\n');
  try {
    const check = checkPacketFolder(folder);
    write(describePacketCheck(check));
    return check.problems.length === 0 ? 0 : 1;
  } catch (error) {
    write(`VERDICT: NOT INTACT: the packet cannot be read (${(error as Error).message}).\n`);
    return 1;
  }
}
