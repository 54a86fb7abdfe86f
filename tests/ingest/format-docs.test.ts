import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFormatDocs } from '../../src/ingest/format-docs.ts';

describe('README input formats', () => {
  it('are the tables generated from the format declarations (run npm run docs:formats after a change)', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(withFormatDocs(readme)).toBe(readme);
    expect(readme).toContain('| `ticket_id` | yes |');
  });
});
