import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeExport } from './decode.ts';

/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record csv-parse could not read (unclosed quote…), kept so it is counted and reported. */
export interface CsvBrokenRecord {
  line: number;
  broken: string;
}

/**
 * Streams the records of a CSV export, header included, in order. Malformed records are yielded
 * as `broken` instead of stopping the file, so every row is accounted for.
 */
export async function* readCsvRecords(filePath: string): AsyncGenerator<CsvRecord | CsvBrokenRecord> {
  const skipped: CsvBrokenRecord[] = [];
  let lastEnd = 0;
  const parser = parse({
        info: true,
        relax_column_count: true,
        skip_records_with_error: true,
        record_delimiter: '\n',
        on_skip: (error) => {
          skipped.push({ line: lastEnd + 1, broken: error?.message ?? 'unreadable record' });
          lastEnd = Number((error as { lines?: number } | undefined)?.lines ?? lastEnd + 1);
        },
      });
  // pipeline (not pipe) so a read or decode error ends the iteration below with that error.
  pipeline(createReadStream(filePath, { highWaterMark: 1 << 20 }), decodeExport(), parser, () => {});
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* skipped.splice(0);
    const line = lastEnd + 1;
    lastEnd = info.lines;
    // A blank physical line parses as one empty field; it is not a record.
    if (record.length === 1 && record[0] === '') continue;
    yield { line, fields: record };
  }
  yield* skipped.splice(0);
}
