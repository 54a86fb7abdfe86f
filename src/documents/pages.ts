import { pageName } from '../site/lib/paths.ts';

/**
 * Where each document of a period gets its own portal page: `<client>/<period>/documents/<slug>.html`.
 * Pure, so the Policies index and the document pages name the same files.
 */
/** A file's name without its folder and extension, as a page name. */
function baseSlug(file: string): string {
  return pageName(file.split('/').pop()!.replace(/\.[^.]*$/, '')) || 'document';
}

/**
 * The slug of each document, in the order given: its file name, lower case because a portal on a USB
 * stick meets case-insensitive file systems. A client's document and an MSP-wide one of the same
 * name both keep a page: the later one gets `-2` (then `-3`…).
 */
export function documentSlugs(documents: readonly { file: string }[]): string[] {
  const taken = new Set<string>();
  return documents.map((document) => {
    const base = baseSlug(document.file);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Path from the site root of a document's page, e.g. `smile-dental/2026-Q3/documents/backup-policy.html`. */
export function documentPagePath(client: string, period: string, slug: string): string {
  return `${client}/${period}/documents/${slug}.html`;
}
