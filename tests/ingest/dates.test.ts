import { describe, expect, it } from 'vitest';
import { parseExportDate } from '../../src/ingest/dates.ts';

describe('parseExportDate', () => {
  it.each([
    ['2026-03-31T14:05:00Z', 'UTC', '2026-03-31T14:05:00.000Z'],
    ['2026-03-31T14:05:00-04:00', 'UTC', '2026-03-31T18:05:00.000Z'],
    ['2026-03-31 14:05', 'America/New_York', '2026-03-31T18:05:00.000Z'],
    ['2026-01-15 09:00', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['2026-07-01 08:30:15', 'America/Chicago', '2026-07-01T13:30:15.000Z'],
    ['2026-03-31', 'UTC', '2026-03-31T00:00:00.000Z'],
    ['Jan 5, 2021 10:24:08 MST', 'UTC', '2021-01-05T17:24:08.000Z'],
  ])('%s in %s → %s', (text, zone, iso) => {
    expect(parseExportDate(text, zone)).toBe(iso);
  });

  it.each(['2026-13-45 10:00', '2026-02-30', '31/03/2026', 'yesterday', 'Jan 5, 2021 10:24:08 XYZ'])('rejects %s', (text) => {
    expect(parseExportDate(text, 'UTC')).toBeNull();
  });
});
