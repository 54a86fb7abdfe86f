import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.ts';
import { launchBrowser } from '../../src/packet/browser.ts';
import { buildPacket } from '../../src/packet/packet.ts';
import type { Packet } from '../../src/packet/packet.ts';
import { printPacket } from '../../src/packet/print.ts';
import { renderHtml } from '../../src/packet/render-html.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import { renderMarkdown } from '../../src/documents/markdown.ts';
import { sampleReport } from '../support/sample-report.ts';
import { pageText, pagesText, pdfinfo, pdfsig, structElements, structureTree } from './poppler.ts';
import type { StructElement } from './poppler.ts';
import { createTestKey } from './test-key.ts';
import { withOperations } from './with-operations.ts';

const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';

let browser: Browser;
/** A second single-process Chromium, for printing with two printers side by side. */
let otherBrowser: Browser;
let dir: string;
let key: Awaited<ReturnType<typeof createTestKey>>;

async function build(report: ReportModel, signedWithDevelopmentKey = false): Promise<Packet> {
  return buildPacket(report, { browsers: [browser], templatesDir, key, signedWithDevelopmentKey });
}

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lines = (text: string) => text.split('\n').map((line) => line.trim());

/** A packet long enough for its sections to span many pages, shared by the tests that read it. */
let big: Packet;
let bigFile: string;
const bigReport = sampleReport({ findings: 300 });

beforeAll(async () => {
  [browser, otherBrowser, dir, key] = await Promise.all([launchBrowser(), launchBrowser(), mkdtemp(join(tmpdir(), 'proofbook-packet-')), createTestKey()]);
  big = await build(bigReport, true);
  bigFile = await save('big.pdf', big.signed);
});

afterAll(async () => {
  await Promise.all([browser?.close(), otherBrowser?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('packet PDF', () => {
  it('numbers the contents with the pages where the headings stand', () => {
    const toc = lines(pageText(bigFile, 2));
    const open = big.sections.find((s) => s.title === '2.2 Open findings')!;
    const fixed = big.sections.find((s) => s.title === '2.3 Fixed findings')!;
    expect(fixed.page - open.page).toBeGreaterThan(10);
    for (const section of big.sections) {
      const entry = toc.map((line) => new RegExp(`^${escapeRegExp(section.title)}\\s+(\\d+)$`).exec(line)).find((m) => m);
      expect(entry, `contents line for ${section.title}`).toBeTruthy();
      expect(Number(entry![1])).toBe(section.page);
      expect(lines(pageText(bigFile, section.page)), `heading ${section.title} on page ${section.page}`).toContain(section.title);
    }
    // Each heading stands on exactly one page besides the contents.
    const pages = Array.from({ length: big.pages - 2 }, (_, i) => ({ page: i + 3, lines: lines(pageText(bigFile, i + 3)) }));
    for (const section of big.sections) {
      expect(pages.filter((p) => p.lines.includes(section.title)).map((p) => p.page)).toEqual([section.page]);
    }
  });

  it('has bookmarks naming the sections, nested by chapter, pointing at their pages', async () => {
    const pdf = await getDocument({ data: new Uint8Array(big.signed) }).promise;
    try {
      const outline = await pdf.getOutline();
      expect(outline.map((item) => item.title)).toEqual(['Cover', 'Contents', '1 Overview', '2 Findings', '3 Tickets and SLA', '4 Operations', '5 RACI matrix', '6 Ingest report', '7 Policies and procedures', '8 Controls', '9 Regulatory summaries', '10 Sign-off']);
      const findings = outline.find((item) => item.title === '2 Findings')!;
      expect(findings.items.map((item) => item.title)).toEqual(['2.1 Summary by severity', '2.2 Open findings', '2.3 Fixed findings']);
      const flat = outline.flatMap((item) => [item, ...item.items]);
      for (const section of big.sections) {
        const item = flat.find((i) => i.title === section.title)!;
        const dest = item.dest as [{ num: number; gen: number }, ...unknown[]];
        expect((await pdf.getPageIndex(dest[0])) + 1, section.title).toBe(section.page);
      }
    } finally {
      await pdf.destroy();
    }
  });

  it('links each contents entry to its heading', async () => {
    const pdf = await getDocument({ data: new Uint8Array(big.unsigned) }).promise;
    try {
      const links = (await (await pdf.getPage(2)).getAnnotations()).filter((a) => a.subtype === 'Link');
      const targets = await Promise.all(links.map(async (link) => {
        const dest = (typeof link.dest === 'string' ? await pdf.getDestination(link.dest) : link.dest) as [{ num: number; gen: number }];
        return (await pdf.getPageIndex(dest[0])) + 1;
      }));
      // The Contents heading links to itself (page 2), then one link per section.
      expect(targets).toEqual([2, ...big.sections.map((s) => s.page)]);
    } finally {
      await pdf.destroy();
    }
  });

  it('shows every open finding once, in the order of the model', () => {
    const open = big.sections.find((s) => s.title === '2.2 Open findings')!;
    const fixed = big.sections.find((s) => s.title === '2.3 Fixed findings')!;
    const text = pagesText(bigFile, open.page, fixed.page);
    const region = text.slice(text.indexOf('2.2 Open findings'), text.indexOf('2.3 Fixed findings'));
    let position = 0;
    for (const row of bigReport.findings.open) {
      const title = new RegExp(`${escapeRegExp(row.title)}(?!\\d)`, 'g');
      const found = [...region.matchAll(title)].map((m) => m.index);
      expect(found, row.title).toHaveLength(1);
      expect(found[0]!, `${row.title} after the row before it`).toBeGreaterThan(position);
      position = found[0]!;
    }
  });

  it('repeats the table header on every page and never splits a row', () => {
    const open = big.sections.find((s) => s.title === '2.2 Open findings')!;
    const fixed = big.sections.find((s) => s.title === '2.3 Fixed findings')!;
    for (let page = open.page; page < fixed.page; page++) {
      const text = pageText(bigFile, page);
      expect(text, `page ${page}`).toMatch(/#\s+Severity\s+Finding\s+Host\s+First seen\s+Due and SLA/);
      // Each row's title and the last line of its output stand on the same page.
      const titles = [...text.matchAll(/Sample finding (\d+)(?!\d)/g)].map((m) => m[1]);
      const outputs = [...text.matchAll(/Output line for finding (\d+)(?!\d)/g)].map((m) => m[1]);
      expect(titles.length, `rows on page ${page}`).toBeGreaterThan(0);
      expect(outputs, `page ${page}`).toEqual(titles);
      expect(text.match(/second line/g)?.length, `page ${page}`).toBe(titles.length);
    }
  });

  it('puts "Page X of Y" on every page but the cover, counting the cover', () => {
    expect(Number(pdfinfo(bigFile)['Pages'])).toBe(big.pages);
    const middle = Math.floor(big.pages / 2);
    expect(pageText(bigFile, middle)).toContain(`Page ${middle} of ${big.pages}`);
    expect(pageText(bigFile, big.pages)).toContain(`Page ${big.pages} of ${big.pages}`);
    const cover = pageText(bigFile, 1);
    expect(cover).not.toMatch(/Page \d+ of/);
    expect(cover).not.toContain('Compliance packet 2026-Q3, ');
    expect(cover).toContain('Sample Clinic');
    expect(cover).toContain('Signed with a development key, not for submission');
    expect(pageText(bigFile, 2)).toContain('Compliance packet 2026-Q3, 2026-07-01 to 2026-09-30');
  });

  it('embeds every font it uses, and only the fonts shipped with Proofbook', () => {
    const table = spawnSync('pdffonts', [bigFile], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(table.length).toBeGreaterThan(0);
    for (const row of table) {
      // name, type, encoding, then emb sub uni as yes/no.
      expect(row, row).toMatch(/^[A-Z]{6}\+(SourceSans3|SourceCodePro)\S*\s.*\syes\s+yes\s+yes\s/);
    }
  });

  it('carries the document metadata', () => {
    const info = pdfinfo(bigFile);
    expect(info).toMatchObject({
      Title: 'Sample Clinic — compliance packet 2026-Q3',
      Author: 'Harborline Managed IT',
      Creator: 'Proofbook 0.1.0',
      Producer: 'Proofbook',
      Keywords: 'sample-clinic 2026-Q3 hipaa',
      CreationDate: 'Mon Oct  5 12:00:00 2026 UTC',
      'Page size': '612 x 792 pts (letter)',
    });
  });

  it('is signed over the whole document, and any change breaks the signature', async () => {
    const report = pdfsig(bigFile);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature is Valid');
    // An incremental update: the unsigned bytes are the first part of the signed file.
    expect(Buffer.compare(Buffer.from(big.signed.subarray(0, big.unsigned.length)), Buffer.from(big.unsigned))).toBe(0);

    const tampered = Buffer.from(big.signed);
    const text = tampered.toString('latin1');
    const range = /\/ByteRange \[0 (\d+) /.exec(text)!;
    // A byte inside a content stream in the first signed range: the file still parses, the digest no longer matches.
    const stream = text.indexOf('stream\n', Math.floor(Number(range[1]) / 2)) + 'stream\n'.length + 10;
    expect(stream).toBeLessThan(Number(range[1]));
    tampered[stream] = tampered[stream]! ^ 0xff;
    const after = pdfsig(await save('tampered.pdf', tampered));
    expect(after).not.toContain('Signature is Valid');
    expect(after).toMatch(/Digest Mismatch|Signature is Invalid/);
  });
});

describe('a tagged packet', () => {
  const options = { templatesDir, signedWithDevelopmentKey: true, tagged: true, partLines: 300 };
  let tagged: Packet;
  let file: string;
  let tree: StructElement;
  beforeAll(async () => {
    // Printed in many parts on two printers: the structure of every print must be joined in order.
    tagged = await buildPacket(bigReport, { ...options, key, browsers: [browser, otherBrowser] });
    file = await save('tagged.pdf', tagged.signed);
    tree = structureTree(file);
  });

  it('is tagged when asked, and untagged by default', () => {
    expect(pdfinfo(file)['Tagged']).toBe('yes');
    expect(pdfinfo(bigFile)['Tagged']).toBe('no');
  });

  it('is one document of parts whose headings come in the order of the contents, each once', () => {
    expect(tree.type).toBe('Document');
    expect(tree.children.length).toBeGreaterThan(6);
    expect(new Set(tree.children.map((part) => part.type))).toEqual(new Set(['Part']));
    const titles = ['Contents', ...tagged.sections.map((s) => s.title)];
    const headings = structElements(tree).filter((e) => /^H[1-6]$/.test(e.type)).map((e) => e.text.trim());
    expect(headings.filter((text) => titles.includes(text))).toEqual(titles);
  });

  it('reads every open finding once, in the order of the model, as a row of its table', () => {
    const elements = structElements(tree);
    const heading = (title: string) => elements.findIndex((e) => /^H[1-6]$/.test(e.type) && e.text.trim() === title);
    const rows = elements.slice(heading('2.2 Open findings'), heading('2.3 Fixed findings')).filter((e) => e.type === 'TR').map((e) => e.text);
    let position = -1;
    for (const finding of bigReport.findings.open) {
      const title = new RegExp(`${escapeRegExp(finding.title)}(?!\\d)`);
      const found = rows.flatMap((text, i) => (title.test(text) && text.includes(finding.host) ? [i] : []));
      expect(found, finding.title).toHaveLength(1);
      expect(found[0]!, `${finding.title} after the row before it`).toBeGreaterThan(position);
      position = found[0]!;
    }
  });

  it('names each header cell once across all prints, and every data cell names header cells that exist', () => {
    const elements = structElements(tree);
    const ids = elements.filter((e) => e.type === 'TH' && e.id !== null).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    const named = elements.filter((e) => e.type === 'TD').flatMap((e) => e.attributes.flatMap((a) => [...a.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])));
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((id) => !ids.includes(id!))).toEqual([]);
  });

  it('keeps the page heads out of the structure, as artifacts, but on the page', () => {
    expect(structElements(tree).filter((e) => /Page \d+ of \d+/.test(e.text))).toEqual([]);
    expect(pageText(file, 2)).toContain(`Page 2 of ${tagged.pages}`);
  });

  it('is signed like an untagged one', () => {
    expect(pdfsig(file)).toContain('Signature is Valid.');
  });

  it('maps the PDF 2.0 types Chromium writes for strong and em to PDF 1.7 ones, which poppler reads without a complaint', async () => {
    const report = withOperations(2);
    const body = '**Only** named staff *may* connect.';
    report.documents[2] = { ...report.documents[2]!, body, bodyBlocks: renderMarkdown(body).blocks };
    const packet = await buildPacket(report, { browsers: [browser], templatesDir, key, signedWithDevelopmentKey: false, tagged: true });
    // structureTree fails on any line poppler prints that is not part of the tree, such as "Syntax Error: ... wrong type (Strong)".
    const spans = structElements(structureTree(await save('roles.pdf', packet.unsigned))).filter((e) => e.type === 'Span').map((e) => e.text);
    expect(spans).toEqual(expect.arrayContaining(['Only', 'may']));
  });

  it('prints the same bytes whichever printer printed each part', async () => {
    // This browser has printed other documents since: its DOM node numbers, which Chromium names header cells after, differ.
    const again = await buildPacket(bigReport, { ...options, key, browsers: [otherBrowser] });
    expect(Buffer.compare(Buffer.from(again.unsigned), Buffer.from(tagged.unsigned))).toBe(0);
  });
});

describe('packet determinism and untrusted text', () => {
  const report = sampleReport({ findings: 12 });
  report.findings.open[3]!.title = hostile;
  report.findings.open[3]!.output = `${hostile}\nsecond line`;

  let first: Packet;
  let second: Packet;
  beforeAll(async () => {
    first = await build(report);
    second = await build(report);
  });

  it('prints the same unsigned bytes for the same model', () => {
    expect(Buffer.compare(Buffer.from(first.unsigned), Buffer.from(second.unsigned))).toBe(0);
  });

  it('prints the same unsigned bytes on two printers side by side as on one', async () => {
    const options = { templatesDir, key, signedWithDevelopmentKey: true, partLines: 300 };
    expect(renderHtml(bigReport, await loadTemplates(templatesDir), options).parts.length).toBeGreaterThan(6);
    const [one, two] = [await buildPacket(bigReport, { ...options, browsers: [browser] }), await buildPacket(bigReport, { ...options, browsers: [browser, otherBrowser] })];
    expect(two.pages).toBe(one.pages);
    expect(Buffer.compare(Buffer.from(one.unsigned), Buffer.from(two.unsigned))).toBe(0);
  });

  it('prints markup in model text literally', async () => {
    const file = await save('hostile.pdf', first.unsigned);
    const text = pagesText(file, 1, first.pages).replace(/\s+/g, '');
    const literal = hostile.replace(/\s+/g, '');
    // Once as the title, once in the output.
    expect(text.split(literal)).toHaveLength(3);
    expect(pdfinfo(file)['JavaScript']).toBe('no');
  });

  it('has no development-key notice when signed with a real key', async () => {
    const file = await save('real-key.pdf', first.unsigned);
    expect(pagesText(file, 1, first.pages)).not.toContain('not for submission');
  });
});

describe('a user templates folder', () => {
  it('brands the printed packet with an overridden partial and print.css, keeping the rest', async () => {
    const own = join(dir, 'brand');
    await mkdir(join(own, 'partials'), { recursive: true });
    await writeFile(join(own, 'partials', 'cover.hbs'), '<section class="cover"><p class="brand">Acme Assurance</p><h1>{{client.name}}</h1></section>');
    // As docs/packet.md advises: a copy of the bundled print.css, edited.
    const css = (await readFile(join(templatesDir, 'print.css'), 'utf8')).replace('--accent: #1f3a5f;', '--accent: #7a0019;');
    await writeFile(join(own, 'print.css'), `${css}\n.brand { font-size: 30pt; color: var(--accent); }\n`);
    const packet = await buildPacket(sampleReport({ findings: 5 }), { browsers: [browser], templatesDir: own, key, signedWithDevelopmentKey: false });
    const file = await save('branded.pdf', packet.unsigned);
    expect(pageText(file, 1)).toContain('Acme Assurance');
    expect(pageText(file, 1)).not.toContain('Quarterly compliance packet');
    expect(pageText(file, 2)).toContain(`Page 2 of ${packet.pages}`);
    expect(packet.sections.map((s) => s.title)).toContain('10 Sign-off');
  });
});

describe('contents numbering', () => {
  const report = sampleReport({ findings: 5 });
  const metadata = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'c', producer: 'p', date: new Date(0), language: 'en', documentId: '00'.repeat(16) };

  /** The packet with `fillers(numbers)` extra pages in its contents: a contents whose length reacts to its own numbers. */
  async function withFillers(fillers: (numbers: ReadonlyMap<string, number> | null) => number) {
    const html = renderHtml(report, await loadTemplates(templatesDir), { signedWithDevelopmentKey: false });
    const filler = '<div style="break-before: page">filler</div>';
    return { ...html, contents: (numbers: ReadonlyMap<string, number> | null) => html.contents(numbers).replace('</ol>', `</ol>${filler.repeat(fillers(numbers))}`) };
  }

  it('prints the contents again when filling in its numbers makes it longer', async () => {
    const printed = await printPacket([browser], await withFillers((numbers) => (numbers ? 2 : 0)), metadata);
    const file = await save('moved.pdf', printed.pdf);
    const overview = printed.sections.find((s) => s.title === '1 Overview')!;
    expect(overview.page).toBe(5); // cover, contents and its two fillers
    expect(lines(pageText(file, 5))).toContain('1 Overview');
    expect(lines(pageText(file, 2)).some((line) => /^1 Overview\s+5$/.test(line))).toBe(true);
    expect(pageText(file, 5)).toContain(`Page 5 of ${printed.pages}`);
  });

  it('fails with the error of a part that cannot be rendered while other parts print, and both printers print on after', async () => {
    const html = renderHtml(report, await loadTemplates(templatesDir), { signedWithDevelopmentKey: false, partLines: 60 });
    expect(html.parts.length).toBeGreaterThan(3);
    const broken = { ...html, parts: html.parts.map((part, i) => (i === 2 ? () => { throw new Error('"misspelt" not defined in partials/findings-open.hbs'); } : part)) };
    await expect(printPacket([browser, otherBrowser], broken, metadata)).rejects.toThrow('"misspelt" not defined');
    expect((await printPacket([browser, otherBrowser], html, metadata)).sections.map((s) => s.title)).toContain('10 Sign-off');
  });

  it('fails clearly when the numbers never settle', async () => {
    const html = await withFillers((numbers) => numbers?.get('overview') ?? 0);
    await expect(printPacket([browser], html, metadata)).rejects.toThrow('The contents page numbers did not settle after 3 prints');
  });
});
