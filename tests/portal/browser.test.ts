import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSample, hostile, launchBrowser, listFiles, type BuiltSite } from './support.ts';

let site: BuiltSite;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([buildSample(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.remove();
});

const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;';

describe('untrusted text', () => {
  it('is escaped in the findings page HTML, title and output alike', async () => {
    const html = await readFile(join(site.outDir, 'alpha-dental/2026-Q3/findings.html'), 'utf8');
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
  });

  it('runs nothing in Chromium and shows as text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(site.outDir, 'alpha-dental/2026-Q3/findings.html')).href, { waitUntil: 'load' });
    await page.click('.table-wrap:has(#open) tbody details summary');
    const seen = await page.evaluate(() => ({
      title: (document.querySelector('.table-wrap:has(#open) tbody th') as HTMLElement).innerText,
      output: (document.querySelector('.table-wrap:has(#open) tbody pre') as HTMLElement).innerText,
      scripts: document.scripts.length,
      images: document.images.length,
    }));
    expect(dialogs).toEqual([]);
    expect(seen.title).toContain(hostile);
    expect(seen.output).toContain(hostile);
    expect(seen.scripts).toBe(0);
    expect(seen.images).toBe(0);
    await page.close();
  });
});

describe('from file://', () => {
  it('every page loads with no console error and no failed request', async () => {
    const pages = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    for (const file of pages) {
      const requests: string[] = [];
      const onRequest = (request: { url(): string }) => requests.push(request.url());
      page.on('request', onRequest);
      await page.goto(pathToFileURL(join(site.outDir, file)).href, { waitUntil: 'load' });
      page.off('request', onRequest);
      // A page stands alone: the document itself is its only request.
      expect(requests, file).toHaveLength(1);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows the overview navigation to the findings page and the other period', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site.outDir, 'alpha-dental/index.html')).href);
    await Promise.all([page.waitForNavigation(), page.click('a.latest')]);
    expect(page.url()).toMatch(/alpha-dental\/2026-Q3\/index\.html$/);
    await Promise.all([page.waitForNavigation(), page.click('nav[aria-label="Pages of this period"] a[href="findings.html"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Findings');
    await Promise.all([page.waitForNavigation(), page.click('nav[aria-label="Periods"] a[href="../2026-Q2/index.html"]')]);
    expect(page.url()).toMatch(/alpha-dental\/2026-Q2\/index\.html$/);
    await page.close();
  });
});
