import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/documents/markdown.ts';
import type { PolicyDocument } from '../../src/model/document.ts';
import { buildSample, launchBrowser, type BuiltSite } from '../portal/support.ts';
import { withControls } from '../portal/with-controls.ts';
import { sampleReport } from '../support/sample-report.ts';

/** A policy as a client writes one: headings, a table, a task list, a quote, a footnote, and HTML it should not have. */
const policy = [
  '# Backup and recovery policy',
  '## Scope',
  'Every system holding **ePHI**.',
  '| System | RPO | RTO |\n|:--|--:|--:|\n| EHR | 4 h | 8 h |\n| File server | 24 h | 24 h |',
  '- [x] Nightly backups\n- [ ] Weekly offsite copy',
  '> Restores are tested each quarter.[^1]',
  '<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>',
  '[Runbook](javascript:window.__pwned=3)',
  '[^1]: See the restore test export.',
].join('\n\n');

const policyDocument = (file: string, title: string, body: string, nextReview: string): PolicyDocument => ({
  file, title, kind: 'policy', ownerSide: 'internal', approver: 'Dr. Lee, Practice owner', effective: '2026-01-01', nextReview,
  controls: ['164.308(a)(1)(ii)(A)', '164.308(a)(7)(ii)(A)'], body, bodyBlocks: renderMarkdown(body).blocks, scope: 'client',
});

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let site: BuiltSite;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  const model = withControls(sampleReport({ clientId: 'doc-clinic', period: '2026-Q3' }));
  model.documents = [
    policyDocument('doc-clinic/policies/backup.md', 'Backup and recovery policy', policy, '2027-01-01'),
    policyDocument('content/policies/backup.md', 'MSP backup procedure', 'Run the job.', '2026-06-30'),
  ];
  [site, browser] = await Promise.all([buildSample([model]), launchBrowser()]);
  page = await browser.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.remove();
});

const open = (path: string) => page.goto(pathToFileURL(join(site.outDir, 'doc-clinic/2026-Q3', path)).href, { waitUntil: 'load' });

describe('a document page', () => {
  it('shows the front matter and the rendered text: demoted headings, table, task list, quote, footnote', async () => {
    await open('documents/backup.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Backup and recovery policy');
    const facts = await page.$eval('.document-facts', (dl) => (dl as HTMLElement).innerText);
    for (const fact of ['Internal IT', 'Dr. Lee, Practice owner', '2026-01-01', '2027-01-01', 'Current', 'doc-clinic/policies/backup.md']) expect(facts).toContain(fact);
    const body = await page.$eval('.rendered-document', (div) => ({
      headings: [...div.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName} ${h.textContent}`),
      cells: [...div.querySelectorAll('table td')].map((td) => td.textContent),
      rightAligned: getComputedStyle(div.querySelector('td[align="right"]')!).textAlign,
      tasks: [...div.querySelectorAll('li.task-list-item')].map((li) => li.textContent),
      quote: div.querySelector('blockquote')?.textContent?.trim(),
      footnote: div.querySelector('.footnotes li')?.textContent?.trim(),
      text: (div as HTMLElement).innerText,
    }));
    expect(body.headings).toEqual(['H3 Backup and recovery policy', 'H4 Scope', 'H4 Footnotes']);
    expect(body.cells).toEqual(['EHR', '4 h', '8 h', 'File server', '24 h', '24 h']);
    expect(body.rightAligned).toBe('right');
    expect(body.tasks).toEqual(['☑ Nightly backups', '☐ Weekly offsite copy']);
    expect(body.quote).toBe('Restores are tested each quarter.1');
    expect(body.footnote).toContain('See the restore test export.');
    expect(body.text).toContain('<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>');
  });

  it('runs nothing of the text: no script, no image, no handler, no javascript: link', async () => {
    await open('documents/backup.html');
    await page.click('.rendered-document a:not([href])').catch(() => undefined);
    const seen = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      scripts: document.scripts.length,
      images: document.images.length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: [...document.querySelectorAll('.rendered-document a[href]')].map((a) => a.getAttribute('href')),
    }));
    expect(seen).toEqual({ pwned: null, scripts: 0, images: 0, handlers: 0, hrefs: ['#user-content-fn-1', '#user-content-fnref-1'] });
  });

  it('links the controls it names to their pages where they have one, and back to the Policies index', async () => {
    await open('documents/backup.html');
    const links = await page.$$eval('.document-facts a, .breadcrumb a', (as) => as.map((a) => a.getAttribute('href')));
    // The second control is not assessed this period: no page to link to, so it is named as text.
    expect(links).toEqual(['../documents.html', '../controls/hipaa-164-308-a-1-ii-a.html']);
    expect(await page.$eval('.document-facts', (dl) => (dl as HTMLElement).innerText)).toContain('164.308(a)(1)(ii)(A), 164.308(a)(7)(ii)(A)');
    await open(`documents/${links[1]}`);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('164.308(a)(1)(ii)(A)');
  });

  it('has no serious or critical accessibility violation', async () => {
    await open('documents/backup.html');
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});

describe('the Policies index', () => {
  it("links each document to its own page, a client's and an MSP-wide one of the same file name both", async () => {
    await open('documents.html');
    const titles = await page.$$eval('article.document h2 a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(titles).toEqual([['Backup and recovery policy', 'documents/backup.html'], ['MSP backup procedure', 'documents/backup-2.html']]);
    await open('documents/backup-2.html');
    expect(await page.$eval('.document-facts', (dl) => (dl as HTMLElement).innerText)).toContain('Stale: review overdue');
    expect(await page.$eval('.rendered-document', (div) => div.innerHTML)).toBe('<p>Run the job.</p>');
  });
});
