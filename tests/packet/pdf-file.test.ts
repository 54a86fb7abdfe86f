import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { appendUpdate, declaredSize, loadForUpdate, openPdfFile, refsAfter } from '../../src/packet/pdf-file.ts';

/** A PDF file written in pieces, and updated incrementally, read back by pdf-lib and poppler. */

const dir = mkdtempSync(join(tmpdir(), 'proofbook-pdf-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Poppler's text of the file, with anything it had to repair reported on stderr. */
function poppler(name: string, bytes: Uint8Array): { text: string; errors: string } {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { text: result.stdout, errors: result.stderr };
}

/** Every entry of every cross-reference section points at the start of its object. */
function expectOffsetsRight(bytes: Uint8Array): void {
  const text = latin1(bytes);
  let sections = 0;
  for (let at = text.indexOf('\nxref\n'); at >= 0; at = text.indexOf('\nxref\n', at + 1)) {
    sections++;
    const lines = text.slice(at + 6, text.indexOf('trailer', at)).trim().split('\n');
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i]!.split(' ').map(Number) as [number, number];
      for (let n = 0; n < count; n++) {
        const [offset, , kind] = lines[i + 1 + n]!.trim().split(' ');
        if (kind === 'n') expect(text.slice(Number(offset), Number(offset) + 20), `object ${first + n}`).toMatch(new RegExp(`^${first + n} 0 obj\\n`));
      }
      i += 1 + count;
    }
  }
  expect(sections).toBeGreaterThan(0);
}

/** Three pages of text; page objects are what a binder keeps changing, the rest is final at once. */
async function threePages(): Promise<{ doc: PDFDocument; early: ReturnType<typeof openPdfFile> }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const early = openPdfFile(doc.context);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) {
    const before = doc.context.largestObjectNumber;
    const page = doc.addPage();
    page.drawText(`Evidence page ${i}`, { x: 50, y: 700, font, size: 18 });
    // The content stream is final once drawn; the page and the font are not (the font is embedded on flush).
    early.write(refsAfter(doc.context, before).filter((ref) => ref !== page.ref));
  }
  await doc.flush();
  return { doc, early };
}

describe('a PDF file written in pieces', () => {
  it('reads back whole, with every object where the table says, the same on every run', async () => {
    const [first, second] = await Promise.all([threePages(), threePages()]);
    const bytes = first.early.finish();
    expect(latin1(bytes).startsWith('%PDF-1.7\n')).toBe(true);
    expectOffsetsRight(bytes);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(3);
    const { text, errors } = poppler('pieces.pdf', bytes);
    expect(errors).toBe('');
    expect(text).toMatch(/Evidence page 1[\s\S]*Evidence page 2[\s\S]*Evidence page 3/);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(second.early.finish()))).toBe(0);
  });
});

describe('packed objects', () => {
  /** Three pages, and 450 small dictionaries written packed, as a tagged binder's structure elements are. */
  async function withPacked(): Promise<{ bytes: Uint8Array; packed: PDFRef[] }> {
    const { doc, early } = await threePages();
    const packed = Array.from({ length: 450 }, (_, i) => doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'P', Marker: i })));
    early.write(packed, { packed: true });
    return { bytes: early.finish(), packed };
  }

  it('go into object streams, and the file ends with a cross-reference stream that pdf-lib and poppler read', async () => {
    const [{ bytes, packed }, again] = await Promise.all([withPacked(), withPacked()]);
    const text = latin1(bytes);
    expect(text.match(/\/Type \/ObjStm/g)).toHaveLength(3);
    expect(text).toContain('/Type /XRef');
    expect(text).not.toContain('/Marker');
    const read = await PDFDocument.load(bytes);
    expect(read.getPageCount()).toBe(3);
    expect(String(read.context.lookup(packed[449]!))).toContain('/Marker 449');
    const { text: pages, errors } = poppler('packed.pdf', bytes);
    expect(errors).toBe('');
    expect(pages).toMatch(/Evidence page 1[\s\S]*Evidence page 3/);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again.bytes))).toBe(0);
  });
});

describe('an incremental update', () => {
  it('appends the changed objects and leaves the bytes before them as they were', async () => {
    const { doc, early } = await threePages();
    const original = early.finish();
    const before = doc.context.largestObjectNumber;
    // A fourth page: the page tree changes, the page, its content and font are new.
    doc.addPage().drawText('Added in an update', { x: 50, y: 600, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    await doc.flush();
    const updated = appendUpdate(original, doc.context, [doc.catalog.get(PDFName.of('Pages')) as PDFRef, ...refsAfter(doc.context, before)]);

    expect(Buffer.compare(Buffer.from(updated.subarray(0, original.length)), Buffer.from(original))).toBe(0);
    const previous = /startxref\n(\d+)\n%%EOF$/.exec(latin1(original))![1];
    expect(latin1(updated.subarray(original.length))).toContain(`/Prev ${previous}`);
    expectOffsetsRight(updated);
    const { text, errors } = poppler('updated.pdf', updated);
    expect(errors).toBe('');
    expect(text).toMatch(/Evidence page 3\s+Added in an update/);
    expect(poppler('original.pdf', original).text).not.toContain('Added in an update');
  });

  it('updates a file whose cross-references are a stream with a cross-reference stream of its own', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage().drawText('Evidence page 1', { x: 50, y: 700, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
    const original = await doc.save({ useObjectStreams: true });
    // pdf-lib does not count the object and cross-reference streams it read: their numbers are taken.
    expect(declaredSize(original)).toBeGreaterThan((await PDFDocument.load(original)).context.largestObjectNumber + 1);
    const loaded = await loadForUpdate(original);
    const before = loaded.context.largestObjectNumber;
    loaded.addPage().drawText('Added in an update', { x: 50, y: 600, size: 12, font: await loaded.embedFont(StandardFonts.Helvetica) });
    await loaded.flush();
    const updated = appendUpdate(original, loaded.context, [loaded.catalog.get(PDFName.of('Pages')) as PDFRef, ...refsAfter(loaded.context, before)]);

    expect(Buffer.compare(Buffer.from(updated.subarray(0, original.length)), Buffer.from(original))).toBe(0);
    const update = latin1(updated.subarray(original.length));
    expect(update).toContain('/Type /XRef');
    expect(update).not.toContain('\nxref\n');
    const { text, errors } = poppler('stream-updated.pdf', updated);
    expect(errors).toBe('');
    expect(text).toMatch(/Evidence page 1\s+Added in an update/);
  });
});
