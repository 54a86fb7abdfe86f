import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../support/sample-report.ts';
import { alphaOnlyPlugin, buildSample, hostile, hostileModel, launchBrowser, listFiles, pageNames, sampleModels, serveStatic, type BuiltSite } from './support.ts';

/** Scripts in attributes and elements, and a quote to break out of any attribute it lands in. */
const payload = `"'><script>window.__pwned=1</script><img src=x onerror=window.__pwned=2><svg onload=window.__pwned=3>`;
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let site: BuiltSite;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** Every HTML page: the client portals' and the MSP overview, relative to the build's root. */
let pages: string[];
beforeAll(async () => {
  [site, browser] = await Promise.all([buildSample([...sampleModels(), hostileModel(payload)]), launchBrowser()]);
  server = await serveStatic(site.root);
  pages = [...(await listFiles(site.outDir)).filter((f) => f.endsWith('.html')).map((f) => `sites/${f}`), 'msp/index.html'];
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/** Opens a page and records everything that went wrong while it loaded. */
async function visit(page: Page, url: string): Promise<{ problems: string[]; requests: string[] }> {
  const problems: string[] = [];
  const requests: string[] = [];
  const listeners = {
    console: (message: { type(): string; text(): string }) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
    },
    pageerror: (error: unknown) => problems.push(`page error: ${String(error)}`),
    requestfailed: (request: { url(): string }) => problems.push(`failed request: ${request.url()}`),
    dialog: (dialog: { message(): string; dismiss(): Promise<void> }) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    },
    request: (request: { url(): string }) => requests.push(request.url()),
  };
  for (const [event, listener] of Object.entries(listeners)) page.on(event as 'console', listener as never);
  const response = await page.goto(url, { waitUntil: 'load' });
  // The search page loads its index after the page itself: wait until it says what it found.
  if (url.includes('search.html')) await page.waitForFunction(() => !document.getElementById('search-status')!.textContent!.startsWith('Searching'));
  if (response && !response.ok() && response.status() !== 0) problems.push(`status ${response.status()}`);
  for (const [event, listener] of Object.entries(listeners)) page.off(event as 'console', listener as never);
  return { problems, requests };
}

/** Every link of the page, resolved to an absolute URL without its fragment. */
const linkTargets = (page: Page) => page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href.split('#')[0]!));

describe('from a static server', () => {
  it('every page loads with no console error and no failed request, and every link resolves', async () => {
    const page = await browser.newPage();
    const targets = new Set<string>();
    for (const file of pages) {
      const { problems } = await visit(page, `${server.url}/${file}`);
      expect(problems, file).toEqual([]);
      for (const target of await linkTargets(page)) targets.add(target);
    }
    for (const target of targets) {
      expect(target.startsWith(server.url), target).toBe(true);
      expect((await fetch(target)).status, target).toBe(200);
    }
    await page.close();
  });

  it("search finds a finding's plugin id within its own client, and not in another", async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/search.html?q=${alphaOnlyPlugin}`);
    const found = await page.$$eval('#search-results a', (links) => links.map((a) => [(a as HTMLAnchorElement).href, a.textContent]));
    // The finding's own page, and the comparison that lists it as new.
    expect(found.sort()).toEqual([
      [`${server.url}/sites/alpha-dental/2026-Q3/compare.html`, 'Changes, 2026-Q3'],
      [`${server.url}/sites/alpha-dental/2026-Q3/findings.html`, 'Findings, 2026-Q3'],
    ]);
    for (const [href] of found) expect((await fetch(href!)).status, href!).toBe(200);

    await visit(page, `${server.url}/sites/beta-cpa/search.html?q=${alphaOnlyPlugin}`);
    expect(await page.$eval('#search-status', (s) => s.textContent)).toBe(`No page matches “${alphaOnlyPlugin}”.`);
    expect(await page.$$('#search-results li')).toHaveLength(0);
    await page.close();
  });

  it('axe finds no serious or critical violation on any page type', async () => {
    const types = ['sites/alpha-dental/index.html', 'sites/alpha-dental/search.html?q=finding', ...pageNames.map((p) => `sites/alpha-dental/2026-Q3/${p}.html`), 'msp/index.html'];
    const page = await browser.newPage();
    for (const file of types) {
      await visit(page, `${server.url}/${file}`);
      await page.addScriptTag({ path: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, file).toEqual([]);
    }
    await page.close();
  });
});

describe('from file://', () => {
  it('every page loads on its own, with no console error and no failed request, and every link names a file that exists', async () => {
    const page = await browser.newPage();
    for (const file of pages) {
      const { problems, requests } = await visit(page, pathToFileURL(join(site.root, file)).href);
      expect(problems, file).toEqual([]);
      // A page stands alone: the document itself is its only request.
      expect(requests, file).toHaveLength(1);
      for (const target of await linkTargets(page)) expect(existsSync(fileURLToPath(target)), `${file}: ${target}`).toBe(true);
    }
    await page.close();
  });

  it('the search page says how to serve the portal instead of failing', async () => {
    const page = await browser.newPage();
    await visit(page, `${pathToFileURL(join(site.outDir, 'alpha-dental/search.html')).href}?q=${alphaOnlyPlugin}`);
    const notice = await page.$eval('#search-offline', (n) => ({ hidden: (n as HTMLElement).hidden, text: (n as HTMLElement).innerText }));
    expect(notice.hidden).toBe(false);
    expect(notice.text).toContain('python3 -m http.server 8000');
    expect(notice.text).toContain('http://localhost:8000/alpha-dental/search.html');
    await page.close();
  });

  it('follows the navigation from the client index to a page of another period', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site.outDir, 'alpha-dental/index.html')).href);
    await Promise.all([page.waitForNavigation(), page.click('a.latest')]);
    expect(page.url()).toMatch(/alpha-dental\/2026-Q3\/index\.html$/);
    await Promise.all([page.waitForNavigation(), page.click('nav[aria-label="Pages of this period"] a[href="compare.html"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Changes since 2026-Q2');
    await Promise.all([page.waitForNavigation(), page.click('nav[aria-label="Periods"] a[href="../2026-Q2/index.html"]')]);
    expect(page.url()).toMatch(/alpha-dental\/2026-Q2\/index\.html$/);
    await page.close();
  });
});

describe('findings filters, from file://', () => {
  const alphaQ3 = () => sampleModels().find((m) => m.client.id === 'alpha-dental' && m.period.id === '2026-Q3')!;
  const url = () => pathToFileURL(join(site.outDir, 'alpha-dental/2026-Q3/findings.html')).href;
  /** Each open-findings row's filter values, and whether the row is on screen. */
  const openRows = (page: Page) =>
    page.$$eval('.table-wrap:has(#open) tbody tr', (trs) =>
      trs.map((tr) => {
        const { severity, host, change, sla } = (tr as HTMLElement).dataset;
        return { severity, host, change, sla, shown: (tr as HTMLElement).getClientRects().length > 0 };
      }),
    );

  it('without JavaScript, show every open finding and no filter', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await visit(page, url());
    const rows = await openRows(page);
    expect(rows).toHaveLength(alphaQ3().findings.open.length);
    expect(rows.every((r) => r.shown)).toBe(true);
    expect(await page.$eval('#open-filters', (f) => f.getClientRects().length)).toBe(0);
    await page.close();
  });

  it('hide the rows that do not match each filter and their combination, count what shows, and show all again', async () => {
    const page = await browser.newPage();
    const { problems } = await visit(page, url());
    expect(problems).toEqual([]);
    const all = await openRows(page);
    expect(all.every((r) => r.shown)).toBe(true);
    const status = () => page.$eval('#open-filters .filter-status', (p) => p.textContent);
    expect(await status()).toBe(`Showing ${all.length} of ${all.length} open findings.`);
    const choose = async (key: string, value: string) => {
      await page.select(`#open-filters select[data-filter="${key}"]`, value);
      return (await openRows(page)).map((r) => r.shown);
    };
    for (const [key, value] of [['severity', 'critical'], ['host', '10.0.0.6'], ['change', 'new'], ['sla', 'no-sla']] as const) {
      const expected = all.map((r) => r[key] === value);
      expect(expected.filter(Boolean).length, key).toBeGreaterThan(0);
      expect(expected.filter(Boolean).length, key).toBeLessThan(all.length);
      expect(await choose(key, value), key).toEqual(expected);
      expect(await status()).toBe(`Showing ${expected.filter(Boolean).length} of ${all.length} open findings.`);
      await choose(key, '');
    }
    await choose('severity', 'critical');
    expect(await choose('change', 'new')).toEqual(all.map((r) => r.severity === 'critical' && r.change === 'new'));
    await page.click('#open-filters button[type="reset"]');
    await page.waitForFunction((n) => document.querySelector('#open-filters .filter-status')!.textContent === `Showing ${n} of ${n} open findings.`, {}, all.length);
    expect((await openRows(page)).every((r) => r.shown)).toBe(true);
    // The fixed findings keep every row whatever the filter.
    expect(await page.$$eval('.table-wrap:has(#fixed) tbody tr', (trs) => trs.every((tr) => tr.getClientRects().length > 0))).toBe(true);
    await page.close();
  });
});

describe('untrusted text', () => {
  it('is escaped in the findings page HTML, title and output alike', async () => {
    const html = await readFile(join(site.outDir, 'alpha-dental/2026-Q3/findings.html'), 'utf8');
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;').length - 1).toBeGreaterThanOrEqual(2);
    // The one script is the page's own filter script.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module">']);
    expect(html).not.toContain('<img');
  });

  it('shows as text and runs nothing on any page of a client whose every text field holds a payload', async () => {
    const hostilePages = [...pages.filter((p) => p.startsWith('sites/hostile-clinic/')), 'msp/index.html'];
    expect(hostilePages).toHaveLength(2 + pageNames.length + 1);
    const page = await browser.newPage();
    for (const file of [...hostilePages, 'sites/hostile-clinic/search.html?q=script']) {
      const { problems } = await visit(page, `${server.url}/${file}`);
      if (file.includes('?q=')) expect(await page.$$('#search-results li'), file).not.toHaveLength(0);
      const seen = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        text: document.body.innerText,
        images: document.images.length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        scripts: document.scripts.length,
      }));
      expect(problems, file).toEqual([]);
      expect(seen.pwned, file).toBeNull();
      expect(seen.text, file).toContain(payload);
      expect(seen.images, file).toBe(0);
      expect(seen.handlers, file).toBe(0);
      // Only the search page and the findings filters have a script: their own, inline.
      expect(seen.scripts, file).toBe(/search\.html|findings\.html/.test(file) ? 1 : 0);
    }
    // The alpha client's hostile finding title too, opened from disk.
    await page.goto(pathToFileURL(join(site.outDir, 'alpha-dental/2026-Q3/findings.html')).href);
    expect(await page.$eval('.table-wrap:has(#open) tbody th', (th) => (th as HTMLElement).innerText)).toContain(hostile);
    await page.close();
  });
});

describe('controls and regulatory pages', () => {
  it('show every control with its status in words, the change, and evidence linking to the page that holds it', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/controls.html`);
    const rows = await page.$$eval('.table-wrap:has(#controls-hipaa) tbody tr', (trs) =>
      trs.map((tr) => ({ text: (tr as HTMLElement).innerText, links: [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')) })),
    );
    expect(rows).toHaveLength(4);
    expect(rows[0]!.text).toContain('Satisfied');
    expect(rows[0]!.text).toContain('Was partial');
    expect(rows[0]!.text).toContain('EV-SCAN-COVERAGE');
    expect(rows[0]!.links).toEqual(['findings.html', 'raci.html']);
    expect(rows[2]!.text).toContain('Gap');
    expect(rows[2]!.text).toContain('No previous status');
    expect(rows[2]!.text).toContain('Evidence from a side not responsible');
    expect(rows[3]!.text).toContain('No evidence rule');
    expect(await page.$$eval('.table-wrap:has(#controls-nydfs-500) tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.includes('Was satisfied')))).toEqual([true, false]);
    await page.close();
  });

  it('shows only the regulatory summaries in scope', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/regulatory.html`);
    expect(await page.$$eval('main h2', (hs) => hs.map((h) => h.id))).toEqual(['nydfs', 'hipaa']);
    expect(await page.$eval('#nydfs + p', (p) => (p as HTMLElement).innerText)).toContain('Supports an acknowledgment of noncompliance');
    expect(await page.$$eval('.table-wrap:has(#hipaa-gaps) tbody th', (ths) => ths.map((th) => th.textContent))).toEqual(['164.308(a)(5)(ii)(B)', '164.312(b)']);
    await page.close();
  });

  it('the overview counts controls per framework and links each to its table on the controls page', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/index.html`);
    const rows = await page.$$eval('.table-wrap:has(#framework-status) tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('a')!.getAttribute('href'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    // Satisfied, partial, gap, not assessed, not applicable, all.
    expect(rows).toEqual([
      ['controls.html#framework-hipaa', '1', '1', '1', '1', '0', '4'],
      ['controls.html#framework-nydfs-500', '0', '0', '1', '0', '1', '2'],
    ]);
    for (const [href] of rows) {
      await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/${href}`);
      expect(await page.$(`#${href!.split('#')[1]}`), href!).not.toBeNull();
    }
    await page.close();
  });

  it('the overview lists the open items, each linking to its row on the controls page', async () => {
    const expected = sampleModels().find((m) => m.client.id === 'alpha-dental' && m.period.id === '2026-Q3')!.controls.controls.filter((c) => c.status === 'gap' || c.status === 'partial');
    const page = await browser.newPage();
    await visit(page, pathToFileURL(join(site.outDir, 'alpha-dental/2026-Q3/index.html')).href);
    const items = await page.$$eval('.table-wrap:has(#open-items-table) tbody tr', (trs) =>
      trs.map((tr) => ({ id: tr.querySelector('th')!.textContent, href: tr.querySelector('a')!.href, text: (tr as HTMLElement).innerText })),
    );
    expect(items.map((i) => i.id)).toEqual(expected.map((c) => c.id));
    for (const [i, item] of items.entries()) {
      expect(item.text).toContain(expected[i]!.reason);
      expect(item.text).toContain(expected[i]!.status === 'gap' ? 'Gap' : 'Partial');
      expect(item.text).toContain('Internal IT');
      await page.goto(item.href);
      const fragment = decodeURIComponent(new URL(item.href).hash.slice(1));
      expect(await page.$eval(`[id="${fragment}"]`, (th) => th.textContent), item.href).toContain(item.id);
    }
    await page.close();
  });

  it('shows hostile control text as text in the controls table', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/hostile-clinic/2026-Q3/controls.html`);
    const cells = await page.$$eval('.table-wrap:has(#controls-hipaa) tbody tr:first-child td', (tds) => tds.map((td) => (td as HTMLElement).innerText));
    expect(cells[0]).toContain(`Control 164.308(a)(1)(ii)(A) ${payload}`);
    expect(cells[2]).toContain(`satisfied ${payload}`);
    await page.close();
  });
});

describe('operations and policies pages', () => {
  /** The text of each body row of the table captioned by `id`. */
  const rowsOf = (page: Page, id: string) => page.$$eval(`.table-wrap:has(#${id}) tbody tr`, (trs) => trs.map((tr) => (tr as HTMLElement).innerText));

  it('show each kind of operational evidence with its states in words and its source line', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/operations.html`);
    const restores = await rowsOf(page, 'restore-table');
    expect(restores).toHaveLength(2);
    expect(restores[1]).toMatch(/Practice database[\s\S]*Met[\s\S]*9\.5 h[\s\S]*Not met[\s\S]*Partial[\s\S]*restore-tests\.csv:3/);
    expect(await page.$eval('#chart-rto-desc', (d) => d.textContent)).toContain('Practice database');
    expect(await page.$eval('#access-reviews + p', (p) => (p as HTMLElement).innerText)).toContain('3 accounts reviewed: 1 kept, 1 modified, 1 revoked; 2 privileged.');
    const sessions = await rowsOf(page, 'sessions-table');
    expect(sessions[0]).toContain('In order');
    expect(await page.$$eval('.table-wrap:has(#sessions-table) tbody tr:nth-child(2) .status-fail', (flags) => flags.map((f) => f.textContent))).toEqual(['✕Not recorded', '✕No approving ticket']);
    expect(sessions[1]).toContain('remote-sessions.csv:3');
    expect((await rowsOf(page, 'devices-table'))[0]).toMatch(/WS-FRONT[\s\S]*3\s+2\s+1\s+1/);
    expect((await rowsOf(page, 'missing-table'))[0]).toMatch(/KB5030211[\s\S]*Critical[\s\S]*Overdue[\s\S]*patches\.csv:4/);
    expect(await rowsOf(page, 'alert-severity')).toEqual(['High\t1\t1', 'Low\t1\t0']);
    expect((await rowsOf(page, 'alerts-table'))[0]).toContain('Repeated failed logons');
    const acceptances = await rowsOf(page, 'acceptances-table');
    expect(acceptances[0]).toContain('In force');
    expect(acceptances[1]).toContain('Expired');
    await page.close();
  });

  it('say plainly when a period had no operational export or document', async () => {
    const built = await buildSample([sampleReport({ clientId: 'empty-clinic', period: '2026-Q3' })]);
    const page = await browser.newPage();
    try {
      await visit(page, pathToFileURL(join(built.outDir, 'empty-clinic/2026-Q3/operations.html')).href);
      const empties = await page.$$eval('td.empty', (tds) => tds.map((td) => td.textContent));
      expect(empties).toEqual(['restore test', 'access review', 'remote session', 'patch', 'patch', 'SIEM alert', 'risk acceptance'].map((what) => `No ${what} export was supplied for 2026-Q3.`));
      await visit(page, pathToFileURL(join(built.outDir, 'empty-clinic/2026-Q3/documents.html')).href);
      expect(await page.$eval('main p.empty', (p) => p.textContent)).toBe('No policy, procedure or plan was supplied for 2026-Q3.');
    } finally {
      await page.close();
      await built.remove();
    }
  }, 120_000);

  it('show each document with its review state, and link the controls the controls page shows', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/documents.html`);
    const documents = await page.$$eval('article.document', (articles) => articles.map((a) => ({
      text: (a as HTMLElement).innerText,
      links: [...a.querySelectorAll('a')].map((l) => l.getAttribute('href')),
      paragraphs: a.querySelectorAll('.document-body p').length,
    })));
    expect(documents).toHaveLength(2);
    expect(documents[0]!.text).toContain('Current');
    expect(documents[0]!.text).toContain('# Purpose');
    expect(documents[0]!.paragraphs).toBe(2);
    expect(documents[0]!.links).toEqual(['controls.html#control-hipaa-164-308-a-1-ii-A']);
    expect(documents[0]!.text).toContain('9.9.9');
    expect(documents[1]!.text).toContain('Stale: review overdue');
    expect(documents[1]!.text).toContain('MSP-wide');
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/${documents[0]!.links[0]}`);
    expect(await page.$eval('#control-hipaa-164-308-a-1-ii-A', (th) => th.textContent)).toContain('164.308(a)(1)(ii)(A)');
    await page.close();
  });

  it('show hostile text in every new text field as text', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/hostile-clinic/2026-Q3/operations.html`);
    const cells = {
      system: (await rowsOf(page, 'restore-table'))[0],
      account: (await rowsOf(page, 'access-table'))[0],
      user: (await rowsOf(page, 'sessions-table'))[0],
      device: (await rowsOf(page, 'devices-table'))[0],
      alert: (await rowsOf(page, 'alerts-table'))[0],
      reason: (await rowsOf(page, 'acceptances-table'))[0],
    };
    expect(cells.system).toContain(`File server ${payload}`);
    expect(cells.account).toContain(`jdoe ${payload}`);
    expect(cells.user).toContain(`tech.one ${payload}`);
    expect(cells.device).toContain(`WS-FRONT ${payload}`);
    expect(cells.alert).toContain(`Repeated failed logons ${payload}`);
    expect(cells.reason).toContain(`Vendor has no update ${payload}`);
    await visit(page, `${server.url}/sites/hostile-clinic/2026-Q3/documents.html`);
    expect(await page.$eval('article.document h2', (h) => (h as HTMLElement).innerText)).toBe(`Information security policy ${payload}`);
    expect(await page.$eval('article.document .document-body', (b) => (b as HTMLElement).innerText)).toContain(`Second paragraph .${payload}`);
    await page.close();
  });
});
