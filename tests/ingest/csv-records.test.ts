import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/ingest/csv-records.ts';
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

  it('fails clearly on bytes that are not UTF-8', async () => {
    await expect(records(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]))).rejects.toThrow(/not valid UTF-8/);
  });
});
