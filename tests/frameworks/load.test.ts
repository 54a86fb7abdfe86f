import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleFrameworks, loadFrameworks, parseSource, readFrameworks } from '../../src/frameworks/load.ts';
import { controlsOf, findControl, relatedControls } from '../../src/frameworks/lookups.ts';

const hipaa = `framework: hipaa
title: HIPAA Security Rule
version: test
source: { citation: 45 CFR 164 }
cite_as: "45 CFR {id}"
controls:
  - { id: "164.312", kind: section, title: Technical safeguards }
  - { id: "164.312(d)", parent: "164.312", kind: standard, designation: required, title: Authentication }
`;
const pci = `framework: pci-dss-4.0.1
title: PCI DSS
version: test
source: { citation: PCI DSS v4.0.1 }
cite_as: "PCI DSS v4.0.1 Requirement {id}"
controls:
  - { id: "8", kind: principal-requirement, title: Identify and authenticate }
  - { id: "8.4", parent: "8", kind: requirement-group, title: MFA }
  - { id: "8.4.2", parent: "8.4", kind: requirement, future_dated: true, title: MFA into the CDE }
`;
const crosswalk = `topics:
  - id: mfa
    title: Multi-factor authentication
    controls:
      hipaa: ["164.312(d)"]
      pci-dss-4.0.1: ["8.4.2"]
`;

const assemble = (files: Record<string, string>) => assembleFrameworks(Object.entries(files).map(([name, text]) => parseSource(name, text)));
const problems = (files: Record<string, string>) => assemble(files).diagnostics.map((d) => [d.file, d.line, d.column, d.rule]);

describe('loading catalogs', () => {
  it('resolves citations from cite_as and relates controls through the crosswalk', () => {
    const { frameworks, diagnostics } = assemble({ 'hipaa.yaml': hipaa, 'pci.yaml': pci, 'crosswalk.yaml': crosswalk });
    expect(diagnostics).toEqual([]);
    expect(findControl(frameworks!, '8.4.2')).toMatchObject({ citation: 'PCI DSS v4.0.1 Requirement 8.4.2', futureDated: true, definedAt: { file: 'pci.yaml', line: 9 } });
    expect(relatedControls(frameworks!, '8.4.2').map((c) => c.id)).toEqual(['164.312(d)']);
    // Catalogs come in the order of the Framework enum, whatever the file names.
    expect(frameworks!.catalogs.map((c) => c.framework)).toEqual(['hipaa', 'pci-dss-4.0.1']);
  });

  it('reports a schema error at the file, line and column of the offending key', () => {
    const broken = hipaa.replace('kind: standard', 'kind: standrd');
    const { frameworks, diagnostics } = assemble({ 'hipaa.yaml': broken });
    expect(frameworks).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'hipaa.yaml', line: 8, column: 50, rule: 'catalog/invalid', field: 'controls.1.kind', severity: 'error', hint: expect.stringContaining('docs/frameworks.md') }),
    ]);
    expect(diagnostics[0]!.message).toMatch(/^controls\.1\.kind: .*standard/);
  });

  it('rejects an unquoted id that YAML reads as a number, saying how to write it', () => {
    const { diagnostics } = assemble({ 'pci.yaml': pci.replace('id: "8.4",', 'id: 8.40,') });
    expect(diagnostics.map((d) => [d.line, d.column, d.field])).toEqual([[8, 11, 'controls.1.id']]);
    expect(diagnostics[0]!.message).toMatch(/quotes.*12\.10/);
  });

  it('reports YAML syntax errors with their place', () => {
    const found = problems({ 'hipaa.yaml': `${hipaa}  - { id: "x", kind: section, title: [unclosed }\n` });
    expect(found[0]).toEqual(['hipaa.yaml', 9, 48, 'catalog/invalid']);
    expect(found.every(([, line]) => line === 9)).toBe(true);
  });

  it('collects every problem: a duplicate id, an unknown parent, a crosswalk id no catalog defines', () => {
    const duplicate = `${pci}  - { id: "8.4.2", parent: "8.4", kind: requirement, title: Again }\n  - { id: "8.9.9", parent: "8.9", kind: requirement, title: Orphan }\n`;
    const badCrosswalk = crosswalk.replace('"164.312(d)"', '"164.312(d)", "164.312(z)"');
    expect(problems({ 'hipaa.yaml': hipaa, 'pci.yaml': duplicate, 'crosswalk.yaml': badCrosswalk })).toEqual([
      ['pci.yaml', 10, 11, 'catalog/duplicate-id'],
      ['pci.yaml', 11, 28, 'catalog/unknown-parent'],
      ['crosswalk.yaml', 5, 29, 'crosswalk/unknown-control'],
    ]);
  });

  it('keeps framework-specific fields to their framework', () => {
    const misplaced = pci.replace('future_dated: true', 'designation: required');
    const { diagnostics } = assemble({ 'pci.yaml': misplaced, 'hipaa.yaml': hipaa.replace('designation: required, ', '') });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/controls\.2\.designation: .*HIPAA controls only/),
      expect.stringMatching(/controls\.1\.kind: HIPAA standard 164\.312\(d\) needs designation/),
    ]);
  });

  it('adds a supplement\'s controls to its framework, under the catalog\'s controls', () => {
    const supplement = `supplements: hipaa
title: Smile Dental internal controls
cite_as: "Smile Dental control {id}"
controls:
  - { id: "smile-dental:offsite-backup", parent: "164.312", kind: requirement, owner: msp, title: Weekly off-site backup copy }
`;
    const { frameworks, diagnostics } = assemble({ 'a-supplement.yaml': supplement, 'hipaa.yaml': hipaa });
    expect(diagnostics).toEqual([]);
    expect(controlsOf(frameworks!, 'hipaa').map((c) => c.id)).toEqual(['164.312', '164.312(d)', 'smile-dental:offsite-backup']);
    expect(findControl(frameworks!, 'smile-dental:offsite-backup')).toMatchObject({ citation: 'Smile Dental control smile-dental:offsite-backup', owner: 'msp', definedAt: { file: 'a-supplement.yaml', line: 5 } });
    expect(problems({ 'a-supplement.yaml': supplement })).toEqual([['a-supplement.yaml', 1, 14, 'catalog/invalid']]);
  });
});

describe('loading from disk', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proofbook-frameworks-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it('reads every YAML file of the folder and ignores other files', async () => {
    const { frameworks, diagnostics } = await readFrameworks(folder({ 'hipaa.yaml': hipaa, 'pci-dss.yaml': pci, 'crosswalk.yaml': crosswalk, 'README.md': '# not a catalog' }));
    expect(diagnostics).toEqual([]);
    expect(frameworks!.topics.map((t) => t.controls.length)).toEqual([2]);
  });

  it('refuses to hand out catalogs with problems, listing each one with its place', async () => {
    const dir = folder({ 'hipaa.yaml': hipaa.replace('kind: standard', 'kind: standrd'), 'crosswalk.yaml': crosswalk });
    await expect(loadFrameworks(dir)).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringContaining('hipaa.yaml:8:50: controls.1.kind'),
      hint: expect.stringContaining('docs/frameworks.md'),
    });
  });
});
