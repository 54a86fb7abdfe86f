import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMspOverview, buildSites } from '../../src/portal/build-sites.ts';
import { sampleReport } from '../support/sample-report.ts';
import { buildSample, clients, controlPages, documentPages, linksOf, listFiles, markers, pageNames, periods, type BuiltSite } from './support.ts';

let site: BuiltSite;
let files: string[];
beforeAll(async () => {
  site = await buildSample();
  files = await listFiles(site.outDir);
}, 120_000);
afterAll(() => site?.remove());

/** What a file holds as text: Pagefind's index files are gzip-compressed, everything else is read as is. */
async function readable(file: string): Promise<string> {
  const bytes = await readFile(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzip ? gunzipSync(bytes) : bytes).toString('latin1');
}

describe('buildSites output', () => {
  it('writes every page of every client and period, the client pages, each model and a search index per client', () => {
    const expected = clients.flatMap((client) => [
      `${client}/index.html`,
      `${client}/search.html`,
      ...periods.flatMap((period) => [
        ...pageNames.map((page) => `${client}/${period}/${page}.html`),
        ...documentPages.map((page) => `${client}/${period}/documents/${page}.html`),
        ...controlPages.map((page) => `${client}/${period}/controls/${page}.html`),
        `${client}/${period}/report.json`,
      ]),
    ]);
    expect(files.filter((file) => !file.includes('/pagefind/'))).toEqual(expected.sort());
    for (const client of clients) {
      expect(files).toEqual(expect.arrayContaining([`${client}/pagefind/pagefind.js`, `${client}/pagefind/pagefind-entry.json`]));
    }
    expect(site.result.files).toEqual(files);
    // 2 clients × (2 client pages + 2 periods × (11 pages + 2 documents + 6 controls)) + the MSP overview.
    expect(controlPages).toHaveLength(6);
    expect(site.result.pages).toBe(81);
  });

  it('writes the MSP overview to its own folder beside the portals, listing every client', async () => {
    expect(site.result.mspDir).toBe(join(site.root, 'msp'));
    expect(await listFiles(site.result.mspDir)).toEqual(['index.html']);
    const html = await readFile(join(site.result.mspDir, 'index.html'), 'utf8');
    for (const client of clients) expect(html).toContain(`href="../sites/${client}/index.html"`);
  });

  it('writes the same MSP overview on its own, from the portals on disk, without rendering any client page', async () => {
    const file = join(site.root, 'msp-alone', 'index.html');
    expect(await buildMspOverview({ sitesDir: site.outDir, file, sitesHref: '../sites', workDir: join(site.root, 'msp-work') })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(await readFile(join(site.result.mspDir, 'index.html'), 'utf8'));
    expect(await buildMspOverview({ sitesDir: join(site.root, 'no-portals'), file, sitesHref: '../sites', workDir: join(site.root, 'msp-work') })).toBe(false);
  });

  it('points each client index at the latest period and lists them all', async () => {
    for (const client of clients) {
      const html = await readFile(join(site.outDir, client, 'index.html'), 'utf8');
      expect(html).toMatch(/<a class="latest" href="2026-Q3\/index\.html">[^<]*2026-Q3/);
      expect(linksOf(html)).toEqual(expect.arrayContaining(['2026-Q2/index.html', '2026-Q3/index.html']));
    }
  });

  it('puts nothing outside the client folders', async () => {
    const top = await readdir(site.outDir, { withFileTypes: true });
    expect(top.map((entry) => [entry.name, entry.isDirectory()])).toEqual(clients.map((client) => [client, true]));
  });

  it("keeps each client's data out of every other client's folder: pages, JSON, scripts and search index", async () => {
    for (const client of clients) {
      const own = files.filter((file) => file.startsWith(`${client}/`));
      const texts = new Map(await Promise.all(own.map(async (file) => [file, await readable(join(site.outDir, file))] as const)));
      for (const other of clients.filter((c) => c !== client)) {
        for (const [file, text] of texts) {
          expect(text, `${other}'s marker in ${file}`).not.toContain(markers[other]);
          expect(text, `${other}'s id in ${file}`).not.toContain(other);
        }
      }
      // The marker is really planted, in the pages, the model and the search index alike, so its absence above means something.
      for (const kind of ['/2026-Q3/findings.html', '/2026-Q3/report.json', '.pf_fragment', '.pf_index']) {
        const holding = [...texts].filter(([file, text]) => file.includes(kind) && text.includes(markers[client]));
        expect(holding.length, `${client}: marker in a ${kind} file`).toBeGreaterThan(0);
      }
      // The MSP overview is in no client's folder.
      for (const [file, text] of texts) expect(text, file).not.toContain('MSP internal');
    }
  });

  it('links only with relative hrefs to files that exist in the same client folder', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const page = join(site.outDir, file);
      const clientDir = join(site.outDir, file.split('/')[0]!);
      const links = linksOf(await readFile(page, 'utf8'));
      if (file.split('/').length === 3) {
        expect(links, `${file} links to every page of its period`).toEqual(expect.arrayContaining(pageNames.map((name) => `${name}.html`)));
      }
      for (const link of links) {
        if (link.startsWith('#')) continue;
        expect(link, `${file}: ${link}`).toMatch(/^(?:\.\.\/)*[\w.-]+(?:\/[\w.-]+)*\.html(?:#[\w-]+)?$/);
        const target = resolve(dirname(page), link.split('#')[0]!);
        expect(relative(clientDir, target).split(sep)[0], `${file}: ${link} leaves the client folder`).not.toBe('..');
        expect(files, `${file}: ${link}`).toContain(relative(site.outDir, target).split(sep).join('/'));
      }
    }
  });
});

describe('buildSites refuses', () => {
  it('two models for the same client and period', async () => {
    const model = sampleReport({ clientId: 'gamma-tax' });
    await expect(buildSites([model, model], { outDir: '.proofbook/unused', workDir: '.proofbook/unused-work' })).rejects.toThrow(
      'Two report models for client "gamma-tax" and period 2026-Q3',
    );
  });

  it('a workDir outside the current directory', async () => {
    await expect(buildSites([sampleReport()], { outDir: '/tmp/unused', workDir: '/tmp/unused-work' })).rejects.toThrow(
      'Invalid option workDir: expected a folder inside the current directory',
    );
  });

  it('an MSP folder inside the portal folder', async () => {
    await expect(
      buildSites([sampleReport()], { outDir: '.proofbook/unused/sites', workDir: '.proofbook/unused-work', mspDir: '.proofbook/unused/sites/msp' }),
    ).rejects.toThrow('Invalid option mspDir: expected a folder outside outDir');
  });
});
