import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../support/sample-report.ts';
import { alphaOnlyPlugin, buildSample, documentPages, hostile, hostileModel, launchBrowser, listFiles, markerA, pageNames, sampleModels, serveStatic, type BuiltSite } from './support.ts';

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
    const types = ['sites/alpha-dental/index.html', 'sites/alpha-dental/search.html?q=finding', ...pageNames.map((p) => `sites/alpha-dental/2026-Q3/${p}.html`), `sites/alpha-dental/2026-Q3/documents/${documentPages[0]}.html`,
      // A control page with every table filled, and one with every table empty.
      'sites/alpha-dental/2026-Q3/controls/hipaa-164-312-b.html', 'sites/alpha-dental/2026-Q3/controls/nydfs-500-500-14.html', 'msp/index.html'];
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
    expect(hostilePages).toHaveLength(2 + pageNames.length + documentPages.length + hostileModel(payload).controls.controls.length + 1);
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
    expect(rows[0]!.links).toEqual(['controls/hipaa-164-308-a-1-ii-a.html']);
    expect(rows[2]!.text).toContain('Gap');
    expect(rows[2]!.text).toContain('No previous status');
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

  it('the overview lists the open items with owner side and due date, each linking to the control page or the finding row', async () => {
    const model = sampleModels().find((m) => m.client.id === 'alpha-dental' && m.period.id === '2026-Q3')!;
    const expected = model.controls.controls.filter((c) => c.status === 'gap' || c.status === 'partial');
    const page = await browser.newPage();
    const overview = pathToFileURL(join(site.outDir, 'alpha-dental/2026-Q3/index.html')).href;
    await visit(page, overview);
    const rowsOf = (id: string) => page.$$eval(`.table-wrap:has(#${id}) tbody tr`, (trs) =>
      trs.map((tr) => ({ id: tr.querySelector('th a')!.textContent, href: tr.querySelector('a')!.href, cells: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText) })),
    );
    const controls = await rowsOf('open-controls-table');
    expect(controls.map((i) => i.id)).toEqual(expected.map((c) => c.id));
    for (const [i, item] of controls.entries()) {
      // Title, state, why, owner, due.
      expect(item.cells[1]).toContain(expected[i]!.status === 'gap' ? 'Gap' : 'Partial');
      expect(item.cells[2]).toBe(expected[i]!.reason);
      expect(item.cells[3]).toBe('Internal IT');
      expect(item.cells[4]).toBe('2026-09-30\nPeriod end');
      await page.goto(item.href);
      expect(await page.$eval('h1', (h) => h.textContent), item.href).toContain(item.id);
    }
    await page.goto(overview);
    const findings = await rowsOf('open-findings-table');
    expect(findings.map((f) => [f.cells[3], f.cells[4]!.replace(/\s+/g, ' ')])).toEqual([['MSP', '2026-05-31 ✕ Overdue'], ['none named', '2026-10-31 First seen + SLA days']]);
    await page.goto(findings[0]!.href);
    const fragment = new URL(findings[0]!.href).hash.slice(1);
    expect(await page.$eval(`[id="${fragment}"] th`, (th) => th.textContent)).toContain(model.findings.open[0]!.title);
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

describe('tickets trend and table widths', () => {
  it('trends P50 and P95 acknowledgment and resolution per priority across the periods, as static SVG with its figures in a table', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/tickets.html`);
    expect(await page.$$eval('.chart-grid figure svg', (svgs) => svgs.map((svg) => svg.id || svg.getAttribute('aria-labelledby')))).toEqual(['chart-trend-P1-title', 'chart-trend-P2-title', 'chart-trend-P3-title', 'chart-trend-P4-title']);
    // The sample's P1: acknowledgment P50 0.4 h and P95 0.9 h of 1 h in both periods.
    expect(await page.$eval('#chart-trend-P1-desc', (d) => d.textContent)).toBe(
      'P1: time taken as % of the target. Acknowledgment P50: 2026-Q2 40, 2026-Q3 40; Acknowledgment P95: 2026-Q2 90, 2026-Q3 90; Resolution P50: 2026-Q2 37.5, 2026-Q3 37.5; Resolution P95: 2026-Q2 87.5, 2026-Q3 87.5.',
    );
    const rows = await page.$$eval('.table-wrap:has(#sla-trend) tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toBe('2026-Q2\tP1\t10\t0.4 h\t0.9 h\t1 h\t3 h\t7 h\t8 h');
    await page.close();
  });

  it('no table is wider than the page at 1280 and 768 px, on every page type', async () => {
    const page = await browser.newPage();
    const files = [...pageNames.map((p) => `sites/alpha-dental/2026-Q3/${p}.html`), 'sites/alpha-dental/2026-Q3/controls/hipaa-164-312-b.html'];
    for (const width of [1280, 768]) {
      await page.setViewport({ width, height: 900 });
      for (const file of files) {
        await page.goto(`${server.url}/${file}`);
        const wide = await page.$$eval('.table-wrap', (wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.querySelector('caption')!.id));
        expect(wide, `${file} at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${file} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
    await page.close();
  });
});

describe('control pages', () => {
  const url = (control: string) => `${server.url}/sites/alpha-dental/2026-Q3/controls/${control}.html`;
  /** The text of each body row of the table captioned by `id`, and its links. */
  const rowsOf = (page: Page, id: string) =>
    page.$$eval(`.table-wrap:has(#${id}) tbody tr`, (trs) => trs.map((tr) => ({ text: (tr as HTMLElement).innerText, links: [...tr.querySelectorAll('a')].map((a) => a.href) })));
  const facts = (page: Page, id: string) =>
    page.$$eval(`dl[aria-labelledby="${id}"] dt`, (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling!.textContent])));

  it('exist for every assessed control of every period, and no other', () => {
    for (const model of sampleModels()) {
      const own = pages.filter((p) => p.startsWith(`sites/${model.client.id}/${model.period.id}/controls/`));
      expect(own, `${model.client.id} ${model.period.id}`).toHaveLength(model.controls.controls.length);
    }
  });

  it('show a gap with its rule, stale evidence linked to the page that lists it, RACI, exception, sibling and previous period', async () => {
    const page = await browser.newPage();
    const { problems } = await visit(page, url('hipaa-164-312-b'));
    expect(problems).toEqual([]);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`164.312(b) Control 164.312(b) ${markerA}`);
    expect(await facts(page, 'control')).toMatchObject({
      Framework: 'HIPAA Security Rule (45 CFR 164)', Citation: '45 CFR 164.312(b)', Designation: 'Required', 'Status in 2026-Q3': '✕Gap',
      'Deciding rule': `EV-SCAN-COVERAGE Scan coverage ${markerA}`, 'Previous period': 'not assessed in 2026-Q2',
    });
    expect((await rowsOf(page, 'rules-table'))[0]!.text).toMatch(/Decides the status[\s\S]*Gap[\s\S]*92 days/);
    const evidence = await rowsOf(page, 'evidence-table');
    expect(evidence[0]!.text).toMatch(/Scanner export[\s\S]*alpha-dental\/scan\.csv[\s\S]*2026-09-30[\s\S]*Stale[\s\S]*TTL 92 days[\s\S]*MSP\tNo/);
    expect(evidence.map((e) => e.links)).toEqual([[`${server.url}/sites/alpha-dental/2026-Q3/findings.html`], [`${server.url}/sites/alpha-dental/2026-Q3/raci.html`]]);
    expect(await facts(page, 'raci')).toMatchObject({ Accountable: 'Internal IT', Responsible: 'MSP' });
    const exceptions = await rowsOf(page, 'exceptions-table');
    expect(exceptions[0]!.text).toMatch(/RA-1[\s\S]*2026-12-31[\s\S]*In force[\s\S]*risk-acceptances\.yaml:1/);
    expect(exceptions[0]!.links).toEqual([`${server.url}/sites/alpha-dental/2026-Q3/operations.html#risk-acceptances`]);
    expect((await rowsOf(page, 'related-table'))[0]!.text).toMatch(/500\.5[\s\S]*NYDFS[\s\S]*Gap/);
    await Promise.all([page.waitForNavigation(), page.click('.table-wrap:has(#related-table) tbody a')]);
    expect(page.url()).toBe(url('nydfs-500-500-5'));
    expect(await facts(page, 'control')).toMatchObject({ 'Previous period': '2026-Q2: Satisfied (was satisfied)' });
    await Promise.all([page.waitForNavigation(), page.click('dl[aria-labelledby="control"] a[href="../../2026-Q2/controls/nydfs-500-500-5.html"]')]);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('500.5');
    await page.close();
  });

  it('show a satisfied control with fresh evidence, and one declared not applicable with every table saying it is empty', async () => {
    const page = await browser.newPage();
    await visit(page, url('hipaa-164-308-a-1-ii-a'));
    expect(await page.$eval('main .lead', (p) => p.textContent)).toContain('✓Satisfied');
    expect((await rowsOf(page, 'evidence-table'))[0]!.text).toContain('Fresh');
    expect(await facts(page, 'control')).toMatchObject({ 'Previous period': '2026-Q2: Partial (was partial)' });
    await visit(page, url('nydfs-500-500-14'));
    expect(await facts(page, 'control')).toMatchObject({ 'Status in 2026-Q3': '–Not applicable', 'Deciding rule': 'none: declared not applicable by the client' });
    expect(await page.$$eval('td.empty', (tds) => tds.map((td) => td.textContent))).toEqual([
      'No evidence rule credits this control.',
      'No evidence: no rule credits this control, or it is declared not applicable.',
      'No risk acceptance or exception applies to this control.',
      'The crosswalk relates no control of the client’s other frameworks to this one.',
    ]);
    await page.close();
  });

  it('show hostile control text as text', async () => {
    const page = await browser.newPage();
    // The payload is in the control's id too, so its page is found by the start of its name.
    const file = pages.find((p) => p.startsWith('sites/hostile-clinic/2026-Q3/controls/hipaa-164-312-b'))!;
    await visit(page, `${server.url}/${file}`);
    expect(await page.$eval('h1', (h) => (h as HTMLElement).innerText)).toContain(`Control 164.312(b) ${payload}`);
    expect((await rowsOf(page, 'rules-table'))[0]!.text).toContain(`Rule reason ${payload}`);
    expect((await rowsOf(page, 'exceptions-table'))[0]!.text).toContain(`Legacy imaging PC ${payload}`);
    expect((await rowsOf(page, 'related-table'))[0]!.text).toContain(`Control 500.5 ${payload}`);
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
    const alertRows = await rowsOf(page, 'alerts-table');
    expect(alertRows[0]).toMatch(/Repeated failed logons[\s\S]*2026-08-11 03:42 UTC\s+Yes, to T-200/);
    expect(alertRows[1]).toMatch(/USB storage attached[\s\S]*2026-09-01 16:00 UTC\s+No\s/);
    expect(await rowsOf(page, 'alert-response-table')).toEqual(['High\t1\t1\t0\t0\t0.5 h\t0.5 h\t1', 'Low\t1\t1\t0\t0\t4 h\t4 h\t0']);
    expect(await page.$eval('#chart-alert-ack-desc', (d) => d.textContent)).toMatch(/High P95[^.]*0\.5/);
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
      expect(empties).toEqual(['restore test', 'access review', 'remote session', 'patch', 'patch', 'SIEM alert', 'SIEM alert', 'risk acceptance'].map((what) => `No ${what} export was supplied for 2026-Q3.`));
      await visit(page, pathToFileURL(join(built.outDir, 'empty-clinic/2026-Q3/documents.html')).href);
      expect(await page.$eval('main p.empty', (p) => p.textContent)).toBe('No policy, procedure or plan was supplied for 2026-Q3.');
    } finally {
      await page.close();
      await built.remove();
    }
  }, 120_000);

  it('show each document with its review state, and link the controls it names to their pages', async () => {
    const page = await browser.newPage();
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/documents.html`);
    const documents = await page.$$eval('article.document', (articles) => articles.map((a) => ({
      text: (a as HTMLElement).innerText,
      links: [...a.querySelectorAll('a')].map((l) => l.getAttribute('href')),
    })));
    expect(documents).toHaveLength(2);
    expect(documents[0]!.text).toContain('Current');
    expect(documents[0]!.links).toEqual([`documents/${documentPages[0]}.html`, 'controls/hipaa-164-308-a-1-ii-a.html']);
    expect(documents[0]!.text).toContain('9.9.9');
    expect(documents[1]!.text).toContain('Stale: review overdue');
    expect(documents[1]!.text).toContain('MSP-wide');
    await visit(page, `${server.url}/sites/alpha-dental/2026-Q3/${documents[0]!.links[1]}`);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('164.308(a)(1)(ii)(A)');
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
    await visit(page, await page.$eval('article.document h2 a', (a) => (a as HTMLAnchorElement).href));
    expect(await page.$eval('.rendered-document', (b) => (b as HTMLElement).innerText)).toContain(`Second paragraph .${payload}`);
    await page.close();
  });
});
