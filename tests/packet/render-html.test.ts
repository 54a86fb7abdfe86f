import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { truncationNote } from '../../src/packet/format.ts';
import { renderHtml } from '../../src/packet/render-html.ts';
import { sections } from '../../src/packet/sections.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import type { PacketTemplates } from '../../src/packet/templates.ts';
import { sampleReport } from '../support/sample-report.ts';

const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';

let templates: PacketTemplates;
beforeAll(async () => {
  templates = await loadTemplates(templatesDir);
});

const render = (report = sampleReport(), options = {}) =>
  renderHtml(report, templates, { signedWithDevelopmentKey: false, pageNumbers: null, ...options });

describe('packet HTML', () => {
  it('escapes model text everywhere: document, header and footer', () => {
    const html = render(sampleReport({ marker: hostile }));
    for (const part of [html.document, html.headerTemplate]) {
      expect(part).not.toContain('<script');
      expect(part).not.toContain('<img');
      expect(part).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    }
    expect(html.footerTemplate).not.toContain('<script');
  });

  it('has one heading for every section, with the id the contents link to', () => {
    const { document } = render();
    for (const section of sections) {
      expect(document.split(`id="${section.id}"`)).toHaveLength(2);
      expect(document).toContain(`href="#${section.id}"`);
    }
  });

  it('leaves contents page numbers blank until they are known, then fills them in', () => {
    const blank = render().document;
    expect(blank).toContain('<span class="toc-page"></span>');
    const numbered = render(sampleReport(), { pageNumbers: new Map(sections.map((s, i) => [s.id, i + 3])) }).document;
    expect(numbered).not.toContain('<span class="toc-page"></span>');
    expect(numbered).toContain('<span class="toc-title">2.2 Open findings</span><span class="toc-leader"></span><span class="toc-page">6</span>');
  });

  it('shows the development-key notice only when signed with one', () => {
    const notice = 'Signed with a development key, not for submission';
    expect(render(sampleReport(), { signedWithDevelopmentKey: true }).document).toContain(notice);
    expect(render(sampleReport(), { signedWithDevelopmentKey: true }).headerTemplate).toContain('not for submission');
    expect(render().document).not.toContain(notice);
    expect(render().headerTemplate).not.toContain('not for submission');
  });

  it('keeps multi-line output verbatim and shortens long output with a note', () => {
    const report = sampleReport({ findings: 2 });
    report.findings.open[0]!.output = 'line one\n  indented two\nthree';
    report.findings.open[1]!.output = 'x'.repeat(1000);
    const { document } = render(report);
    expect(document).toContain('<span class="output">line one\n  indented two\nthree</span>');
    expect(document).toContain(`<span class="output">${'x'.repeat(600)}…</span>`);
    expect(document.split(truncationNote)).toHaveLength(2);
  });

  it('uses no CSS that makes Chromium print unreproducible bytes', () => {
    // Measured: a transformed element was painted into other pages' streams on about one print in six.
    const rules = templates.css.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(rules).not.toMatch(/(?<![\w-])(transform|filter|will-change)\s*:/);
  });

  it('is a pure function of its inputs', () => {
    expect(render(sampleReport({ findings: 30 }))).toEqual(render(sampleReport({ findings: 30 })));
  });
});
