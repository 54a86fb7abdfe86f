import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unpackArchive } from '../seal/unpack.ts';
import { certificatesFromFile, findManifests, verifyChains, verifyManifest, type SealCheck } from '../seal/verify.ts';
import type { Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook verify PATH [--trust FILE.pem]

Checks sealed output: PATH is an output folder (e.g. dist), a packet folder
(dist/packets/<client>/<period>), a manifest.json, or a period archive
(dist/archives/<client>/<client>-<period>.zip) or its unpacked folder. For every manifest found it
checks the manifest's signature, re-hashes every file it lists, flags files added since sealing,
checks the PDF signature (and its time-stamp, if any), then checks each client's chain of periods
and names the first broken link.

Who signed is verified only against trust anchors you give:
  --trust FILE.pem  certificates to trust (your MSP's CA, or the signing certificate they
                    published): the signer's certificate must be one of them or issued by one,
                    and valid when the packet was signed (the time-stamp's time, else the
                    signing time the PDF claims). Without it, verify prints the signing
                    certificate's SHA-256 fingerprint to compare with the one the MSP published.

Exit codes: 0 all intact, 1 something was changed, missing or not signed, 2 usage error.
`;

export const runVerify: Command = {
  help,
  allowPositionals: true,
  options: { trust: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length !== 1) throw new UserError(`verify takes one PATH, got ${positionals.length}`, 'Example: proofbook verify dist', 2);
    const trustFile = typeof values['trust'] === 'string' ? path.resolve(io.cwd, values['trust']) : null;
    const anchors = trustFile ? await certificatesFromFile(trustFile, '--trust names', 'Give a PEM file holding your MSP\'s CA certificate, or the signing certificate they published.') : [];
    const target = path.resolve(io.cwd, positionals[0]!);
    if (!existsSync(target)) throw new UserError(`${positionals[0]} does not exist`, 'Give the output folder of a build (e.g. dist) or a packet folder.');
    if (target.endsWith('.zip')) {
      const unpacked = await mkdtemp(path.join(tmpdir(), 'proofbook-verify-'));
      try {
        await unpackArchive(target, unpacked);
        return await runVerify.run(values, [unpacked], io);
      } finally {
        await rm(unpacked, { recursive: true, force: true });
      }
    }
    const manifests = await findManifests(target);
    if (manifests.length === 0) throw new UserError(`no manifest.json under ${positionals[0]}`, 'Run proofbook build first, or point at dist/packets/<client>/<period>.');
    let failed = 0;
    const checks: SealCheck[] = [];
    for (const manifestPath of manifests) {
      const check = await verifyManifest(manifestPath, undefined, anchors);
      checks.push(check);
      const ok = check.problems.length === 0;
      if (!ok) failed++;
      io.stdout.write(`${ok ? 'OK    ' : 'FAILED'} ${check.client} ${check.period}: ${check.files} files, signed by "${check.signer}"\n`);
      for (const p of check.problems) io.stdout.write(`  ${p.file}: ${p.problem}\n`);
      for (const note of check.notes) io.stdout.write(`  note: ${note}\n`);
    }
    const chains = verifyChains(checks);
    for (const chain of chains) {
      if (chain.broken) io.stdout.write(`BROKEN chain of ${chain.client}: first broken link ${chain.broken.from} → ${chain.broken.to}: ${chain.broken.problem}\n`);
      else io.stdout.write(`OK     chain of ${chain.client}: ${chain.periods.join(' → ')}\n`);
      for (const note of chain.notes) io.stdout.write(`  note: ${note}\n`);
    }
    const broken = chains.filter((c) => c.broken).length;
    io.stdout.write(failed === 0 ? `All ${manifests.length} sealed period(s) intact.\n` : `${failed} of ${manifests.length} sealed period(s) failed verification.\n`);
    if (broken > 0) io.stdout.write(`${broken} chain(s) of periods broken.\n`);
    return failed === 0 && broken === 0 ? 0 : 1;
  },
};
