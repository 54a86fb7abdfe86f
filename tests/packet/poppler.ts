import { spawnSync } from 'node:child_process';

/** poppler-utils as an independent reader of the packets under test. */

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} could not run (install poppler-utils)`, { cause: result.error });
  return `${result.stdout}${result.stderr}`;
}

/** Text of one page (1-based), laid out as printed. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
}

/** Text of pages `first` to `last`, laid out as printed. */
export function pagesText(file: string, first: number, last: number): string {
  return run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-']);
}

export function pdfinfo(file: string): Record<string, string> {
  const lines = run('pdfinfo', [file]).split('\n');
  return Object.fromEntries(lines.map((line) => /^([^:]+):\s*(.*)$/.exec(line)).filter((m) => m !== null).map((m) => [m[1]!, m[2]!]));
}

export function pdfsig(file: string): string {
  return run('pdfsig', [file]);
}
