/**
 * Where each page lands in the built site, and relative links between them. Every href is relative
 * and names a file, so the portal works from file:// (a USB stick) as well as from any static host.
 */

/** The pages of one client and period, in navigation order; a new evidence page adds one line here. */
export const periodPages = [
  { slug: 'index', label: 'Overview' },
  { slug: 'controls', label: 'Controls' },
  { slug: 'regulatory', label: 'Regulatory' },
  { slug: 'findings', label: 'Findings' },
  { slug: 'tickets', label: 'Tickets & SLA' },
  { slug: 'operations', label: 'Operations' },
  { slug: 'documents', label: 'Policies' },
  { slug: 'compare', label: 'Changes' },
  { slug: 'evidence', label: 'Evidence index' },
  { slug: 'ingest', label: 'Ingest report' },
  { slug: 'raci', label: 'RACI' },
] as const;
export type PeriodPage = (typeof periodPages)[number]['slug'];

/** The pages of a client across its periods, in `<client>/`. */
export const clientPageFiles = ['index.html', 'search.html'] as const;

/**
 * Where Astro writes the MSP overview before `buildSites` moves it to its own folder. A client id has
 * no underscore, so no client's folder or page can collide with it.
 */
export const mspPageFile = 'msp_overview.html';

/** Path from the site root, e.g. `smile-dental/2026-Q3/findings.html`. */
export function periodPagePath(client: string, period: string, page: PeriodPage): string {
  return `${client}/${period}/${page}.html`;
}

export function clientIndexPath(client: string): string {
  return `${client}/index.html`;
}

export function searchPagePath(client: string): string {
  return `${client}/search.html`;
}

/**
 * The id of a control's row on the controls page, unique across frameworks: citation punctuation
 * becomes hyphens (`164.308(a)(1)` → `control-hipaa-164-308-a-1`) so the fragment is a plain word.
 */
export function controlAnchor(control: { framework: string; id: string }): string {
  const id = control.id.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '');
  return `control-${control.framework}-${id}`;
}

/** The href that leads from the page at `from` to the page at `to`, both paths from the site root. */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  return [...fromDirs.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
