import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `content` to a fresh temp file and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'proofbook-')), name);
  writeFileSync(file, content);
  return file;
}

export const realFixture = (name: string): string => path.join(import.meta.dirname, '..', 'fixtures', 'real', name);
