/**
 * Where each page lands in the built site, and relative links between them. Every href is relative
 * and names a file, so the portal works from file:// (a USB stick) as well as from any static host.
 */

export const periodPages = [
  { slug: 'index', label: 'Overview' },
  { slug: 'findings', label: 'Findings' },
  { slug: 'tickets', label: 'Tickets & SLA' },
  { slug: 'ingest', label: 'Ingest report' },
  { slug: 'raci', label: 'RACI' },
] as const;
export type PeriodPage = (typeof periodPages)[number]['slug'];

/** Path from the site root, e.g. `smile-dental/2026-Q3/findings.html`. */
export function periodPagePath(client: string, period: string, page: PeriodPage): string {
  return `${client}/${period}/${page}.html`;
}

export function clientIndexPath(client: string): string {
  return `${client}/index.html`;
}

/** The href that leads from the page at `from` to the page at `to`, both paths from the site root. */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  return [...fromDirs.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
