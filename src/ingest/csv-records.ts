import { openText } from './decode.ts';

/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A record that could not be read (unclosed quote, stray quote, over-long), kept so it is counted and reported. */
export interface CsvBrokenRecord {
  line: number;
  broken: string;
}

export interface CsvReadOptions {
  /** A record longer than this many characters is reported broken and skipped, so memory stays bounded. */
  maxRecordChars?: number;
}

export const defaultMaxRecordChars = 32 * 1024 * 1024;

/**
 * Splits decoded text (LF line ends) into RFC 4180 records, streaming: quoted fields may hold
 * commas, doubled quotes and newlines. Every record carries the physical line it starts on, and a
 * malformed one is yielded as `broken` and skipped up to the next line end, so the rest of the file
 * is still read. The scan jumps between delimiters with indexOf, which is what makes it as fast as
 * the fastest JavaScript CSV parsers (see scripts/bench-ingest.ts). Records come in batches, one per
 * chunk of text, so that a record costs no promise of its own.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, options: CsvReadOptions = {}): AsyncGenerator<Array<CsvRecord | CsvBrokenRecord>> {
  const maxChars = options.maxRecordChars ?? defaultMaxRecordChars;
  let line = 1;
  let recordLine = 1;
  let recordChars = 0;
  let fields: string[] = [];
  /** Text of a field the chunk ended in: an unquoted start, or the quoted content so far. */
  let partial = '';
  let inQuotes = false;
  /** In a quoted field, the chunk ended right after a quote: an escape or the closing quote. */
  let quoteAtEnd = false;
  /** After a broken record: skip to the next line end outside quotes. */
  let skipping = false;
  let skipInQuotes = false;
  const out: Array<CsvRecord | CsvBrokenRecord> = [];

  const endRecord = () => {
    if (recordChars > maxChars) out.push({ line: recordLine, broken: tooLong(maxChars) });
    // A blank physical line parses as one empty field; it is not a record.
    else if (fields.length > 1 || fields[0] !== '') out.push({ line: recordLine, fields });
    fields = [];
    recordChars = 0;
    recordLine = line;
  };
  const breakRecord = (reason: string, insideQuotes = false) => {
    out.push({ line: recordLine, broken: reason });
    fields = [];
    partial = '';
    inQuotes = false;
    quoteAtEnd = false;
    recordChars = 0;
    skipping = true;
    skipInQuotes = insideQuotes;
  };

  for await (const chunk of chunks) {
    let i = 0;
    // A chunk that ended on a quote inside a quoted field: the quote is re-read with what follows.
    const text = quoteAtEnd ? `"${chunk}` : chunk;
    quoteAtEnd = false;
    const length = text.length;
    let nextNewline = -2;
    let nextComma = -2;
    while (i < length) {
      if (skipping) {
        // Find the line end that closes the broken record, honouring quotes.
        const newline = text.indexOf('\n', i);
        const quote = text.indexOf('"', i);
        if (quote >= 0 && (newline < 0 || quote < newline)) {
          skipInQuotes = !skipInQuotes;
          i = quote + 1;
          continue;
        }
        if (newline < 0) {
          i = length;
          break;
        }
        line++;
        i = newline + 1;
        if (!skipInQuotes) {
          skipping = false;
          recordLine = line;
        }
        continue;
      }
      if (inQuotes) {
        // The closing quote is the first one not doubled; each doubled quote is found once, here.
        let quote = text.indexOf('"', i);
        let from = i;
        /** The field up to its last doubled quote, unescaped. */
        let unescaped = '';
        while (quote >= 0 && quote + 1 < length && text.charCodeAt(quote + 1) === 34) {
          unescaped += text.slice(from, quote + 1);
          from = quote + 2;
          quote = text.indexOf('"', from);
        }
        const end = quote < 0 ? length : quote;
        // Line ends inside the field, each found once per chunk (nextNewline is shared with unquoted fields).
        if (nextNewline < i && nextNewline !== -1) nextNewline = text.indexOf('\n', i);
        while (nextNewline >= 0 && nextNewline < end) {
          line++;
          nextNewline = text.indexOf('\n', nextNewline + 1);
        }
        recordChars += end - i;
        const piece = from === i ? text.slice(i, end) : unescaped + text.slice(from, end);
        partial = partial === '' ? piece : partial + piece;
        if (quote < 0) {
          i = length;
          break;
        }
        if (quote + 1 === length) {
          quoteAtEnd = true;
          i = length;
          break;
        }
        inQuotes = false;
        const after = text.charCodeAt(quote + 1);
        if (after === 44) {
          fields.push(partial);
          partial = '';
          i = quote + 2;
        } else if (after === 10) {
          fields.push(partial);
          partial = '';
          line++;
          endRecord();
          i = quote + 2;
        } else {
          breakRecord(`a closing quote is followed by ${JSON.stringify(text[quote + 1])} instead of a comma or the end of the line`);
          i = quote + 1;
        }
        continue;
      }
      // At the start of a field (partial holds the start of an unquoted field cut by the chunk end).
      if (partial === '' && text.charCodeAt(i) === 34) {
        inQuotes = true;
        i++;
        continue;
      }
      if (nextNewline < i && nextNewline !== -1) nextNewline = text.indexOf('\n', i);
      if (nextComma < i && nextComma !== -1) nextComma = text.indexOf(',', i);
      const end = nextComma >= 0 && (nextComma < nextNewline || nextNewline < 0) ? nextComma : nextNewline;
      if (end < 0) {
        partial += text.slice(i);
        recordChars += length - i;
        i = length;
        break;
      }
      fields.push(partial === '' ? text.slice(i, end) : partial + text.slice(i, end));
      partial = '';
      recordChars += end - i + 1;
      i = end + 1;
      if (end === nextNewline) {
        line++;
        endRecord();
      }
    }
    if (recordChars > maxChars) breakRecord(tooLong(maxChars), inQuotes);
    if (out.length > 0) yield out.splice(0);
  }
  if (skipping) return;
  if (inQuotes && !quoteAtEnd) {
    out.push({ line: recordLine, broken: 'a quoted field is not closed before the end of the file' });
  } else if (partial !== '' || quoteAtEnd || fields.length > 0) {
    fields.push(partial);
    endRecord();
  }
  if (out.length > 0) yield out.splice(0);
}

const tooLong = (maxChars: number) => `the record is longer than ${maxChars} characters; it was skipped to keep memory bounded`;

/** Streams the records of a CSV export file, header included, in order. */
export async function* readCsvRecords(filePath: string, options?: CsvReadOptions): AsyncGenerator<CsvRecord | CsvBrokenRecord> {
  for await (const batch of csvRecords((await openText(filePath)).chunks, options)) yield* batch;
}
