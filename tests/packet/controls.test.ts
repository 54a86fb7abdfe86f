import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Packet } from '../../src/packet/packet.ts';
import { renderHtml } from '../../src/packet/render-html.ts';
import { loadTemplates } from '../../src/packet/templates.ts';
import { sampleReport } from '../support/sample-report.ts';
import { printReport } from './printed.ts';
import { controlMarker, withControls } from './with-controls.ts';

/**
 * The Controls and Regulatory summaries chapters, read back from a printed packet: listed in the
 * contents at the pages they start on, every control row printed once and in order, and only the
 * summaries of the frameworks in scope.
 */

const perFramework = 150;
const report = withControls(['hipaa', 'nydfs-500', 'ftc-safeguards'], perFramework);

let packet: Packet;
/** Text of each page (index 0 is page 1), as pdftotext lays it out. */
let pages: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ packet, pages, close } = await printReport(report, 'controls'));
});

afterAll(async () => {
  await close?.();
});

const pageOf = (title: string) => packet.sections.find((s) => s.title === title)!.page;

describe('controls and regulatory chapters in the packet', () => {
  it('lists both chapters before Sign-off in the contents, at the pages their headings stand on', () => {
    const titles = packet.sections.map((s) => s.title);
    expect(titles.slice(-3)).toEqual(['8 Controls', '9 Regulatory summaries', '10 Sign-off']);
    const contents = pages[1]!;
    for (const title of titles.slice(-3)) {
      expect(contents).toMatch(new RegExp(`${title}\\s+${pageOf(title)}\\n`));
      expect(pages[pageOf(title) - 1]!.split('\n').map((l) => l.trim())).toContain(title);
    }
    expect(pageOf('9 Regulatory summaries') - pageOf('8 Controls')).toBeGreaterThan(10);
  });

  it('prints every control row once, in the order of the model, with its status in words', () => {
    const controlsText = pages.slice(pageOf('8 Controls') - 1, pageOf('9 Regulatory summaries') - 1).join('\n');
    const printed = [...controlsText.matchAll(/\b(HIP|NYD|FTC)-\d{6}\b/g)].map((m) => m[0]);
    expect(printed).toEqual(report.controls.controls.map((c) => c.id));
    expect(report.controls.controls).toHaveLength(3 * perFramework);
    const row = controlsText.split('\n').find((line) => line.includes(controlMarker('hipaa', 2)))!;
    expect(row).toMatch(/Gap/);
  });

  it('repeats the control table header on every page of the chapter', () => {
    for (const text of pages.slice(pageOf('8 Controls'), pageOf('9 Regulatory summaries') - 1)) {
      expect(text).toMatch(/Control\s+Status\s+Rule and reason\s+Evidence/);
    }
  });

  it('prints the summaries of the frameworks in scope', () => {
    const regulatory = pages.slice(pageOf('9 Regulatory summaries') - 1, pageOf('10 Sign-off') - 1).join('\n');
    expect(regulatory).toContain('NYDFS 23 NYCRR 500.17(b): certification support');
    expect(regulatory).toContain('Supports an acknowledgment of noncompliance');
    expect(regulatory).toContain('FTC 16 CFR 314.4(i): report to the board');
    expect(regulatory).toContain('HIPAA 164.308(a)(1)(ii)(A): risk analysis summary');
    for (const item of report.regulatory.nydfsCertification!.acknowledgmentItems) expect(regulatory).toContain(item.id);
  });
});

describe('regulatory summaries in the HTML', () => {
  const summaries = [
    ['nydfs-500', 'NYDFS 23 NYCRR 500.17(b)'],
    ['ftc-safeguards', 'FTC 16 CFR 314.4(i)'],
    ['hipaa', 'HIPAA 164.308(a)(1)(ii)(A)'],
  ] as const;

  it('shows only the summaries of the frameworks in scope', async () => {
    const templates = await loadTemplates();
    for (const [framework] of summaries) {
      const html = renderHtml(withControls([framework], 5), templates, { signedWithDevelopmentKey: false }).parts.map((part) => part()).join('');
      for (const [other, title] of summaries) expect(html.includes(title), `${framework} shows ${title}`).toBe(other === framework);
    }
  });

  it('cuts a long control table between rows across parts, its framework heading and counts only before the first', async () => {
    const html = renderHtml(report, await loadTemplates(), { signedWithDevelopmentKey: false, partLines: 300 });
    const withRows = html.parts.map((part) => part()).filter((part) => part.includes('HIP-0'));
    expect(withRows.length).toBeGreaterThan(2);
    const chapter = html.parts.map((part) => part()).join('').split('id="regulatory"')[0]!;
    // Assessed controls take a full row, unassessed ones a compact line: both carry the id.
    const ids = [...chapter.matchAll(/<span class="strong">((?:HIP|NYD|FTC)-\d{6})<\/span>(?:<span class="sub">| )Control/g)].map((m) => m[1]);
    expect(ids).toEqual(report.controls.controls.map((c) => c.id));
    expect(html.parts.map((part) => part()).join('').split('HIPAA Security Rule (45 CFR 164) <span class="sub-inline">')).toHaveLength(2);
  });

  it('says so when no control was assessed and no summary applies', async () => {
    const html = renderHtml(sampleReport(), await loadTemplates(), { signedWithDevelopmentKey: false }).parts.map((part) => part()).join('');
    expect(html).toContain('No control was assessed');
    expect(html).toContain('None of the frameworks in scope asks for a regulatory summary.');
  });
});
