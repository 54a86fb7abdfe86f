import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSites } from '../../src/portal/build-sites.ts';
import { buildSample, controlPages, documentPages, listFiles, pageNames, sampleModels, type BuiltSite } from './support.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSample();
}, 120_000);
afterAll(() => site?.remove());

const withoutIndex = (files: string[]) => files.filter((file) => !file.includes('/pagefind/'));

it('replaces only the client periods it builds, that client pages and search index, and reads the rest from disk', async () => {
  // An earlier period built long ago, which the models given now do not mention.
  const old = join(site.outDir, 'beta-cpa/2026-Q1/index.html');
  await mkdir(dirname(old), { recursive: true });
  await writeFile(old, '<html lang="en"><body><main data-pagefind-body>built in an earlier quarter</main></body></html>');
  const before = new Map<string, string>();
  for (const file of await listFiles(site.outDir)) before.set(file, await readFile(join(site.outDir, file), 'utf8'));

  const betaQ3 = sampleModels().find((m) => m.client.id === 'beta-cpa' && m.period.id === '2026-Q3')!;
  const rebuilt = { ...betaQ3, client: { ...betaQ3.client, name: 'Beta CPA, renamed' } };
  const result = await buildSites([rebuilt], { outDir: site.outDir, workDir: join(site.root, 'work-again') });

  const changed: string[] = [];
  for (const [file, text] of before) {
    if ((await readFile(join(site.outDir, file), 'utf8').catch(() => null)) !== text) changed.push(file);
  }
  const expected = ['beta-cpa/index.html', 'beta-cpa/search.html', ...[...pageNames.map((p) => `${p}.html`), ...documentPages.map((p) => `documents/${p}.html`), ...controlPages.map((p) => `controls/${p}.html`), 'report.json'].map((p) => `beta-cpa/2026-Q3/${p}`)].sort();
  expect(withoutIndex(result.files)).toEqual(expected);
  expect(withoutIndex(changed).sort()).toEqual(expected);
  // Only this client's search index is rebuilt, over every period on disk, the one built long ago included.
  expect(result.files.filter((file) => file.includes('/pagefind/') && !file.startsWith('beta-cpa/pagefind/'))).toEqual([]);
  expect(changed.filter((file) => file.includes('/pagefind/') && !file.startsWith('beta-cpa/'))).toEqual([]);
  const entry = JSON.parse(await readFile(join(site.outDir, 'beta-cpa/pagefind/pagefind-entry.json'), 'utf8'));
  expect(entry.languages.en.page_count).toBe(2 * (pageNames.length + documentPages.length + controlPages.length) + 1);
  expect(await listFiles(site.outDir)).toEqual(expect.arrayContaining(withoutIndex([...before.keys()])));

  // Q2 of beta-cpa was not built now: its figures come from the report.json the first build left.
  const compare = await readFile(join(site.outDir, 'beta-cpa/2026-Q3/compare.html'), 'utf8');
  expect(compare).not.toContain('are not in this portal');
  expect(compare).toMatch(/Open at the period end<\/th>\s*<td class="num">10<\/td>\s*<td class="num">14<\/td>\s*<td class="num">\+4<\/td>/);
  const trend = await readFile(join(site.outDir, 'beta-cpa/2026-Q3/findings.html'), 'utf8');
  expect(trend).toContain('Open: 2026-Q2 10, 2026-Q3 14');
  // The MSP overview still lists alpha-dental, read from disk.
  const msp = await readFile(join(result.mspDir, 'index.html'), 'utf8');
  expect(msp).toContain('../sites/alpha-dental/index.html');
  expect(msp).toContain('Beta CPA, renamed');
}, 120_000);

it('keeps the client pages of a later period when an older period is rebuilt', async () => {
  const index = join(site.outDir, 'alpha-dental/index.html');
  const before = await readFile(index, 'utf8');
  const alphaQ2 = sampleModels().find((m) => m.client.id === 'alpha-dental' && m.period.id === '2026-Q2')!;
  const result = await buildSites([alphaQ2], { outDir: site.outDir, workDir: join(site.root, 'work-older') });
  expect(result.files).not.toContain('alpha-dental/index.html');
  expect(result.files).not.toContain('alpha-dental/search.html');
  // 11 period pages, a page per document and the MSP overview.
  expect(result.pages).toBe(11 + documentPages.length + controlPages.length + 1);
  expect(await readFile(index, 'utf8')).toBe(before);
}, 120_000);
