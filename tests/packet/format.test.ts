import { describe, expect, it } from 'vitest';
import { formatHours, formatLocation, formatTimestamp, shorten } from '../../src/packet/format.ts';

describe('packet formatting', () => {
  it('shortens long text by code points and says so', () => {
    const text = '😀'.repeat(700);
    const short = shorten(text, 600);
    expect(Array.from(short.text)).toHaveLength(601); // 600 characters and an ellipsis
    expect(short.text.endsWith('…')).toBe(true);
    expect(short.total).toBe(700);
    expect(shorten('short\nand multi-line\n', 600)).toEqual({ text: 'short\nand multi-line', total: null });
  });

  it('writes locations as file:line:column, leaving out what is unknown', () => {
    expect(formatLocation({ file: 'a/b.csv', line: 9, column: 4 })).toBe('a/b.csv:9:4');
    expect(formatLocation({ file: 'a/b.csv', line: 9, column: null })).toBe('a/b.csv:9');
    expect(formatLocation({ file: 'a/b.csv', line: null, column: null })).toBe('a/b.csv');
  });

  it('prints hours without floating-point noise and null as a dash', () => {
    expect(formatHours(0.9 * 3)).toBe('2.7');
    expect(formatHours(null)).toBe('—');
  });

  it('prints timestamps in UTC whatever the machine zone', () => {
    expect(formatTimestamp('2026-07-02T14:00:00.000-04:00')).toBe('2026-07-02 18:00 UTC');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});
