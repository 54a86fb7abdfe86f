import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkChain, type ChainCheck, type ChainLink } from './chain.ts';
import { layoutRoot, sealFiles, type PacketCheck } from './packet.ts';
import { readZipEntry } from './zip.ts';

/**
 * The chain of quarters as far back as the earlier periods are at hand: each earlier period's
 * manifest is looked for as its packet folder beside this one (a build output, or archives
 * unpacked into one folder) or as its archive `<client>-<period>.zip` in the folders where
 * archives sit (next to this period's archive, or in a build output's archives/<client>/).
 * The links are the ones `proofbook verify` checks: the SHA-256 each manifest records of the
 * one before it. A manifest found this way needs no signature of its own: the later, signed
 * manifest vouches for its bytes.
 */

/** An earlier manifest's bytes, from its folder or its archive; null when neither is at hand. */
function findManifest(folder: string, client: string, period: string): Buffer | null {
  const sibling = path.join(folder, '..', period, sealFiles.manifest);
  if (existsSync(sibling)) return readFileSync(sibling);
  const root = layoutRoot(folder);
  const archive = `${client}-${period}.zip`;
  for (const dir of [path.join(folder, '..'), root, path.dirname(root), path.join(root, 'archives', client)]) {
    const zip = path.join(dir, archive);
    if (existsSync(zip)) return readZipEntry(readFileSync(zip), `packets/${client}/${period}/${sealFiles.manifest}`);
  }
  return null;
}

interface ManifestLinks {
  period: string;
  previous: { period: string; manifestSha256: string } | null;
}

export function checkEarlierPeriods(folder: string, check: PacketCheck): ChainCheck {
  const links: ChainLink[] = [{ period: check.period, manifestSha256: check.manifestSha256, previous: check.previous }];
  const seen = new Set([check.period]);
  for (let previous = check.previous; previous && !seen.has(previous.period);) {
    seen.add(previous.period);
    const bytes = findManifest(folder, check.client, previous.period);
    if (!bytes) break;
    let manifest: ManifestLinks;
    try {
      manifest = JSON.parse(bytes.toString('utf8')) as ManifestLinks;
    } catch {
      // Unreadable bytes cannot have the digest the later manifest recorded: the link shows it.
      manifest = { period: previous.period, previous: null };
    }
    links.push({ period: manifest.period, manifestSha256: createHash('sha256').update(bytes).digest('hex'), previous: manifest.previous });
    previous = manifest.previous;
  }
  return checkChain(check.client, links);
}
