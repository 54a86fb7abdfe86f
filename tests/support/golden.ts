import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const goldenDir = path.join(import.meta.dirname, '..', 'fixtures', 'golden');

/** Compares `value` with tests/fixtures/golden/<name>.json; `UPDATE=1` rewrites the file instead. */
export function expectGolden(name: string, value: unknown): void {
  const file = path.join(goldenDir, `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    if (process.env.UPDATE !== '1' && process.env.CI) throw new Error(`golden file ${name}.json is missing; run UPDATE=1 npx vitest run`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
