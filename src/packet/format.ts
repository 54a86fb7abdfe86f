/**
 * Display formatting for the packet. Formatting only: every figure comes from the report model
 * as is, and these functions never derive one value from another.
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Shown where the model holds no value (null), explained in each table's legend. */
export const noValue = '—';

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** Hours, to two decimals at most, so floating-point noise (2.7000000000000002) never prints. */
export function formatHours(value: number | null): string {
  return value === null ? noValue : decimal.format(value);
}

/** `YYYY-MM-DD` of an ISO date or timestamp; anything unparseable is shown as written. */
export function formatDate(value: string | null): string {
  if (value === null) return noValue;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : value;
}

/** `YYYY-MM-DD HH:MM UTC`, independent of the machine's time zone so builds are reproducible. */
export function formatTimestamp(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `file:line:column`, leaving out the parts the diagnostic does not have. */
export function formatLocation(place: { file: string; line: number | null; column?: number | null }): string {
  const line = place.line === null ? '' : `:${place.line}`;
  const column = place.line !== null && place.column != null ? `:${place.column}` : '';
  return `${place.file}${line}${column}`;
}

interface ShortText {
  text: string;
  /** Characters of the whole text when `text` was shortened, so the reader can be told; else null. */
  total: number | null;
}

/**
 * Shortens long untrusted text to `limit` characters (code points, so no emoji or accented
 * letter is cut in half) and says how long it was: text is never clipped silently.
 */
export function shorten(value: string, limit: number): ShortText {
  const text = value.trimEnd();
  const chars = Array.from(text);
  if (chars.length <= limit) return { text, total: null };
  return { text: `${chars.slice(0, limit).join('').trimEnd()}…`, total: chars.length };
}
