import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/**
 * One zip per client and period: that period's portal (`sites/<client>/<period>/`) and packet
 * folder (`packets/<client>/<period>/`: PDF, manifest, signature, certificate, verifier, auditors'
 * text), under the same paths as in the output folder, so the manifest's paths hold inside it.
 * Deterministic: entries sorted by path, one fixed timestamp, fixed compression.
 *
 * The portal's pages link to the client's index and to other periods, which are not in the
 * archive. Those pages are sealed, so their links stay as they are; instead the archive holds a
 * short page at each such target saying where that page is (stubs, outside the sealed folders).
 */

export const archivePath = (outDir: string, client: string, period: string): string => path.join(outDir, 'archives', client, `${client}-${period}.zip`);

// DOS time has no zone: fflate reads the Date's local fields, so this is 1980-01-01 00:00 everywhere.
const fixedTime = () => new Date(1980, 0, 1, 0, 0, 0);

/** Writes the archive of one sealed period and returns its path. */
export async function writeArchive(outDir: string, client: string, period: string): Promise<string> {
  const folders = [path.join('sites', client, period), path.join('packets', client, period)];
  const files = (await Promise.all(folders.map((folder) => filesUnder(outDir, folder)))).flat();
  const contents = new Map<string, Uint8Array>(await Promise.all(files.map(async (file) => [file, await readFile(path.join(outDir, file))] as const)));
  for (const [file, bytes] of archiveStubs(contents, client, period)) contents.set(file, bytes);
  const entries: Zippable = {};
  for (const file of [...contents.keys()].sort()) entries[file] = [contents.get(file)!, { mtime: fixedTime(), level: 6 }];
  const target = archivePath(outDir, client, period);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, zipSync(entries));
  return target;
}

/** Files below `outDir/folder`, as `/`-separated paths relative to `outDir`. */
async function filesUnder(outDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(outDir, folder), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Relative links and sources of an HTML page (the portal has no other kind): no fragment-only links, no URLs with a scheme or from the root. */
const linkPattern = /\s(?:href|src)="(?![a-z][a-z0-9+.-]*:|#|\/)([^"#?]+)[^"]*"/gi;

/** Where each relative link of the archive's pages leads, as a path in the archive. */
export function linkTargets(page: string, html: string): string[] {
  return [...html.matchAll(linkPattern)].map((m) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(m[1]!)));
    return m[1]!.endsWith('/') ? `${target}/index.html` : target;
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain page without the portal's styles (they are inside the period's folder). */
function stubPage(title: string, text: string, back: string | null): Buffer {
  return Buffer.from(`<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1 style="font-size: 1.4rem">${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
${back === null ? '' : `<p><a href="${escapeHtml(back)}">Back to the period in this archive</a></p>\n`}</body>
</html>
`);
}

/** The page standing in for `target`: the client's index, or a page of another period. */
function stubFor(target: string, client: string, period: string): Buffer {
  if (target === `sites/${client}/index.html`) {
    return stubPage(`${client}: archived periods`, `Each archive holds one period of ${client}'s portal; the list of all periods is not archived. Open the index page of a period (sites/${client}/<period>/index.html), or another period's archive (${client}-<period>.zip), unpacked into a folder of its own.`, null);
  }
  const back = path.posix.relative(path.posix.dirname(target), `sites/${client}/${period}/index.html`);
  const other = /^sites\/[^/]+\/([^/]+)\//.exec(target)?.[1];
  const where = other ? `It belongs to period ${other}, which is in its own archive, ${client}-${other}.zip: unpack that into a folder of its own and open it there.` : 'It is in no period\'s archive.';
  return stubPage('Not in this archive', `${target} is not in the archive of ${client} ${period}. ${where}`, back);
}

/**
 * A page for every target the archive's pages link to that the archive does not hold. The
 * client's index says the same in every period's archive, so unpacking several archives into
 * one folder writes the same bytes there.
 */
export function archiveStubs(contents: ReadonlyMap<string, Uint8Array>, client: string, period: string): Map<string, Buffer> {
  const stubs = new Map<string, Buffer>();
  for (const [page, bytes] of contents) {
    if (!page.endsWith('.html')) continue;
    for (const target of linkTargets(page, Buffer.from(bytes).toString('utf8'))) {
      if (!contents.has(target) && !stubs.has(target)) stubs.set(target, stubFor(target, client, period));
    }
  }
  return stubs;
}
