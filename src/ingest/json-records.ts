/** One record of a JSON input with the line it starts on and the path of the array that held it ('' at the top). */
export interface JsonRecord {
  line: number;
  path: string;
  value: unknown;
}

/** A record that cannot be read (not JSON, cut off, too long): a row, rejected. */
export interface JsonBrokenRecord {
  line: number;
  broken: string;
}

/** A problem outside any record: reported, not counted as a row. */
export interface JsonProblem {
  line: number;
  problem: string;
}

export interface JsonReadOptions {
  /** Dotted paths of arrays in a document whose elements are the records. */
  paths: ReadonlySet<string>;
  maxRecordChars?: number;
}

interface Frame {
  array: boolean;
  path: string;
  /** For arrays: their elements are records. */
  records: boolean;
  /** For objects: the next string is a key. */
  expectKey: boolean;
  key: string;
  /** For record arrays: the next non-blank character starts an element. */
  elementStart: boolean;
}

interface Capture {
  depth: number;
  line: number;
  path: string;
  parts: string[];
  start: number;
  chars: number;
  tooLong: boolean;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Streams the records of JSON lines (one value per line), of a top-level JSON array, or of the
 * arrays at `paths` inside a JSON document (an OpenSearch response's `hits.hits`, Security Hub's
 * `Findings`), each with its line. Only one record's text is held at a time, so a document of any
 * size streams; JSON.parse reads each record, so its errors are the platform's own. Records come in
 * batches, one per chunk of text.
 */
export async function* jsonRecords(chunks: AsyncIterable<string>, options: JsonReadOptions): AsyncGenerator<Array<JsonRecord | JsonBrokenRecord | JsonProblem>> {
  const maxChars = options.maxRecordChars ?? 32 * 1024 * 1024;
  const stack: Frame[] = [];
  const out: Array<JsonRecord | JsonBrokenRecord | JsonProblem> = [];
  let line = 1;
  let inString = false;
  let escape = false;
  let keyText: string | null = null;
  let capture: Capture | null = null;
  /** Skipping a top-level line that is not JSON. */
  let skipLine = false;

  const valuePath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.array ? top.path : top.path ? `${top.path}.${top.key}` : top.key;
  };
  const finish = (text: string, end: number) => {
    const c = capture!;
    capture = null;
    if (c.tooLong) {
      out.push({ line: c.line, broken: `the record is longer than ${maxChars} characters; it was skipped to keep memory bounded` });
      return;
    }
    c.parts.push(text.slice(c.start, end));
    try {
      out.push({ line: c.line, path: c.path, value: JSON.parse(c.parts.join('')) });
    } catch (error) {
      out.push({ line: c.line, broken: `not valid JSON: ${(error as Error).message}` });
    }
  };

  for await (const text of chunks) {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (skipLine) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) {
          i = n;
          break;
        }
        skipLine = false;
        i = nl;
        continue;
      }
      if (inString) {
        if (escape) {
          escape = false;
          if (keyText !== null) keyText += text[i];
          i++;
          continue;
        }
        const quote = text.indexOf('"', i);
        const backslash = text.indexOf('\\', i);
        const stop = backslash >= 0 && (quote < 0 || backslash < quote) ? backslash : quote;
        if (stop < 0) {
          if (keyText !== null) keyText += text.slice(i);
          i = n;
          break;
        }
        if (keyText !== null) keyText += text.slice(i, stop + (stop === backslash ? 1 : 0));
        if (stop === backslash) {
          escape = true;
          i = stop + 1;
          continue;
        }
        inString = false;
        if (keyText !== null) {
          stack.at(-1)!.key = keyText.includes('\\') ? (JSON.parse(`"${keyText}"`) as string) : keyText;
          stack.at(-1)!.expectKey = false;
          keyText = null;
        }
        i = stop + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (WS.has(c)) {
        if (c === 0x0a) line++;
        i++;
        continue;
      }
      const top = stack.at(-1);
      if (top?.array && top.records && top.elementStart) {
        top.elementStart = false;
        if (c === 0x7b || c === 0x5b) capture = { depth: stack.length, line, path: top.path, parts: [], start: i, chars: 0, tooLong: false };
        else if (c !== 0x5d) out.push({ line, broken: 'an element of the records array is not a JSON object' });
      }
      if (!top && c !== 0x7b && c !== 0x5b) {
        out.push({ line, broken: 'the line is not a JSON object' });
        skipLine = true;
        continue;
      }
      switch (c) {
        case 0x22: // "
          inString = true;
          if (top && !top.array && top.expectKey) keyText = '';
          break;
        case 0x7b: // {
          if (!top) capture = { depth: 0, line, path: '', parts: [], start: i, chars: 0, tooLong: false };
          stack.push({ array: false, path: valuePath(), records: false, expectKey: true, key: '', elementStart: false });
          break;
        case 0x5b: {
          // [
          const path = valuePath();
          const records = !top || options.paths.has(path);
          // A record array inside a top-level object: that object is a document, not a record.
          if (records && top && capture?.depth === 0) capture = null;
          stack.push({ array: true, path, records: records && !capture, expectKey: false, key: '', elementStart: records && !capture });
          break;
        }
        case 0x7d: // }
        case 0x5d: // ]
          stack.pop();
          if (capture && stack.length === capture.depth) finish(text, i + 1);
          break;
        case 0x2c: // ,
          if (top && !top.array) top.expectKey = true;
          if (top?.array && top.records) top.elementStart = true;
          break;
      }
      i++;
    }
    if (capture) {
      capture.chars += n - capture.start;
      if (capture.chars > maxChars) capture.tooLong = true;
      if (!capture.tooLong) capture.parts.push(text.slice(capture.start));
      capture.start = 0;
    }
    if (out.length > 0) yield out.splice(0);
  }
  if (capture) out.push({ line: (capture as Capture).line, broken: 'the record is cut off by the end of the file' });
  else if (stack.length > 0) out.push({ line, problem: 'the JSON document is cut off by the end of the file' });
  if (out.length > 0) yield out.splice(0);
}
