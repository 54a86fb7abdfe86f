import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';

/** The folder of a client's search index, inside that client's folder. */
export const searchFolder = 'pagefind';

/**
 * Pagefind's UI bundles: the search page queries the index through `pagefind.js` and renders the
 * results itself (as text), so these would only be files an auditor has to wonder about.
 */
const unused = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\b/;

/**
 * Indexes every page of each client on disk (every period, not only those built now) into
 * `<outDir>/<client>/pagefind/`: one index per client, built from that client's folder alone, so
 * no other client's words can be in it. Returns the files written, relative to `outDir`.
 */
export async function writeSearchIndexes(outDir: string, clients: Iterable<string>): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const client of clients) written.push(...(await indexClient(outDir, client)));
  } finally {
    await close();
  }
  return written;
}

async function indexClient(outDir: string, client: string): Promise<string[]> {
  const clientDir = join(outDir, client);
  // English throughout, so every index has one language and the same files on every machine.
  // Column headings and charts (whose figures the tables hold) would only clutter every excerpt.
  const { index, errors } = await createIndex({ forceLanguage: 'en', keepIndexUrl: true, excludeSelectors: ['thead', 'svg', 'summary', '.caption-note'] });
  if (!index) throw new Error(`Pagefind could not start an index for ${client}: ${errors.join('; ')}`);
  try {
    // Every page of every period, the pages below one (a control's) included; the client pages (index, search) hold no evidence.
    const added = await index.addDirectory({ path: clientDir, glob: '*/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${clientDir}: ${added.errors.join('; ')}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not write the index of ${client}: ${fileErrors.join('; ')}`);
    const target = join(clientDir, searchFolder);
    await rm(target, { recursive: true, force: true });
    const kept = files.filter((file) => !unused.test(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const file of kept) {
      await mkdir(dirname(join(target, file.path)), { recursive: true });
      await writeFile(join(target, file.path), file.content);
    }
    return kept.map((file) => `${client}/${searchFolder}/${file.path}`);
  } finally {
    await index.deleteIndex();
  }
}
