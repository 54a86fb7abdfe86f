import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditorsText } from '../../src/verifier/auditors.ts';

/** docs/verifying.md shows the auditors' text as the code writes it; UPDATE=1 rewrites the block. */

const doc = path.join(import.meta.dirname, '..', '..', 'docs', 'verifying.md');
const block = /(<!-- auditors-text:start[^\n]*-->\n)[\s\S]*?(<!-- auditors-text:end -->)/;

describe('docs/verifying.md', () => {
  it('shows the auditors’ text exactly as a packet folder gets it', () => {
    const text = auditorsText({ client: 'smile-dental', period: '2026-Q3', pdf: 'smile-dental-2026-Q3-packet.pdf' });
    const current = readFileSync(doc, 'utf8');
    const expected = current.replace(block, (_all, start: string, end: string) => `${start}\n\`\`\`text\n${text}\`\`\`\n\n${end}`);
    if (process.env.UPDATE === '1') writeFileSync(doc, expected);
    expect(readFileSync(doc, 'utf8')).toBe(expected);
  });
});
