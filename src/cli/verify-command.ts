import { existsSync } from 'node:fs';
import path from 'node:path';
import { findManifests, verifyManifest } from '../seal/verify.ts';
import type { Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook verify PATH

Checks sealed output: PATH is an output folder (e.g. dist), a packet folder
(dist/packets/<client>/<period>) or a manifest.json. For every manifest found it checks the
manifest's signature, re-hashes every file it lists, flags files added since sealing, checks the
PDF signature, and checks the link to the previous period's manifest.

Exit codes: 0 all intact, 1 something was changed, missing or not signed, 2 usage error.
`;

export const runVerify: Command = {
  help,
  allowPositionals: true,
  options: {},
  async run(_values, positionals, io) {
    if (positionals.length !== 1) throw new UserError(`verify takes one PATH, got ${positionals.length}`, 'Example: proofbook verify dist', 2);
    const target = path.resolve(io.cwd, positionals[0]!);
    if (!existsSync(target)) throw new UserError(`${positionals[0]} does not exist`, 'Give the output folder of a build (e.g. dist) or a packet folder.');
    const manifests = await findManifests(target);
    if (manifests.length === 0) throw new UserError(`no manifest.json under ${positionals[0]}`, 'Run proofbook build first, or point at dist/packets/<client>/<period>.');
    let failed = 0;
    for (const manifestPath of manifests) {
      const check = await verifyManifest(manifestPath);
      const ok = check.problems.length === 0;
      if (!ok) failed++;
      io.stdout.write(`${ok ? 'OK    ' : 'FAILED'} ${check.client} ${check.period}: ${check.files} files, signed by "${check.signer}"\n`);
      for (const p of check.problems) io.stdout.write(`  ${p.file}: ${p.problem}\n`);
      for (const note of check.notes) io.stdout.write(`  note: ${note}\n`);
    }
    io.stdout.write(failed === 0 ? `All ${manifests.length} sealed period(s) intact.\n` : `${failed} of ${manifests.length} sealed period(s) failed verification.\n`);
    return failed === 0 ? 0 : 1;
  },
};
