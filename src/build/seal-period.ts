import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256File } from '../ingest/drop.ts';
import type { ReportModel } from '../model/report.ts';
import { Manifest, manifestFiles, serialiseManifest, sha256, signManifest, type ManifestEntry } from '../seal/manifest.ts';
import type { SigningKey } from '../seal/keys.ts';
import { writePacketExtras } from '../seal/extras.ts';

/**
 * Writes manifest.json (every output of the period's site and packet folders, every input, the
 * previous period's manifest digest), its detached signature and the signer's certificate.
 * The inputs are those the report was read from, with msp.yaml, client.yaml and drop.yaml, so a
 * later build can tell whether a sealed period's inputs changed.
 */
export async function sealPeriod(options: { outDir: string; dataDir: string; report: ReportModel; key: SigningKey }): Promise<string> {
  const { outDir, dataDir, report, key } = options;
  const client = report.client.id;
  const period = report.period.id;
  const packetDir = path.join(outDir, 'packets', client, period);
  await writePacketExtras(packetDir);
  const outputs: ManifestEntry[] = [];
  for (const folder of [path.join(outDir, 'sites', client, period), packetDir]) {
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || (folder === packetDir && Object.values(manifestFiles).includes(entry.name as never))) continue;
      outputs.push(await entryFor(path.join(entry.parentPath, entry.name), outDir));
    }
  }
  const dropFile = `${client}/${period}/drop.yaml`;
  const configInputs = ['msp.yaml', `${client}/client.yaml`, ...(existsSync(path.join(dataDir, dropFile)) ? [dropFile] : [])];
  const inputPaths = [...configInputs, ...report.ingest.files.map((f) => f.file)];
  const inputs = await Promise.all([...new Set(inputPaths)].map((p) => entryFor(path.join(dataDir, p), dataDir)));
  const previousPath = report.previousPeriod ? path.join(outDir, 'packets', client, report.previousPeriod, manifestFiles.manifest) : null;
  const manifest: Manifest = {
    manifestVersion: 1,
    tool: { name: 'proofbook', version: report.toolVersion },
    client,
    period,
    generatedAt: report.generatedAt,
    signer: { subject: key.signer, development: key.development, certificateSha256: sha256(key.certificatePem) },
    previous: previousPath && existsSync(previousPath) ? { period: report.previousPeriod!, manifestSha256: sha256(await readFile(previousPath)) } : null,
    outputs,
    inputs,
  };
  const bytes = serialiseManifest(Manifest.parse(manifest));
  const manifestPath = path.join(packetDir, manifestFiles.manifest);
  await writeFile(manifestPath, bytes);
  await writeFile(path.join(packetDir, manifestFiles.signature), signManifest(bytes, key.privateKeyPem));
  await writeFile(path.join(packetDir, manifestFiles.certificate), key.certificatePem);
  return manifestPath;
}

async function entryFor(absolute: string, base: string): Promise<ManifestEntry> {
  const [digest, info] = await Promise.all([sha256File(absolute), stat(absolute)]);
  return { path: path.relative(base, absolute).split(path.sep).join('/'), sha256: digest, bytes: info.size };
}
