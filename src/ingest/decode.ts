import { open } from 'node:fs/promises';

/** The text encodings exports arrive in; `windows-1252` is what Excel writes as "CSV". */
export const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof encodings)[number];

/** A file opened as text: the encoding found and its decoded chunks, CRLF already turned into LF. */
export interface DecodedText {
  encoding: Encoding;
  /** Whether a byte order mark was found (and dropped). */
  bom: boolean;
  /** Set once a byte sequence invalid in UTF-8 made the rest of the file read as Windows-1252. */
  fellBack(): boolean;
  chunks: AsyncGenerator<string>;
  /** Closes the file before its end was read (its chunks close it when read to the end). */
  close(): Promise<void>;
}

export class DecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecodeError';
  }
}

/** Bytes read at a time. */
const chunkBytes = 1 << 20;
/**
 * Bytes decoded at a time: the text of each stays below V8's large-object size (128 KiB) and Node's
 * external-string threshold (about 1 MB), so a chunk's text lives and dies in the young generation
 * instead of waiting, outside it, for a full collection.
 */
const textBytes = 1 << 15;

/**
 * Opens an export as text, streaming. UTF-8 (±BOM) and UTF-16 with a BOM are recognised from the
 * first bytes, UTF-16 without a BOM from its zero bytes; bytes that are not valid UTF-8 switch the
 * decoder to Windows-1252 (Excel's "CSV") for the rest of the file, which only loses nothing
 * because every earlier byte was valid UTF-8 and thus, in practice, ASCII. Many NUL and control
 * bytes in what is not UTF-16 mean the file is binary, not an export. The file is closed when its
 * chunks have all been read, or by `close()`.
 */
export async function openText(filePath: string): Promise<DecodedText> {
  const file = await open(filePath);
  // Two buffers, each refilled and decoded in turn: the next one is read (on libuv's thread pool)
  // while the text of the current one is parsed, so waiting for the disk overlaps the work. A fresh
  // 1 MiB buffer per read would sit outside the JavaScript heap until a collection, and that adds
  // up to 100 MB and more.
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] as const;
  /** The read ahead under way, if any. */
  let pending: Promise<number> | null = null;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // A read ahead finishes before the file closes; what it read is no longer wanted.
    await pending?.catch(() => 0);
    await file.close();
  };
  /** Fills a buffer from the file; fewer bytes than it holds only at the end of the file. */
  const fill = async (buffer: Buffer): Promise<number> => {
    let filled = 0;
    while (filled < chunkBytes) {
      const { bytesRead } = await file.read(buffer, filled, chunkBytes - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  const readAhead = (buffer: Buffer): Promise<number> => {
    const read = fill(buffer);
    // Handled now, awaited later: a failure while the current text is parsed is not "unhandled".
    read.catch(() => 0);
    return read;
  };
  let start: ReturnType<typeof sniffEncoding>;
  let length: number;
  try {
    length = await fill(buffers[0]);
    start = sniffEncoding(buffers[0].subarray(0, length));
  } catch (error) {
    await close();
    throw error;
  }
  let fellBack = false;
  async function* chunks(): AsyncGenerator<string> {
    try {
      const decode = start.encoding === 'utf-8' ? utf8OrWindows1252(() => (fellBack = true)) : wholeUnits(start.encoding);
      const normalise = crlfToLf();
      for (let from = start.skip, current = 0; length > 0; from = 0, current = 1 - current) {
        const buffer = buffers[current]!;
        // A buffer not filled whole was the end of the file.
        pending = length === chunkBytes ? readAhead(buffers[1 - current]!) : null;
        for (let at = from; at < length; at += textBytes) {
          const text = normalise(decode(buffer.subarray(at, Math.min(at + textBytes, length)), false), false);
          if (text) yield text;
        }
        length = pending === null ? 0 : await pending;
        pending = null;
      }
      const rest = normalise(decode(Buffer.alloc(0), true), true);
      if (rest) yield rest;
    } finally {
      await close();
    }
  }
  return { encoding: start.encoding, bom: start.skip > 0, fellBack: () => fellBack, chunks: chunks(), close };
}

function sniffEncoding(head: Buffer): { encoding: Exclude<Encoding, 'windows-1252'>; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const sample = head.subarray(0, 4096);
  if (!sample.includes(0)) return { encoding: 'utf-8', skip: 0 };
  // ASCII text in UTF-16 has a zero in every other byte: odd positions for LE, even for BE.
  let even = 0;
  let odd = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) i % 2 === 0 ? even++ : odd++;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  const half = sample.length / 2;
  if (odd > half * 0.6 && even === 0) return { encoding: 'utf-16le', skip: 0 };
  if (even > half * 0.6 && odd === 0) return { encoding: 'utf-16be', skip: 0 };
  // A stray NUL in a cell is text; a tenth of control bytes is an archive, image or database.
  if (control * 10 < sample.length) return { encoding: 'utf-8', skip: 0 };
  throw new DecodeError('the file holds NUL and other control bytes: it is binary, not a text export');
}

type ChunkDecoder = (bytes: Buffer, final: boolean) => string;

function wholeUnits(encoding: 'utf-16le' | 'utf-16be'): ChunkDecoder {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return (bytes, final) => {
    try {
      return decoder.decode(bytes, { stream: !final });
    } catch (cause) {
      throw new DecodeError(`the file is not valid ${encoding.toUpperCase()}`, { cause });
    }
  };
}

/** Strict UTF-8 per chunk, keeping an incomplete trailing sequence for the next chunk. */
function utf8OrWindows1252(onFallBack: () => void): ChunkDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const windows1252 = new TextDecoder('windows-1252');
  let carry: Buffer = Buffer.alloc(0);
  let legacy = false;
  return (chunk, final) => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    if (legacy) return windows1252.decode(bytes);
    const keep = final ? 0 : incompleteTail(bytes);
    carry = Buffer.from(bytes.subarray(bytes.length - keep));
    const complete = bytes.subarray(0, bytes.length - keep);
    try {
      return utf8.decode(complete);
    } catch {
      legacy = true;
      onFallBack();
      const all = windows1252.decode(bytes);
      carry = Buffer.alloc(0);
      return all;
    }
  };
}

/** How many bytes at the end start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** CRLF → LF across chunk boundaries, so line numbers and quoted newlines behave the same everywhere. */
function crlfToLf(): (text: string, final: boolean) => string {
  let pendingCr = false;
  return (text, final) => {
    let out = pendingCr ? `\r${text}` : text;
    pendingCr = !final && out.endsWith('\r');
    if (pendingCr) out = out.slice(0, -1);
    return out.includes('\r') ? out.replace(/\r\n/g, '\n') : out;
  };
}
