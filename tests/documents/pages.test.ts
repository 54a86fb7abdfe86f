import { describe, expect, it } from 'vitest';
import { documentPagePath, documentSlugs } from '../../src/documents/pages.ts';

describe('document pages', () => {
  it('name each page after its file, in lower case, one word of hyphens', () => {
    expect(documentSlugs([{ file: 'smile-dental/policies/Backup Policy (2026).md' }, { file: 'content/policies/msp-patch-management-procedure.md' }]))
      .toEqual(['backup-policy-2026', 'msp-patch-management-procedure']);
    expect(documentPagePath('smile-dental', '2026-Q3', 'backup-policy-2026')).toBe('smile-dental/2026-Q3/documents/backup-policy-2026.html');
  });

  it("keep a page for a client's document and an MSP-wide one of the same name, even when only the case differs", () => {
    expect(documentSlugs([{ file: 'c/policies/access.md' }, { file: 'content/policies/access.md' }, { file: 'content/policies/Access.mdx' }, { file: 'c/policies/access-2.md' }]))
      .toEqual(['access', 'access-2', 'access-3', 'access-2-2']);
  });

  it('give a file whose name has no letter or digit a page of its own', () => {
    expect(documentSlugs([{ file: 'c/policies/__.md' }])).toEqual(['document']);
  });
});
