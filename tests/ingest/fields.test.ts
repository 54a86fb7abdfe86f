import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmed } from '../../src/ingest/fields.ts';

describe('trimmed', () => {
  it('property: is what String.prototype.trim gives, for ASCII, Unicode spaces and line ends at either end', () => {
    const unit = fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', '\r', '\v', '\f', '~', '\u007f', '\u0085', '\u00a0', '\u1680', '\u2003', '\u2028', '\u3000', '\ufeff', 'é', '😀');
    fc.assert(fc.property(fc.string({ unit }), (s) => {
      expect(trimmed(s)).toBe(s.trim());
    }), { numRuns: 2000 });
  });

  it('gives an absent cell as empty text', () => {
    expect(trimmed(undefined)).toBe('');
  });
});
