import path from 'node:path';
import { UserError } from '../../cli/user-error.ts';
import { findControl } from '../../frameworks/lookups.ts';
import type { Frameworks } from '../../frameworks/load.ts';
import { readYamlConfig } from '../../ingest/config-file.ts';
import { EvidenceRulesFile, type EvidenceRule } from './rule-file.ts';

export const evidenceRulesFile = path.join('rules', 'evidence-rules.yaml');

/** Reads the evidence rules and checks that every topic and control they credit exists. */
export async function loadEvidenceRules(contentDir: string, frameworks: Frameworks): Promise<readonly EvidenceRule[]> {
  const { rules } = await readYamlConfig(path.join(contentDir, evidenceRulesFile), evidenceRulesFile, EvidenceRulesFile);
  for (const rule of rules) {
    for (const topic of rule.topics) {
      if (!frameworks.topics.some((t) => t.id === topic)) {
        throw new UserError(`${evidenceRulesFile}: rule ${rule.id} credits topic "${topic}", which the crosswalk does not define`, `Topics: ${frameworks.topics.map((t) => t.id).join(', ')}.`);
      }
    }
    for (const [framework, ids] of Object.entries(rule.controls)) {
      for (const id of ids ?? []) {
        if (findControl(frameworks, id)?.framework !== framework) {
          throw new UserError(`${evidenceRulesFile}: rule ${rule.id} credits ${framework} control "${id}", which its catalog does not define`, 'Write the id exactly as the catalog in content/frameworks/ does.');
        }
      }
    }
  }
  return Object.freeze(rules);
}
