import { z } from 'zod';
import { OwnerSide } from './client.ts';
import { HtmlElement } from './html.ts';

/**
 * Front matter of a policy, procedure, plan or commentary written in Markdown: who owns and
 * approved it, when it took effect, when it must be reviewed again, and the controls it satisfies.
 */
export const DocumentFrontMatter = z.strictObject({
  title: z.string().min(1),
  kind: z.enum(['policy', 'procedure', 'plan', 'commentary', 'management-response']).meta({ description: 'What the document is' }),
  owner_side: OwnerSide.meta({ description: 'The side that owns the document' }),
  approver: z.string().min(1).meta({ description: 'Who approved it, by name and role' }),
  effective: z.iso.date().meta({ description: 'YYYY-MM-DD it took effect (not the upload date)' }),
  next_review: z.iso.date().meta({ description: 'YYYY-MM-DD by which it must be reviewed; stale after' }),
  controls: z.array(z.string().min(1)).default([]).meta({ description: 'Control ids it satisfies, as the catalogs write them' }),
});
export type DocumentFrontMatter = z.infer<typeof DocumentFrontMatter>;

/** A document read from the data drop (client-specific) or from content/ (MSP-wide). */
export const PolicyDocument = z.object({
  /** Path relative to the data folder, or `content/…` for MSP-wide documents. */
  file: z.string(),
  title: z.string(),
  kind: DocumentFrontMatter.shape.kind,
  ownerSide: OwnerSide,
  approver: z.string(),
  effective: z.string(),
  nextReview: z.string(),
  controls: z.array(z.string()),
  /** The Markdown body, untrusted text; renderers escape or sanitise it. */
  body: z.string(),
  /**
   * The body rendered once from Markdown (src/documents/markdown.ts): a sanitized tree per top-level
   * block, headings demoted two levels. The portal and the packet print these same blocks.
   */
  bodyBlocks: z.array(HtmlElement).default([]),
  scope: z.enum(['client', 'msp']),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;
