import { Transform } from 'node:stream';

/**
 * Bytes → text: detects a UTF-8 or UTF-16 (LE/BE) byte order mark, decodes strictly, and turns
 * CRLF into LF so that line numbers and multi-line fields behave the same for every export.
 */
export function decodeExport(): Transform {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  let pendingCr = false;

  const normalise = (text: string, final: boolean): string => {
    let out = (pendingCr ? '\r' : '') + text;
    pendingCr = !final && out.endsWith('\r');
    if (pendingCr) out = out.slice(0, -1);
    return out.replace(/\r\n/g, '\n');
  };

  const start = (bytes: Buffer): Buffer => {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      decoder = new TextDecoder('utf-16le', { fatal: true });
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      decoder = new TextDecoder('utf-16be', { fatal: true });
      return bytes.subarray(2);
    }
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    return bytes;
  };

  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        if (!decoder) {
          head = Buffer.concat([head, chunk]);
          // Two bytes decide the BOM; wait for them unless the file is that short.
          if (head.length < 3) return callback();
          chunk = start(head);
        }
        callback(null, normalise(decoder!.decode(chunk, { stream: true }), false));
      } catch (cause) {
        callback(new DecodeError(cause));
      }
    },
    flush(callback) {
      const decodeAll = (bytes: Buffer): string => decoder!.decode(bytes);
      try {
        // A file shorter than a BOM never reached transform's decoding.
        const rest = decoder ? decoder.decode() : head.length > 0 ? decodeAll(start(head)) : '';
        callback(null, normalise(rest, true));
      } catch (cause) {
        callback(new DecodeError(cause));
      }
    },
  });
}

export class DecodeError extends Error {
  constructor(cause: unknown) {
    super(`the file is not valid UTF-8 or UTF-16: ${(cause as Error).message}`, { cause });
    this.name = 'DecodeError';
  }
}
