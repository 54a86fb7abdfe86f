import { describe, expect, it } from 'vitest';
import { blockHtml } from '../../src/documents/markdown.ts';
import { parseDocumentFile } from '../../src/ingest/documents.ts';

const known = (id: string) => ['164.316(a)', '500.3(a)'].includes(id);
const doc = (front: string, body = '# Policy\n\nText.\n') => `---\n${front}\n---\n${body}`;
const valid = ['title: Security policy', 'kind: policy', 'owner_side: internal', 'approver: Dana Reyes', 'effective: 2026-01-10', 'next_review: 2027-01-10', 'controls: ["164.316(a)"]'];

describe('policy documents', () => {
  it('reads front matter, keeps the Markdown body as written and renders it once', () => {
    const { document, diagnostics } = parseDocumentFile('c/policies/p.md', doc(valid.join('\n'), '# Policy\n\n- one\n- two\n'), 'client', known);
    expect(diagnostics).toEqual([]);
    expect(document).toMatchObject({ title: 'Security policy', kind: 'policy', ownerSide: 'internal', effective: '2026-01-10', nextReview: '2027-01-10', controls: ['164.316(a)'], body: '# Policy\n\n- one\n- two\n', scope: 'client' });
    expect(document!.bodyBlocks.map(blockHtml)).toEqual(['<h3>Policy</h3>', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>']);
  });

  it('drops a first heading that only repeats the document\'s title, which the facts above the body already show', () => {
    const body = '# Security Policy\n\n## Scope\n\nAll systems.\n';
    const { document } = parseDocumentFile('c/policies/p.md', doc(valid.join('\n'), body), 'client', known);
    expect(document!.bodyBlocks.map(blockHtml)).toEqual(['<h4>Scope</h4>', '<p>All systems.</p>']);
    expect(document!.body).toBe(body);
  });

  it('warns of raw HTML and images at their line and column in the file, and still counts the document', () => {
    const body = '# Policy\n\n<script>x</script>\n\nSee ![diagram](https://e.com/d.png).\n';
    const { document, diagnostics } = parseDocumentFile('c/policies/p.md', doc(valid.join('\n'), body), 'client', known);
    expect(document?.controls).toEqual(['164.316(a)']);
    // Front matter: lines 1-9; the body starts on line 10.
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'c/policies/p.md', line: 12, column: 1, rule: 'document/raw-html', severity: 'warning', message: 'raw HTML is shown as text, not rendered: <script>x</script>' }),
      expect.objectContaining({ file: 'c/policies/p.md', line: 14, column: 5, rule: 'document/image', severity: 'warning', message: 'the image https://e.com/d.png is shown as its alt text' }),
    ]);
    expect(document!.bodyBlocks.map(blockHtml)).toEqual(['<h3>Policy</h3>', '<p>&#x3C;script>x&#x3C;/script></p>', '<p>See diagram.</p>']);
  });

  it('names the file line and key of broken front matter, counting the opening --- line', () => {
    const broken = valid.map((line) => (line.startsWith('effective') ? 'effective: next spring' : line));
    const { document, diagnostics } = parseDocumentFile('c/policies/p.md', doc(broken.join('\n')), 'client', known);
    expect(document).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'c/policies/p.md', line: 6, column: 12, field: 'effective', rule: 'document/front-matter' })]);
  });

  it('reports a control id no catalog knows, and still counts the document for the others', () => {
    const front = valid.map((line) => (line.startsWith('controls') ? 'controls: ["164.316(a)", "500.99"]' : line));
    const { document, diagnostics } = parseDocumentFile('c/policies/p.md', doc(front.join('\n')), 'client', known);
    expect(document?.controls).toEqual(['164.316(a)']);
    expect(diagnostics).toEqual([expect.objectContaining({ line: 8, rule: 'document/unknown-control', message: 'control "500.99" is in no catalog' })]);
  });

  it('refuses a document without front matter', () => {
    expect(parseDocumentFile('c/policies/p.md', '# Just a heading\n', 'client', known).diagnostics[0]).toMatchObject({ line: 1, rule: 'document/front-matter' });
  });
});
