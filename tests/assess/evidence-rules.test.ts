import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceRulesFile, loadEvidenceRules } from '../../src/assess/controls/load-rules.ts';
import { loadFrameworks } from '../../src/frameworks/load.ts';

const content = path.join(import.meta.dirname, '..', '..', 'content');

describe('content/rules/evidence-rules.yaml', () => {
  it('loads against the shipped catalogs and credits controls in every framework', async () => {
    const frameworks = await loadFrameworks(path.join(content, 'frameworks'));
    const rules = await loadEvidenceRules(content, frameworks);
    expect(rules.map((r) => r.id)).toEqual(['vulnerability-scans-remediated', 'service-provider-sla', 'restores-tested', 'access-reviewed', 'remote-sessions-controlled', 'patches-current', 'security-monitoring',
      ...Array.from({ length: 11 }, (_, i) => `roles-pci-requirement-${i + 1}`), 'roles-security-official',
      'asset-inventory', 'asset-inventory-pci', 'asset-inventory-ftc', 'incident-escalation', 'incident-escalation-hipaa']);
    const credited = new Set(rules.flatMap((r) => [...r.topics.flatMap((t) => frameworks.topics.find((x) => x.id === t)!.controls.map((c) => c.framework)), ...Object.keys(r.controls)]));
    expect([...credited].sort()).toEqual(['ftc-safeguards', 'hipaa', 'nydfs-500', 'pci-dss-4.0.1']);
    // The access review credits its crosswalk topic: one review counts in all four frameworks.
    expect(rules.find((r) => r.id === 'access-reviewed')!.topics).toEqual(['access-review']);
  });

  it('names a rule that credits a control its catalog does not define', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'proofbook-rules-'));
    cpSync(content, copy, { recursive: true });
    const file = path.join(copy, evidenceRulesFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"12.8.4"', '"12.8.99"'));
    const frameworks = await loadFrameworks(path.join(copy, 'frameworks'));
    await expect(loadEvidenceRules(copy, frameworks)).rejects.toThrow('rule service-provider-sla credits pci-dss-4.0.1 control "12.8.99"');
  });
});
