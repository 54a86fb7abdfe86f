/**
 * Dates as the exports write them → ISO 8601 UTC. Timestamps without an offset are read in the
 * client's time zone; named US zones are what Tenable.sc appends.
 */
const zoneAbbreviations: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
};

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const isoWithOffset = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const isoLocal = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const tenable = /^([A-Za-z]{3})[a-z]* (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?: ([A-Z]{1,4}))?$/;
/** US month/day/year as Qualys, Autotask, ConnectWise and Veeam write it, 24 h or with AM/PM. */
const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i;
/** C's ctime(), as Nessus writes HOST_START/HOST_END: "Tue Jun 25 10:39:42 2013". */
const ctime = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

export function parseExportDate(text: string, timezone: string): string | null {
  const value = text.trim();
  let m = isoWithOffset.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, fraction, offset] = m;
    const parts = fields(y, mo, d, h, mi, s);
    if (!parts) return null;
    return new Date(Date.UTC(...parts) + milliseconds(fraction) - offsetMinutes(offset!) * 60_000).toISOString();
  }
  m = isoLocal.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, fraction] = m;
    const parts = fields(y, mo, d, h ?? '0', mi ?? '0', s);
    return parts ? new Date(Date.parse(zonedToUtc(parts, timezone)) + milliseconds(fraction)).toISOString() : null;
  }
  m = tenable.exec(value);
  if (m) {
    const [, mon, d, y, h, mi, s, zone] = m;
    const month = months.indexOf(mon!.toLowerCase());
    if (month < 0) return null;
    const parts = fields(y, String(month + 1), d, h, mi, s);
    if (!parts) return null;
    if (zone === undefined) return zonedToUtc(parts, timezone);
    const hours = zoneAbbreviations[zone];
    return hours === undefined ? null : new Date(Date.UTC(...parts) - hours * 3_600_000).toISOString();
  }
  m = usDate.exec(value);
  if (m) {
    const [, mo, d, y, h, mi, s, half] = m;
    const hour = half ? (Number(h) % 12) + (half.toUpperCase() === 'PM' ? 12 : 0) : Number(h ?? 0);
    if (half && (Number(h) < 1 || Number(h) > 12)) return null;
    const parts = fields(y, mo, d, String(hour), mi ?? '0', s);
    return parts ? zonedToUtc(parts, timezone) : null;
  }
  m = ctime.exec(value);
  if (m) {
    const [, mon, d, h, mi, s, y] = m;
    const month = months.indexOf(mon!.toLowerCase());
    const parts = month < 0 ? null : fields(y, String(month + 1), d, h, mi, s);
    return parts ? zonedToUtc(parts, timezone) : null;
  }
  return null;
}

type DateParts = [number, number, number, number, number, number];

/** Validated calendar fields (month 0-based, as Date.UTC takes them), or null for e.g. 2026-13-45. */
function fields(...text: Array<string | undefined>): DateParts | null {
  const [y, mo, d, h, mi, s] = text.map((t) => Number(t ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return valid ? [y, mo - 1, d, h, mi, s] : null;
}

/** ".821" → 821; finer digits (".717168") are cut to the millisecond ISO 8601 keeps. */
const milliseconds = (fraction: string | undefined): number => (fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0);

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** Local wall time in an IANA zone → UTC, correcting the guess by the zone's offset at that instant. */
export function zonedToUtc(parts: DateParts, timezone: string): string {
  const wall = Date.UTC(...parts);
  let utc = wall - zoneOffsetMs(wall, timezone);
  utc = wall - zoneOffsetMs(utc, timezone);
  return new Date(utc).toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(instant: number, timezone: string): number {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timezone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000;
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
