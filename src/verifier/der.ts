/**
 * A tiny DER reader: just enough ASN.1 to walk CMS signatures, certificates and time-stamp tokens.
 * Part of the offline verifier, so Node built-ins only and syntax Node 18 runs.
 */

export interface DerNode {
  /** The identifier octet: class, constructed bit and tag number (numbers above 30 are not used here). */
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  /** The content octets. */
  content: Buffer;
}

export const derTags = {
  boolean: 0x01,
  integer: 0x02,
  octetString: 0x04,
  oid: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** The context-specific constructed tag `[n]`. */
export const contextTag = (n: number): number => 0xa0 + n;

/** Reads the element starting at `offset`; trailing bytes (e.g. a PDF's zero padding) are ignored. */
export function readDer(bytes: Buffer, offset = 0): DerNode {
  if (offset + 2 > bytes.length) throw new Error('DER: truncated element');
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]!;
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw new Error('DER: element runs past the end of the data');
  return { tag, raw: bytes.subarray(offset, end), content: bytes.subarray(offset + header, end) };
}

/** The elements inside a constructed element. */
export function derChildren(node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  for (let offset = 0; offset < node.content.length; ) {
    const child = readDer(node.content, offset);
    children.push(child);
    offset += child.raw.length;
  }
  return children;
}

/** The `index`th child, which must carry `tag` (when given); a clear error otherwise. */
export function derChild(node: DerNode, index: number, tag?: number): DerNode {
  const child = derChildren(node)[index];
  if (!child || (tag !== undefined && child.tag !== tag)) throw new Error(`DER: expected element ${index}${tag === undefined ? '' : ` with tag 0x${tag.toString(16)}`}`);
  return child;
}

export function derOid(node: DerNode): string {
  if (node.tag !== derTags.oid) throw new Error('DER: expected an object identifier');
  const bytes = node.content;
  const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if (!(bytes[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime or GeneralizedTime as an ISO 8601 string (whole seconds; fractions dropped). */
export function derTime(node: DerNode): string {
  const text = node.content.toString('latin1');
  const match = /^(\d{2,4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(text);
  if (!match) throw new Error('DER: unreadable time');
  const [, y, mo, d, h, mi, s] = match;
  const year = y!.length === 4 ? y! : `${Number(y) < 50 ? '20' : '19'}${y}`;
  return `${year}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
