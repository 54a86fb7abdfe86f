/** CSV writing. LF line endings and a final newline, as the real exports in ../shared/fixtures do. */
import { closeSync, openSync, writeSync } from 'node:fs';

/** RFC 4180 quoting, only where needed: fields with a comma, a quote, CR or LF. */
export function quoteIfNeeded(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Nessus Pro style: every data value quoted, empty ones as "". */
export function quoteAlways(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export interface CsvData {
  /** Written bare, as both formats do. */
  header: readonly string[];
  rows: Iterable<readonly string[]>;
  quote: (value: string) => string;
}

/** Streams rows to disk in ~1 MB writes, so --scale can produce files of hundreds of MB. Returns the data row count. */
export function writeCsv(path: string, { header, rows, quote }: CsvData): number {
  const fd = openSync(path, 'w');
  let buffer = `${header.join(',')}\n`;
  let count = 0;
  try {
    for (const row of rows) {
      if (row.length !== header.length) throw new Error(`${path}: row has ${row.length} fields, header has ${header.length}`);
      buffer += `${row.map(quote).join(',')}\n`;
      count++;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  return count;
}
