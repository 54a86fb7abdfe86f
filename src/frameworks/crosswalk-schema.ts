import { z } from 'zod';
import { Framework } from '../model/client.ts';
import { ControlId } from './catalog-schema.ts';

const Topic = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'a topic id is a slug: lowercase letters, digits and hyphens')
    .meta({ description: 'Stable slug, e.g. mfa' }),
  title: z.string().min(1),
  controls: z
    .partialRecord(Framework, z.array(ControlId).min(1))
    .refine((byFramework) => Object.keys(byFramework).length >= 2, 'a topic relates controls of at least two frameworks')
    .meta({ description: 'Related control ids, listed per framework' }),
});

/** `content/frameworks/crosswalk.yaml`: topics relating controls across frameworks. */
export const CrosswalkFile = z.strictObject({
  topics: z.array(Topic).min(1),
});
export type CrosswalkFile = z.infer<typeof CrosswalkFile>;
export type Topic = z.infer<typeof Topic>;
