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
 * The file name (without `.html`) of a control's own page: its framework and id in lower case, every
 * run of other characters a hyphen (`164.308(a)(1)(ii)(A)` → `hipaa-164-308-a-1-ii-a`). Lower case,
 * because a portal on a USB stick meets case-insensitive file systems; the catalogs' ids stay
 * distinct this way (tests/portal/paths.test.ts checks every shipped catalog), and the portal build
 * refuses two controls of one period that would share a page.
 */
export function controlSlug(control: { framework: string; id: string }): string {
  return `${control.framework}-${pageName(control.id)}`;
}

/** Text as a page's file name: lower case (case-insensitive file systems), every run of other characters a hyphen. */
export function pageName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Path from the site root of a control's page, e.g. `smile-dental/2026-Q3/controls/hipaa-164-312-b.html`. */
export function controlPagePath(client: string, period: string, control: { framework: string; id: string }): string {
  return `${client}/${period}/controls/${controlSlug(control)}.html`;
}

/**
 * The id of a control's row on the controls page, unique across frameworks: citation punctuation
 * becomes hyphens (`164.308(a)(1)` → `control-hipaa-164-308-a-1`) so the fragment is a plain word.
 */
export function controlAnchor(control: { framework: string; id: string }): string {
  const id = control.id.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '');
  return `control-${control.framework}-${id}`;
}

/**
 * The id of a finding's row on the findings page: its key (scanner, plugin, host, port, protocol)
 * with every run of characters other than letters, digits and hyphens a hyphen, so the overview's
 * open items can point at it with a plain-word fragment.
 */
export function findingAnchor(key: string): string {
  return `finding-${key.replace(/[^\w-]+/g, '-')}`;
}

/** The href that leads from the page at `from` to the page at `to`, both paths from the site root. */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  return [...fromDirs.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
