import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Control } from '../../src/frameworks/catalog-schema.ts';
import { loadFrameworks, type Frameworks } from '../../src/frameworks/load.ts';
import { controlsOf, findControl, relatedControls, typicalOwner } from '../../src/frameworks/lookups.ts';
import { listClients, readClient } from '../../src/ingest/drop.ts';
import type { Framework } from '../../src/model/client.ts';

const root = path.join(import.meta.dirname, '..', '..');
let frameworks: Frameworks;
beforeAll(async () => {
  frameworks = await loadFrameworks(path.join(root, 'content', 'frameworks'));
});

const ids = (framework: Framework) => controlsOf(frameworks, framework).map((control) => control.id);
const countBy = (framework: Framework, key: (control: Control) => string | null) => {
  const counts: Record<string, number> = {};
  for (const control of controlsOf(frameworks, framework)) {
    const value = key(control);
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
};

describe('HIPAA Security Rule catalog', () => {
  it('has every standard and implementation specification of 164.308-164.316', () => {
    // Counted from the regulation: Appendix A's matrix lists 18 standards (164.308: 9, 164.310: 4,
    // 164.312: 5) and 36 implementation specifications (21 + 8 + 7), 14 required and 22 addressable.
    // 164.314 adds 2 standards with 7 required specifications ((a)(2)(i)-(iii), (b)(2)(i)-(iv)), 164.316
    // adds 2 standards with 3 required specifications ((b)(2)(i)-(iii)); the 5 sections group them.
    expect(countBy('hipaa', (c) => c.kind)).toEqual({ section: 5, standard: 22, 'implementation-specification': 46 });
    expect(countBy('hipaa', (c) => (c.kind === 'implementation-specification' ? c.designation : null))).toEqual({ required: 24, addressable: 22 });
    expect(countBy('hipaa', (c) => (c.kind === 'standard' ? c.designation : null))).toEqual({ required: 22 });
  });

  it('writes ids as the regulation does, in every section, with the matrix designation', () => {
    const expected: [string, string, string | null][] = [
      ['164.308(a)(1)(ii)(A)', 'implementation-specification', 'required'],
      ['164.308(a)(3)(ii)(B)', 'implementation-specification', 'addressable'],
      ['164.308(a)(7)(ii)(E)', 'implementation-specification', 'addressable'],
      ['164.308(b)(3)', 'implementation-specification', 'required'],
      ['164.310(a)(2)(iv)', 'implementation-specification', 'addressable'],
      ['164.310(d)(2)(ii)', 'implementation-specification', 'required'],
      ['164.312(a)(2)(ii)', 'implementation-specification', 'required'],
      ['164.312(d)', 'standard', 'required'],
      ['164.312(e)(2)(ii)', 'implementation-specification', 'addressable'],
      ['164.314(b)(2)(iv)', 'implementation-specification', 'required'],
      ['164.316(b)(2)(i)', 'implementation-specification', 'required'],
      ['164.316', 'section', null],
    ];
    for (const [id, kind, designation] of expected) expect(findControl(frameworks, id)).toMatchObject({ framework: 'hipaa', kind, designation });
    expect(findControl(frameworks, '164.308(a)(1)(ii)(A)')).toMatchObject({ parent: '164.308(a)(1)(i)', citation: '45 CFR 164.308(a)(1)(ii)(A)' });
  });
});

describe('NYDFS 23 NYCRR 500 catalog', () => {
  it('has every section and the obligation-imposing subsections of the 2023 amendment', () => {
    // 25 sections, 500.0-500.24. Subsections and numbered paragraphs of 500.2-500.17 (the sections that
    // oblige): 500.2 10 ((a), (b), (b)(1)-(6), (c), (e); (d) only permits), 500.3 15 ((a)-(o)), 500.4 17,
    // 500.5 5, 500.6 4, 500.7 11, 500.8 2, 500.9 5, 500.10 4 ((b) only permits), 500.11 10, 500.12 5
    // ((a), its (1)-(3) for entities with a 500.19(a) limited exemption, (b)), 500.13 4, 500.14 7,
    // 500.15 2, 500.16 9, 500.17 12 (incl. (b)(1)(i) certification and (b)(1)(ii) acknowledgment of
    // noncompliance) = 122: 54 lettered subsections and 68 numbered paragraphs.
    expect(countBy('nydfs-500', (c) => c.kind)).toEqual({ section: 25, subsection: 54, paragraph: 68 });
    expect(ids('nydfs-500').filter((id) => /^500\.\d+$/.test(id))).toEqual(Array.from({ length: 25 }, (_, n) => `500.${n}`));
  });

  it('has the subsections named by the issue and spot checks in every part', () => {
    for (const id of ['500.2(b)(6)', '500.3(o)', '500.4(b)', '500.4(d)(4)', '500.5(a)(1)', '500.7(a)(1)', '500.7(c)(2)', '500.9(b)(3)', '500.11(b)(4)', '500.12(a)', '500.13(a)(1)', '500.14(b)(1)', '500.15(b)', '500.16(a)(1)', '500.16(d)(2)', '500.17(a)(1)', '500.17(b)(1)(ii)', '500.17(c)(2)']) {
      expect(findControl(frameworks, id), id).toMatchObject({ framework: 'nydfs-500' });
    }
    expect(findControl(frameworks, '500.7(a)(1)')).toMatchObject({ parent: '500.7(a)', citation: '23 NYCRR 500.7(a)(1)' });
    expect(findControl(frameworks, '500.14(b)')?.note).toMatch(/Class A/);
    expect(findControl(frameworks, '500.12(a)(3)')).toMatchObject({ parent: '500.12(a)', note: expect.stringMatching(/500\.19\(a\)/) });
  });

  it('numbers 500.17(b) as amended: (2) the signed electronic filing, (3) the five-year records', () => {
    expect(findControl(frameworks, '500.17(b)(2)')?.title).toMatch(/signed by the highest-ranking executive and the CISO/);
    expect(findControl(frameworks, '500.17(b)(3)')?.title).toMatch(/five years/);
    expect(findControl(frameworks, '500.24')?.title).toMatch(/^Exemptions from electronic filing/);
  });
});

describe('FTC Safeguards Rule catalog', () => {
  it('has 314.4 (a)-(j) with their numbered elements', () => {
    // 314.4 itself, paragraphs (a)-(j) (10) and their numbered elements: (a) 3, (b) 2, (c) 8, (d) 2, (e) 4,
    // (f) 3, (g) none, (h) 7, (i) 2, (j) 2 = 33.
    expect(ids('ftc-safeguards').filter((id) => /^314\.4\([a-j]\)$/.test(id))).toEqual([...'abcdefghij'].map((l) => `314.4(${l})`));
    expect(countBy('ftc-safeguards', (c) => c.kind)).toEqual({ section: 1, paragraph: 43 });
  });

  it('names the Qualified Individual and the annual report to the board', () => {
    expect(findControl(frameworks, '314.4(a)')?.title).toMatch(/Qualified Individual/);
    expect(findControl(frameworks, '314.4(i)')?.title).toMatch(/board/);
    for (const id of ['314.4(a)(2)', '314.4(b)(1)', '314.4(c)(3)', '314.4(c)(8)', '314.4(d)(2)', '314.4(e)(4)', '314.4(f)(3)', '314.4(g)', '314.4(h)(7)', '314.4(i)(2)', '314.4(j)(1)']) {
      expect(findControl(frameworks, id), id).toMatchObject({ framework: 'ftc-safeguards', citation: `16 CFR ${id}` });
    }
  });
});

describe('PCI DSS v4.0.1 catalog', () => {
  it('has every defined-approach requirement of Requirements 1-12 and Appendices A1-A2', () => {
    // Requirements counted per principal requirement from v4.0.1's own numbering:
    // 1: 19, 2: 11, 3: 29, 4: 6, 5: 13, 6: 19, 7: 12, 8: 29, 9: 27, 10: 27, 11: 21, 12: 37 (= 250),
    // A1: 7, A2: 3. Under them 66 x.y headings and 14 principal requirements (1-12, A1, A2).
    const perPrincipal = countBy('pci-dss-4.0.1', (c) => (c.kind === 'requirement' ? c.id.split('.')[0]! : null));
    expect(perPrincipal).toEqual({ 1: 19, 2: 11, 3: 29, 4: 6, 5: 13, 6: 19, 7: 12, 8: 29, 9: 27, 10: 27, 11: 21, 12: 37, A1: 7, A2: 3 });
    expect(countBy('pci-dss-4.0.1', (c) => c.kind)).toEqual({ 'principal-requirement': 14, 'requirement-group': 66, requirement: 260 });
  });

  it('marks the 50 new requirements that were best practices until 31 March 2025', () => {
    // The future-dated requirements of 1-12, A1 and A2 as listed in v4.0.1's applicability notes
    // (A3's are out of scope); five of them had only one bullet future-dated, and say so in a note.
    const futureDated = controlsOf(frameworks, 'pci-dss-4.0.1').filter((c) => c.futureDated);
    expect(futureDated).toHaveLength(50);
    for (const id of ['5.4.1', '6.4.3', '8.4.2', '11.6.1', '12.3.1', '12.10.7', 'A1.1.4']) expect(findControl(frameworks, id)?.futureDated, id).toBe(true);
    for (const id of ['8.4.1', '11.3.1', '12.10.1', '8.3.9']) expect(findControl(frameworks, id)?.futureDated, id).toBe(false);
    expect(futureDated.filter((c) => c.note?.includes('bullet')).map((c) => c.id)).toEqual(['3.2.1', '3.3.3', '3.6.1.1', '4.2.1', '12.10.5']);
  });

  it('reaches every numbered level, including four-part and five-part numbers', () => {
    for (const id of ['1.2.8', '3.3.1.3', '8.3.10.1', '9.5.1.2.1', '10.2.1.7', '12.5.2.1', '12.10.4.1', 'A2.1.3']) expect(findControl(frameworks, id), id).toBeDefined();
    expect(findControl(frameworks, '9.5.1.2.1')).toMatchObject({ parent: '9.5.1.2', citation: 'PCI DSS v4.0.1 Requirement 9.5.1.2.1' });
    expect(findControl(frameworks, '12.10')).toMatchObject({ kind: 'requirement-group', parent: '12' });
  });
});

describe('hierarchy', () => {
  it('gives every non-root control a parent of its framework defined above it, numbered under it', () => {
    for (const catalog of frameworks.catalogs) {
      const seen = new Set<string>();
      for (const control of catalog.controls) {
        if (control.parent !== null) {
          expect(seen.has(control.parent), `${control.id} → ${control.parent}`).toBe(true);
          // PCI numbers nest by dots (8.4 → 8.4.2); the regulations by paragraphs of one section.
          const prefix = catalog.framework === 'pci-dss-4.0.1' ? `${control.parent}.` : `${control.parent.split('(')[0]}(`;
          expect(control.id.startsWith(prefix), `${control.id} under ${control.parent}`).toBe(true);
        }
        seen.add(control.id);
      }
      expect(catalog.controls.filter((c) => c.parent === null).every((c) => c.kind === 'section' || c.kind === 'principal-requirement')).toBe(true);
    }
  });

  it('inherits the typical owner from the nearest enclosing control that names one', () => {
    expect(findControl(frameworks, '8.4.2')?.owner).toBeNull();
    expect(typicalOwner(frameworks, '8.4.2')).toBe('msp');
    expect(typicalOwner(frameworks, '12.8.4')).toBe('internal');
    expect(typicalOwner(frameworks, '164.308(a)(1)(ii)(C)')).toBe('internal');
    expect(typicalOwner(frameworks, '500.1')).toBeNull();
  });

  it('is frozen: the shared catalogs cannot be changed after loading', () => {
    const control = findControl(frameworks, '8.4.2')!;
    expect(() => Object.assign(control, { title: 'x' })).toThrow(TypeError);
    expect(() => (frameworks.catalogs[0]!.controls as Control[]).push(control)).toThrow(TypeError);
  });
});

describe('crosswalk', () => {
  it('relates the MFA controls of all four frameworks, as the issue gives them', () => {
    const related = relatedControls(frameworks, '164.312(d)').map((c) => c.id);
    expect(related).toEqual(expect.arrayContaining(['500.12(a)', '314.4(c)(5)', '8.4.2']));
    expect(related).not.toContain('164.312(d)');
    expect(relatedControls(frameworks, '8.4.2').map((c) => c.framework)).toEqual(expect.arrayContaining(['hipaa', 'nydfs-500', 'ftc-safeguards']));
  });

  it('covers the topics an MSP and its auditor ask about, each across at least two frameworks', () => {
    expect(frameworks.topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['mfa', 'access-review', 'vulnerability-scanning', 'patching', 'logging-monitoring', 'backups-contingency', 'incident-response', 'encryption', 'training', 'vendor-management', 'risk-assessment', 'asset-inventory', 'change-management', 'penetration-testing', 'policy-governance', 'board-reporting']),
    );
    for (const topic of frameworks.topics) expect(new Set(topic.controls.map((c) => c.framework)).size, topic.id).toBeGreaterThanOrEqual(2);
  });

  it('resolves every id to the catalog entry of the framework it is listed under', () => {
    for (const topic of frameworks.topics) {
      for (const control of topic.controls) expect(controlsOf(frameworks, control.framework)).toContain(control);
    }
    expect(relatedControls(frameworks, '500.1')).toEqual([]);
  });
});

describe('the example RACI matrices', () => {
  it('name only controls that exist, in the frameworks each client is under', async () => {
    const dataDir = path.join(root, 'data');
    const unknown: string[] = [];
    const clients = await listClients(dataDir);
    expect(clients.length).toBeGreaterThan(0);
    for (const clientId of clients) {
      const { config, raci } = await readClient(dataDir, clientId);
      const ids = raci.flatMap((entry) => entry.controls);
      expect(ids.length, clientId).toBeGreaterThan(0);
      for (const id of ids) {
        const control = findControl(frameworks, id);
        if (!control || !config.frameworks.includes(control.framework)) unknown.push(`${clientId}: ${id}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
