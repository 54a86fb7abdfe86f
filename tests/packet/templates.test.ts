import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/packet/render-html.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import { sampleReport } from '../support/sample-report.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofbook-templates-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(file: string, text: string): Promise<void> {
  await mkdir(join(dir, file, '..'), { recursive: true });
  await writeFile(join(dir, file), text);
}

const render = async () => renderHtml(sampleReport(), await loadTemplates(dir), { signedWithDevelopmentKey: false });

describe('a user templates folder', () => {
  it('replaces print.css alone and keeps the fonts and every bundled template', async () => {
    await put('print.css', '.cover-client { color: #7a0019; }');
    const [own, bundled] = await Promise.all([loadTemplates(dir), loadTemplates()]);
    expect(own.css).toMatch(/font-family: 'Source Sans 3'/);
    expect(own.css.endsWith('.cover-client { color: #7a0019; }')).toBe(true);
    expect(own.css).not.toContain('--zebra');
    const html = await render();
    expect(html.cover).toContain('.cover-client { color: #7a0019; }');
    const body = (document: string) => document.slice(document.indexOf('<body'));
    expect(body(html.cover)).toBe(body(renderHtml(sampleReport(), bundled, { signedWithDevelopmentKey: false }).cover));
  });

  it('replaces one partial and keeps the others', async () => {
    await put('partials/cover.hbs', '<section class="cover"><p class="brand">Audited by Acme for {{client.name}}</p></section>');
    const html = await render();
    expect(html.cover).toContain('<p class="brand">Audited by Acme for Sample Clinic</p>');
    expect(html.cover).not.toContain('Quarterly compliance packet');
    expect(html.parts.map((part) => part()).join('')).toContain('id="findings-open"');
    expect(html.contents(null)).toContain('class="toc"');
  });

  it('may add partials of its own for its templates to use', async () => {
    await put('partials/logo.hbs', '<p class="logo">ACME</p>');
    await put('partials/cover.hbs', '<section class="cover">{{> logo}}</section>');
    expect((await render()).cover).toContain('<p class="logo">ACME</p>');
  });

  it('rejects a file that is not a template, naming it and the rule', async () => {
    await put('cover.hbs', '<p>meant as partials/cover.hbs</p>');
    await expect(loadTemplates(dir)).rejects.toMatchObject({
      message: expect.stringMatching(/cover\.hbs: cover\.hbs is not a packet template; .* partials go in partials\/ \[template\/unknown-file\]$/),
      hint: expect.stringContaining('overlays the bundled one file by file'),
    });
  });

  it('reports a syntax error with its file and line', async () => {
    await put('partials/cover.hbs', '<section>\n{{#if client.name}}\n<p>unclosed</p>\n</section>\n');
    await expect(loadTemplates(dir)).rejects.toMatchObject({
      message: expect.stringMatching(/partials\/cover\.hbs:\d+: .*\[template\/syntax\]$/),
      hint: expect.stringContaining('{{/block}}'),
    });
  });

  it('must exist: a mistyped path is an error, not the bundled look', async () => {
    await expect(loadTemplates(join(dir, 'no-such-folder'))).rejects.toThrow(/the templates folder .*no-such-folder does not exist/);
  });
});
