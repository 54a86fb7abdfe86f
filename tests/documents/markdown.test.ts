import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blockHtml, renderMarkdown } from '../../src/documents/markdown.ts';
import { HtmlElement } from '../../src/model/html.ts';

const html = (markdown: string) => renderMarkdown(markdown).blocks.map(blockHtml);
const Blocks = z.array(HtmlElement);

describe('document Markdown', () => {
  it('renders GitHub-flavoured Markdown block by block: tables, task lists, strikethrough, autolinks', () => {
    const blocks = html([
      'Backups run **nightly** and ~~weekly~~.',
      '| System | RPO |\n|:--|--:|\n| EHR | 4 h |',
      '- [x] restore tested\n- [ ] offsite copy',
      'See https://example.com/runbook.',
    ].join('\n\n'));
    expect(blocks).toEqual([
      '<p>Backups run <strong>nightly</strong> and <del>weekly</del>.</p>',
      '<table>\n<thead>\n<tr>\n<th align="left">System</th>\n<th align="right">RPO</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">EHR</td>\n<td align="right">4 h</td>\n</tr>\n</tbody>\n</table>',
      '<ul class="contains-task-list">\n<li class="task-list-item">☑ restore tested</li>\n<li class="task-list-item">☐ offsite copy</li>\n</ul>',
      '<p>See <a href="https://example.com/runbook">https://example.com/runbook</a>.</p>',
    ]);
  });

  it('demotes headings two levels, so a body never adds a chapter or section heading', () => {
    expect(html('# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six')).toEqual(['<h3>One</h3>', '<h4>Two</h4>', '<h5>Three</h5>', '<h6>Four</h6>', '<h6>Six</h6>']);
  });

  it('shows raw HTML as text and notes where it was, so no script, handler or frame ever runs', () => {
    const markdown = [
      'Intro <b onclick="steal()">bold</b> end.',
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '<iframe src="https://evil.example"></iframe>',
      '> <svg onload=alert(3)>',
    ].join('\n\n');
    const { blocks, noted } = renderMarkdown(markdown);
    const out = blocks.map(blockHtml).join('\n');
    // The only markup is the paragraphs and the quote; every < of the source is escaped text.
    expect(new Set(out.match(/<\/?[a-z]+/g))).toEqual(new Set(['<p', '</p', '<blockquote', '</blockquote']));
    expect(out).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(out).toContain('Intro &#x3C;b onclick="steal()">bold&#x3C;/b> end.');
    // The closing </b> goes with its opening tag.
    expect(noted).toEqual([
      { what: 'raw-html', line: 1, column: 7, source: '<b onclick="steal()">' },
      { what: 'raw-html', line: 3, column: 1, source: '<script>alert(1)</script>' },
      { what: 'raw-html', line: 5, column: 1, source: '<img src=x onerror="alert(2)">' },
      { what: 'raw-html', line: 7, column: 1, source: '<iframe src="https://evil.example"></iframe>' },
      { what: 'raw-html', line: 9, column: 3, source: '<svg onload=alert(3)>' },
    ]);
  });

  it('drops javascript: and data: links but keeps their text, and keeps http, mailto and relative links', () => {
    expect(html('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>x</script>) [d](https://example.com) [e](mailto:it@example.com) [f](#scope) [g](other.md)')).toEqual([
      '<p><a>a</a> <a>b</a> <a>c</a> <a href="https://example.com">d</a> <a href="mailto:it@example.com">e</a> <a href="#scope">f</a> <a href="other.md">g</a></p>',
    ]);
  });

  it('shows images as their alt text and notes them, so nothing is fetched from outside', () => {
    const { blocks, noted } = renderMarkdown('Network diagram:\n![core switch and firewall](https://tracker.example/pixel.png)\n\n![ref][logo]\n\n[logo]: https://tracker.example/logo.png');
    expect(blocks.map(blockHtml)).toEqual(['<p>Network diagram:\ncore switch and firewall</p>', '<p>ref</p>']);
    expect(noted).toEqual([
      { what: 'image', line: 2, column: 1, source: 'https://tracker.example/pixel.png' },
      { what: 'image', line: 4, column: 1, source: '[logo]' },
    ]);
  });

  it('prefixes the ids it makes, so a body cannot take a heading id of the page or the packet', () => {
    const out = html('Retention[^ret].\n\n[^ret]: Six years, 45 CFR 164.316(b)(2)(i).').join('\n');
    expect(out).toContain('id="user-content-fnref-ret"');
    expect(out).toContain('<li id="user-content-fn-ret">');
    expect(out).toContain('href="#user-content-fn-ret"');
  });

  it('gives plain model data: no source positions, and a tree the model schema accepts', () => {
    const { blocks } = renderMarkdown('# Policy\n\n| a |\n|---|\n| [x](https://e.com) |\n\n1. one\n2. two\n\n```\ncode <b>\n```');
    expect(JSON.stringify(blocks)).not.toContain('position');
    expect(Blocks.parse(blocks)).toEqual(blocks);
  });

  it('is refused by the model schema when a tree holds what the sanitizer never lets through', () => {
    const link = renderMarkdown('[x](https://e.com)').blocks;
    const withHref = (href: string) => [{ ...link[0]!, children: [{ ...(link[0]!.children[0] as HtmlElement), properties: { href } }] }];
    expect(Blocks.safeParse(withHref('https://e.com')).success).toBe(true);
    expect(Blocks.safeParse(withHref(' javascript:alert(1)')).success).toBe(false);
    expect(Blocks.safeParse([{ type: 'element', tagName: 'script', properties: {}, children: [] }]).success).toBe(false);
    expect(Blocks.safeParse([{ type: 'element', tagName: 'p', properties: { onClick: 'x()' }, children: [] }]).success).toBe(false);
    expect(Blocks.safeParse([{ type: 'element', tagName: 'img', properties: { src: 'https://e.com/x.png' }, children: [] }]).success).toBe(false);
  });

  it('renders an empty body as no block', () => {
    expect(renderMarkdown('\n\n').blocks).toEqual([]);
  });
});
