import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, readCsvRecords } from '../../src/ingest/csv-records.ts';
import { tempFile } from '../support/files.ts';

async function records(content: string | Uint8Array) {
  const out = [];
  for await (const r of readCsvRecords(tempFile('x.csv', content))) out.push(r);
  return out;
}

describe('readCsvRecords', () => {
  it('gives each record the physical line it starts on, across quoted newlines and blank lines', async () => {
    const got = await records('a,b\n1,"x\ny\nz"\n\n2,w\n3,v');
    expect(got).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny\nz'] },
      { line: 6, fields: ['2', 'w'] },
      { line: 7, fields: ['3', 'v'] },
    ]);
  });

  it('reads CRLF exports the same as LF ones, quoted CRLF becoming LF', async () => {
    expect(await records('a,b\r\n1,"x\r\ny"\r\n2,w\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny'] },
      { line: 4, fields: ['2', 'w'] },
    ]);
  });

  it('strips a UTF-8 byte order mark from the first header', async () => {
    const got = await records('\uFEFFPlugin ID,Host\n1,h\n');
    expect(got[0]).toEqual({ line: 1, fields: ['Plugin ID', 'Host'] });
  });

  it('decodes UTF-16 LE and BE exports with a byte order mark', async () => {
    const text = 'name,città\nZoë,Genève\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const expected = [{ line: 1, fields: ['name', 'città'] }, { line: 2, fields: ['Zoë', 'Genève'] }];
    expect(await records(le)).toEqual(expected);
    expect(await records(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(expected);
  });

  it('yields a broken record for an unclosed quote instead of stopping', async () => {
    const got = await records('a,b\n1,ok\n2,"never closed\n3,x\n');
    expect(got[0]).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(got[1]).toEqual({ line: 2, fields: ['1', 'ok'] });
    expect(got[2]).toMatchObject({ line: 3, broken: expect.stringMatching(/quote/i) });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as Excel writes "CSV"', async () => {
    const excel = Buffer.from([...Buffer.from('name,note\r\nZo'), 0xeb, 0x2c, 0x93, ...Buffer.from('caf'), 0xe9, 0x94, 0x80, 0x0d, 0x0a]);
    expect(await records(excel)).toEqual([{ line: 1, fields: ['name', 'note'] }, { line: 2, fields: ['Zoë', '“café”€'] }]);
  });

  it('keeps a UTF-8 character split across two read chunks whole', async () => {
    const text = `h\n${'x'.repeat((1 << 20) - 3)}é€\n`;
    const got = await records(Buffer.from(text));
    expect(got[1]).toEqual({ line: 2, fields: [`${'x'.repeat((1 << 20) - 3)}é€`] });
  });

  it('reads a file of several read buffers as csv-parse does, records, characters and CRLFs cut at every buffer end', async () => {
    // About 5 MB in records of varied length: the 1 MiB buffers (read one ahead of the other) end
    // inside fields, inside multi-byte characters, between CR and LF and inside doubled quotes.
    const rows = Array.from({ length: 3500 }, (_, i) => `${i},"é€ ${'x'.repeat(i % 997)}\r\n""q"" ${i}",${'y'.repeat(500 + (i % 7))}€`);
    const text = `n,text,more\r\n${rows.join('\r\n')}\r\n`;
    const got = await records(Buffer.from(text));
    const lf = text.replaceAll('\r\n', '\n');
    expect(got).toEqual((parse(lf) as string[][]).map((fields, i) => ({ line: i === 0 ? 1 : 2 * i, fields })));
  });

  it('fails clearly on a binary file', async () => {
    await expect(records(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x61]))).rejects.toThrow(/binary/);
  });

  it('decodes UTF-16 LE without a byte order mark from its zero bytes', async () => {
    expect(await records(Buffer.from('a,b\n1,2\n', 'utf16le'))).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });

  it('skips a stray quote after a closed field to the line end and reads on', async () => {
    expect(await records('a,b\n1,"x"y,2\n3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, broken: expect.stringMatching(/closing quote is followed by "y"/) },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reports an over-long record and resumes after it, holding only a bounded part in memory', async () => {
    const got = [];
    for await (const r of readCsvRecords(tempFile('x.csv', `a,b\n1,"${'z\n'.repeat(3000)}"\n2,${'y'.repeat(5000)}\n3,ok\n`), { maxRecordChars: 1000 })) got.push(r);
    expect(got).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, broken: expect.stringMatching(/longer than 1000 characters/) },
      { line: 3003, broken: expect.stringMatching(/longer than 1000/) },
      { line: 3004, fields: ['3', 'ok'] },
    ]);
  });

  it('property: wherever the text is cut into chunks, the records are those csv-parse reads, on the lines they start on', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '7', ' ', ',', '"', '\n', 'é', ';') });
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(), { maxLength: 6 }), async (table, cuts) => {
        const text = `${table.map((row) => row.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, n) => text.slice(from, [...at, text.length][n]));
        const got = [];
        for await (const batch of csvRecords((async function* () { yield* chunks; })())) got.push(...batch);
        const expected = parse(text, { info: true, relax_column_count: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
        // csv-parse's `info.lines` is the line a record ends on; it starts that many newlines earlier.
        expect(got).toEqual(expected.map(({ record, info }) => ({ line: info.lines - (record.join(',').split('\n').length - 1), fields: record })));
      }),
      { numRuns: 300 },
    );
  });
});
