import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditorsText } from '../verifier/auditors.ts';
import { verifierScript } from '../verifier/bundle.ts';

export const extraFiles = { verifier: 'verify-packet.mjs', auditors: 'AUDITORS.txt' } as const;

let script: Promise<string> | undefined;

/**
 * Writes the offline verifier and the auditors' text into a packet folder
 * (`<out>/packets/<client>/<period>/`, holding its PDF). Call it before sealing, so both are in
 * the manifest.
 */
export async function writePacketExtras(packetDir: string): Promise<void> {
  const period = path.basename(packetDir);
  const client = path.basename(path.dirname(packetDir));
  const pdf = (await readdir(packetDir)).filter((name) => name.endsWith('.pdf')).sort()[0];
  if (!pdf) throw new Error(`writePacketExtras: no packet PDF in ${packetDir}; write the packet first`);
  script ??= verifierScript();
  await writeFile(path.join(packetDir, extraFiles.verifier), await script, { mode: 0o755 });
  await writeFile(path.join(packetDir, extraFiles.auditors), auditorsText({ client, period, pdf }));
}
