import { z } from 'zod';
import { Framework } from '../../model/client.ts';
import { checkIds } from './checks.ts';

/**
 * `content/rules/evidence-rules.yaml`: which evidence satisfies which controls. A rule names a
 * check (code in checks.ts), the crosswalk topics whose controls it credits — so one piece of
 * evidence counts for every framework a client is under — and how fresh the evidence must be.
 */
export const EvidenceRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a rule id is a slug'),
  title: z.string().min(1).meta({ description: 'What the rule checks, as shown next to a control status' }),
  check: z.enum(checkIds).meta({ description: 'The check that evaluates the evidence' }),
  topics: z.array(z.string()).default([]).meta({ description: 'Crosswalk topic ids whose controls this rule credits' }),
  controls: z.partialRecord(Framework, z.array(z.string()).min(1)).default({}).meta({ description: 'Further control ids credited directly' }),
  ttl_days: z.number().int().positive().meta({ description: 'Evidence older than this at the period end is stale' }),
});
export type EvidenceRule = z.infer<typeof EvidenceRule>;

export const EvidenceRulesFile = z.strictObject({ rules: z.array(EvidenceRule).min(1) });
export type EvidenceRulesFile = z.infer<typeof EvidenceRulesFile>;
