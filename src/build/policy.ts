import path from 'node:path';
import { loadEvidenceRules } from '../assess/controls/load-rules.ts';
import type { EvidenceRule } from '../assess/controls/rule-file.ts';
import { loadFrameworks, type Frameworks } from '../frameworks/load.ts';

export interface Policy {
  frameworks: Frameworks;
  rules: readonly EvidenceRule[];
}

const loaded = new Map<string, Promise<Policy>>();

/** Control catalogs and evidence rules of a content folder, read once per process. */
export function loadPolicy(contentDir: string): Promise<Policy> {
  let policy = loaded.get(contentDir);
  if (!policy) {
    policy = loadFrameworks(path.join(contentDir, 'frameworks')).then(async (frameworks) => ({ frameworks, rules: await loadEvidenceRules(contentDir, frameworks) }));
    loaded.set(contentDir, policy);
  }
  return policy;
}
