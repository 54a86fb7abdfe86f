import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repo = path.join(import.meta.dirname, '..', '..');

/** A fresh temp folder holding `data/`: a small generated MSP, two clients × two quarters (2026-Q2, 2026-Q3). */
export function generatedDrop(prefix: string): { root: string; data: string } {
  const root = mkdtempSync(path.join(tmpdir(), `proofbook-${prefix}-`));
  const data = path.join(root, 'data');
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'generate-drop.ts'), '--out', data, '--clients', '2', '--periods', '2', '--scale', '0.1'], { stdio: 'ignore' });
  return { root, data };
}
