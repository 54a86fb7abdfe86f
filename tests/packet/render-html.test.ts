import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, renderWholeHtml } from '../../src/packet/render-html.ts';
import type { PacketHtml } from '../../src/packet/render-html.ts';
import { sections } from '../../src/packet/sections.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import type { PacketTemplates } from '../../src/packet/templates.ts';
import { sampleReport } from '../support/sample-report.ts';

const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;';

let templates: PacketTemplates;
beforeAll(async () => {
  templates = await loadTemplates();
});

const render = (report = sampleReport(), options = {}) => renderHtml(report, templates, { signedWithDevelopmentKey: false, ...options });
const heads = (html: PacketHtml) => html.heads([{ number: 2, total: 9, chapter: '1 Overview' }]);
/** The parts' HTML, each rendered. */
const partsOf = (html: PacketHtml) => html.parts.map((part) => part());
/** Every document Chromium prints for a packet. */
const documents = (html: PacketHtml) => [html.cover, ...partsOf(html), html.contents(null), heads(html)];
/** The body without the fonts and stylesheet, which are the same in every document. */
const bodyOf = (document: string) => document.slice(document.indexOf('<body'));

describe('packet HTML', () => {
  it('escapes model text in every document: cover, parts, contents and page heads', () => {
    const html = render(sampleReport({ marker: hostile }));
    for (const document of documents(html)) {
      expect(document).not.toContain('<script');
      expect(document).not.toContain('<img');
    }
    for (const document of [html.cover, ...partsOf(html), heads(html)]) expect(document).toContain(escaped);
  });

  it('prints each section heading once across the parts, linked to itself so Chromium writes its destination', () => {
    const html = render(sampleReport({ findings: 400 }), { partLines: 300 });
    expect(partsOf(html).length).toBeGreaterThan(3);
    const body = partsOf(html).map(bodyOf).join('');
    for (const section of sections) {
      expect(body.split(`id="${section.id}"`), section.id).toHaveLength(2);
      expect(body).toContain(`id="${section.id}"><a href="#${section.id}">`);
      expect(html.contents(null)).toContain(`href="#${section.id}"`);
    }
  });

  it('gives the contents a target for each of its links, though the headings print in other parts', () => {
    const contents = bodyOf(render().contents(null));
    for (const section of sections) expect(contents).toContain(`<span id="${section.id}"></span>`);
  });

  it('splits long tables between rows: every row in exactly one part, in order, with the table header in each', () => {
    const report = sampleReport({ findings: 500 });
    const html = render(report, { partLines: 400 });
    const titles = partsOf(html).flatMap((part) => [...bodyOf(part).matchAll(/<span class="finding-title">(Sample finding \d+)<\/span>/g)].map((m) => m[1]));
    expect(titles).toEqual([...report.findings.open, ...report.findings.fixed].map((f) => f.title));
    for (const part of partsOf(html).map(bodyOf).filter((p) => p.includes('finding-title'))) {
      expect(part).toContain('<th class="w-sev">Severity</th>');
    }
    // The heading of the open findings stands before its first row only.
    expect(partsOf(html).filter((p) => p.includes('id="findings-open"'))).toHaveLength(1);
  });

  it('leaves contents page numbers blank until they are known, then fills them in', () => {
    const html = render();
    expect(html.contents(null)).toContain('<span class="toc-page"></span>');
    const numbered = html.contents(new Map(sections.map((s, i) => [s.id, i + 3])));
    expect(numbered).not.toContain('<span class="toc-page"></span>');
    expect(numbered).toContain('<span class="toc-title">2.2 Open findings</span><span class="toc-leader"></span><span class="toc-page">6</span>');
  });

  it('numbers each page of the heads with its chapter', () => {
    const sheet = render().heads([{ number: 41, total: 1200, chapter: '2 Findings' }, { number: 42, total: 1200, chapter: '3 Tickets and SLA' }]);
    expect(sheet.split('class="page-heads"')).toHaveLength(3);
    expect(sheet).toContain('Page 41 of 1200');
    expect(sheet).toContain('Page 42 of 1200');
    expect(sheet).toContain('3 Tickets and SLA');
  });

  it('shows the development-key notice only when signed with one', () => {
    const notice = 'Signed with a development key, not for submission';
    expect(render(sampleReport(), { signedWithDevelopmentKey: true }).cover).toContain(notice);
    expect(heads(render(sampleReport(), { signedWithDevelopmentKey: true }))).toContain('not for submission');
    expect(render().cover).not.toContain(notice);
    expect(heads(render())).not.toContain('not for submission');
  });

  it('keeps multi-line output verbatim and shortens long output with a note saying where the rest is', () => {
    const report = sampleReport({ findings: 2 });
    report.findings.open[0]!.output = 'line one\n  indented two\nthree';
    report.findings.open[1]!.output = 'x'.repeat(1000);
    const body = partsOf(render(report)).join('');
    expect(body).toContain('<span class="output">line one\n  indented two\nthree</span>');
    expect(body).toContain(`<span class="output">${'x'.repeat(600)}…</span>`);
    const note = "Shortened to the first 600 of 1,000 characters; more on the portal&#x27;s Findings page of 2026-Q3, and all of it in the export at sample-clinic/2026-Q3/nessus.csv:3.";
    expect(body.split(note)).toHaveLength(2);
  });

  it('puts the compliance owner and both parties on the sign-off page', () => {
    const body = partsOf(render()).join('');
    const signOff = body.slice(body.indexOf('id="sign-off"'));
    expect(signOff).toContain('For Sample Clinic: compliance owner');
    expect(signOff).toContain('<td class="filled">Dana Reyes</td>');
    expect(signOff).toContain('<td class="filled">Practice Administrator</td>');
    expect(signOff).toContain('For Harborline Managed IT: managed service provider');
    expect(signOff.split('<th scope="row">Signature</th>')).toHaveLength(3);
    expect(signOff.split('<th scope="row">Date</th>')).toHaveLength(3);
  });

  it('embeds the shipped fonts and fetches nothing', () => {
    expect(templates.css).toMatch(/font-family: 'Source Sans 3';[\s\S]*src: url\(data:font\/woff2;base64,/);
    expect(templates.css).toMatch(/font-family: 'Source Code Pro';/);
    expect(templates.css).not.toMatch(/url\((?!data:)/);
  });

  it('uses no CSS that makes Chromium print unreproducible bytes', () => {
    // Measured: a transformed element was painted into other pages' streams on about one print in six.
    const rules = templates.css.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(rules).not.toMatch(/(?<![\w-])(transform|filter|will-change)\s*:/);
  });

  it('renders the whole binder as one document for a single print', () => {
    const whole = bodyOf(renderWholeHtml(sampleReport({ findings: 30 }), templates, { signedWithDevelopmentKey: false }));
    for (const section of sections) expect(whole.split(`id="${section.id}"`)).toHaveLength(2);
    expect(whole).toContain('class="cover"');
    expect(whole).toContain('class="contents"');
  });

  it('is a pure function of its inputs', () => {
    const strings = (html: PacketHtml) => [...documents(html), html.contents(new Map([['overview', 3]]))];
    expect(strings(render(sampleReport({ findings: 30 })))).toEqual(strings(render(sampleReport({ findings: 30 }))));
  });
});
