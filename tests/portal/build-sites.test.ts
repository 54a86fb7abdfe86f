import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/portal/build-sites.ts';
import { sampleReport } from '../support/sample-report.ts';
import { buildSample, clients, linksOf, listFiles, markerA, pageNames, periods, type BuiltSite } from './support.ts';

let site: BuiltSite;
let files: string[];
beforeAll(async () => {
  site = await buildSample();
  files = await listFiles(site.outDir);
}, 120_000);
afterAll(() => site?.remove());

describe('buildSites output', () => {
  it('writes every page of every client and period, and a client index', () => {
    const expected = clients.flatMap((client) => [
      `${client}/index.html`,
      ...periods.flatMap((period) => pageNames.map((page) => `${client}/${period}/${page}.html`)),
    ]);
    expect(files).toEqual(expected.sort());
    expect(site.result.files).toEqual(files);
    expect(site.result.pages).toBe(22);
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

  it("keeps client A's data out of client B's folder", async () => {
    const bFiles = files.filter((file) => file.startsWith('beta-cpa/'));
    expect(bFiles.length).toBe(11);
    for (const file of bFiles) {
      const html = await readFile(join(site.outDir, file), 'utf8');
      expect(html, file).not.toContain(markerA);
      expect(html, file).not.toContain('alpha-dental');
    }
    // The marker is really planted, so its absence above means something.
    expect(await readFile(join(site.outDir, 'alpha-dental/2026-Q3/findings.html'), 'utf8')).toContain(markerA);
  });

  it('links only with relative hrefs to files that exist in the same client folder', async () => {
    for (const file of files) {
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
});
