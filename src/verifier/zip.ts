import { inflateRawSync } from 'node:zlib';

/**
 * Reads one entry of a zip archive (stored or deflated, as Proofbook writes them) with Node's
 * zlib alone, for the offline verifier: it finds an earlier period's manifest inside that
 * period's archive. Null when the archive holds no such entry or is not a readable zip.
 */

const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;

export function readZipEntry(zip: Buffer, name: string): Buffer | null {
  // The end record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === signatures.end) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== signatures.central) return null;
    const [method, size, nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) return entryData(zip, local, method, size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

function entryData(zip: Buffer, local: number, method: number, size: number): Buffer | null {
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== signatures.local) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + size);
  try {
    if (method === 0) return Buffer.from(data);
    return method === 8 ? inflateRawSync(data) : null;
  } catch {
    return null;
  }
}
