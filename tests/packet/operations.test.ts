import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/packet/render-html.ts';
import { sections } from '../../src/packet/sections.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import { printReport } from './printed.ts';
import type { Printed } from './printed.ts';
import { documentParagraph, operationsMarker, withOperations } from './with-operations.ts';

const rowCount = 60;
const paragraphCount = 120;
const hostile = '<script>alert("ops")</script><img src=x onerror=alert(2)>';
const report = withOperations(rowCount, { paragraphs: paragraphCount, hostile });

let printed: Printed;
beforeAll(async () => {
  printed = await printReport(report, 'operations');
}, 120_000);
afterAll(async () => {
  await printed?.close();
});

const pageOf = (title: string) => printed.packet.sections.find((s) => s.title === title)!.page;
/** Text of the pages from the heading `from` up to the page before `to`'s, plus `to`'s page cut at its heading. */
function region(from: string, to: string): string {
  const text = printed.pages.slice(pageOf(from) - 1, pageOf(to)).join('\n');
  return text.slice(text.indexOf(from), text.lastIndexOf(to));
}
/** Every marker appears exactly once and in order. */
function expectOnceInOrder(text: string, markers: readonly string[]) {
  let position = -1;
  for (const marker of markers) {
    const found = [...text.matchAll(new RegExp(`${marker}(?!\\d)`, 'g'))].map((m) => m.index);
    expect(found, marker).toHaveLength(1);
    expect(found[0]!, `${marker} after the one before it`).toBeGreaterThan(position);
    position = found[0]!;
  }
}
const markers = (of: (n: number) => string) => Array.from({ length: rowCount }, (_, i) => of(i + 1));

describe('packet operations and policies chapters', () => {
  it('places both chapters in the contents and bookmarks, at the pages their headings stand on', () => {
    const titles = printed.packet.sections.map((s) => s.title);
    expect(titles).toEqual(sections.map((s) => s.title));
    expect(titles.slice(titles.indexOf('3.3 SLA breaches') + 1, titles.indexOf('5 RACI matrix'))).toEqual([
      '4 Operations', '4.1 Backups and restore tests', '4.2 Access reviews', '4.3 Remote sessions', '4.4 Patch compliance', '4.5 SIEM alerts', '4.6 Risk acceptances',
    ]);
    expect(titles.indexOf('7 Policies and procedures')).toBe(titles.indexOf('8 Controls') - 1);
    const toc = printed.pages[1]!.split('\n').map((line) => line.trim());
    for (const { title, page } of printed.packet.sections) {
      expect(toc.some((line) => new RegExp(`^${title.replace(/\./g, '\\.')}\\s+${page}$`).test(line)), `contents line ${title} ${page}`).toBe(true);
      expect(printed.pages[page - 1]!.split('\n').map((line) => line.trim()), `${title} on page ${page}`).toContain(title);
    }
    expect(pageOf('4.6 Risk acceptances') - pageOf('4.1 Backups and restore tests')).toBeGreaterThan(5);
  });

  it('prints every row of each operations table once, in the order of the model', () => {
    expectOnceInOrder(region('4.1 Backups and restore tests', '4.2 Access reviews'), markers(operationsMarker.restore));
    expectOnceInOrder(region('4.2 Access reviews', '4.3 Remote sessions'), markers(operationsMarker.access));
    expectOnceInOrder(region('4.3 Remote sessions', '4.4 Patch compliance'), markers(operationsMarker.remote));
    const patches = region('4.4 Patch compliance', '4.5 SIEM alerts');
    const cut = patches.indexOf('Missing patches');
    expectOnceInOrder(patches.slice(0, cut), markers(operationsMarker.device));
    expectOnceInOrder(patches.slice(cut), markers(operationsMarker.missing));
    expectOnceInOrder(region('4.5 SIEM alerts', '4.6 Risk acceptances'), markers(operationsMarker.alert));
    expectOnceInOrder(region('4.6 Risk acceptances', '5 RACI matrix'), markers(operationsMarker.risk));
  });

  it('repeats a table header on every page of the Operations chapter', () => {
    for (let page = pageOf('4.1 Backups and restore tests'); page < pageOf('5 RACI matrix'); page++) {
      expect(printed.pages[page - 1], `page ${page}`).toMatch(/^\s*(System|Session|Device|Alert|Acceptance)\s{2,}\S/m);
    }
  });

  it('marks states in words', () => {
    const remote = region('4.3 Remote sessions', '4.4 Patch compliance');
    expect(remote.match(/Flagged/g)).toHaveLength(report.operations.remoteSessions.flagged);
    expect(remote).toContain('not recorded; no');
    const patches = region('4.4 Patch compliance', '4.5 SIEM alerts');
    const missing = patches.slice(patches.indexOf('Missing patches'));
    expect(missing.match(/\bOverdue\b/g)).toHaveLength(report.operations.patches.missing.filter((p) => p.overdue).length);
    expect(missing.match(/Not overdue/g)).toHaveLength(report.operations.patches.missing.filter((p) => !p.overdue).length);
    const risks = region('4.6 Risk acceptances', '5 RACI matrix');
    expect(risks.match(/In force/g)).toHaveLength(rowCount / 2);
    expect(risks.match(/Expired/g)).toHaveLength(rowCount / 2);
    const policies = region('7 Policies and procedures', '8 Controls');
    expect(policies.match(/Stale: review overdue/g)).toHaveLength(1);
    expect(policies.match(/Current/g)).toHaveLength(2);
  });

  it('prints each document body whole and in order, wrapping long words', () => {
    const policies = region('7 Policies and procedures', '8 Controls');
    expectOnceInOrder(policies, Array.from({ length: paragraphCount }, (_, i) => documentParagraph(i + 1).slice(0, 10)));
    expect(pageOf('8 Controls') - pageOf('7 Policies and procedures')).toBeGreaterThan(1);
    expect(policies.replace(/\s/g, '')).toContain('averyveryverylongwordwithoutspaces'.repeat(8));
    for (const line of printed.pages.flatMap((page) => page.split('\n'))) expect(line.length, line).toBeLessThan(200);
  });

  it('prints hostile text literally', async () => {
    const html = renderHtml(report, await loadTemplates(), { signedWithDevelopmentKey: false }).parts.map((part) => part()).join('\n');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    // Restore, access, remote, patch, alert and risk rows and the document title, escaped by Handlebars…
    expect(html.split('&lt;script&gt;alert(&quot;ops&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;').length - 1).toBe(7);
    // …and the document body's raw HTML, shown as text by the Markdown renderer.
    expect(html.split('<p>&#x3C;script>alert("ops")&#x3C;/script>&#x3C;img src=x onerror=alert(2)></p>').length - 1).toBe(1);
    const policies = region('7 Policies and procedures', '8 Controls').replace(/\s+/g, '');
    expect(policies.split(hostile.replace(/\s+/g, '')).length - 1).toBe(2);
    expect(policies).toContain('{{client.name}}{{{css}}}');
  });
});
