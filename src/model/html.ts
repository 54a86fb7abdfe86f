import { defaultSchema } from 'rehype-sanitize';
import { z } from 'zod';

/**
 * A document body rendered from Markdown, as a tree (hast) rather than an HTML string: the report
 * model stays plain data in which every string is text, and this schema — checked on every read of
 * a model, report.json included — admits only the tags, attributes and URL schemes a sanitized
 * document can hold. The HTML is written from the tree by src/documents/markdown.ts.
 */

/**
 * GitHub's sanitize schema without images (a document's images are shown as their alt text, so the
 * portal and the packet fetch nothing) and without re-prefixing ids: remark-rehype already prefixes
 * the only ids a document can make, its footnotes', with `user-content-`.
 */
export const documentSanitizeSchema = Object.freeze({
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: defaultSchema.tagNames!.filter((name) => name !== 'img'),
});

const tagNames = documentSanitizeSchema.tagNames as [string, ...string[]];
const propertyNames = new Set(Object.values(defaultSchema.attributes!).flat().map((entry) => (typeof entry === 'string' ? entry : entry[0]!)));
const protocols = defaultSchema.protocols as Record<string, readonly string[]>;

/** A URL property is relative, or its scheme is one the sanitizer allows for that property. */
function safeUrl(name: string, value: unknown): boolean {
  const allowed = protocols[name];
  if (!allowed || typeof value !== 'string') return true;
  const scheme = /^([^:/?#]+):/.exec(value.trim());
  return !scheme || allowed.includes(scheme[1]!.toLowerCase());
}

const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

const Properties = z.record(z.string(), PropertyValue)
  .refine((properties) => Object.keys(properties).every((name) => propertyNames.has(name)), 'an attribute the document sanitizer does not allow')
  .refine((properties) => Object.entries(properties).every(([name, value]) => safeUrl(name, value)), 'a URL with a scheme the document sanitizer does not allow');

export const HtmlText = z.object({ type: z.literal('text'), value: z.string() });
export type HtmlText = z.infer<typeof HtmlText>;

export interface HtmlElement {
  type: 'element';
  tagName: string;
  properties: Record<string, z.infer<typeof PropertyValue>>;
  children: (HtmlElement | HtmlText)[];
}

export const HtmlElement: z.ZodType<HtmlElement> = z.object({
  type: z.literal('element'),
  tagName: z.enum(tagNames),
  properties: Properties,
  get children() {
    return z.array(z.union([HtmlElement, HtmlText]));
  },
});
