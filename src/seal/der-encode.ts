/**
 * A tiny DER writer for the few structures Proofbook makes itself: the CMS signature and the
 * RFC 3161 time-stamp request. (Reading is in src/verifier/der.ts, which the offline verifier carries.)
 */

export function der(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...contents: Buffer[]): Buffer => der(0x30, ...contents);

/** DER orders the elements of a SET OF by their encodings. */
export const setOf = (...elements: Buffer[]): Buffer => der(0x31, ...[...elements].sort(Buffer.compare));

export const octetString = (bytes: Buffer): Buffer => der(0x04, bytes);

export const booleanTrue = (): Buffer => der(0x01, Buffer.from([0xff]));

/** `[n]` constructed, context-specific: EXPLICIT wrapping or an IMPLICIT SET/SEQUENCE. */
export const context = (n: number, ...contents: Buffer[]): Buffer => der(0xa0 + n, ...contents);

/** A non-negative INTEGER from its unsigned big-endian bytes. */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return der(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [first! * 40 + second!];
  for (const arc of rest) {
    const group: number[] = [arc % 128];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) group.unshift(0x80 | (n % 128));
    bytes.push(...group);
  }
  return der(0x06, Buffer.from(bytes));
}

/** AlgorithmIdentifier without parameters (as RFC 5754 asks for SHA-2 and ECDSA). */
export const algorithm = (dotted: string): Buffer => sequence(objectId(dotted));
