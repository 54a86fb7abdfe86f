import { periodBounds } from '../../src/model/period.ts';
import { expect, it } from 'vitest';
import { alertResponse } from '../../src/assess/operations.ts';
import type { SiemAlert } from '../../src/model/evidence.ts';

const alert = (n: number, severity: SiemAlert['severity'], ackMinutes: number | null | undefined, extra: Partial<SiemAlert> = {}): SiemAlert => {
  const time = new Date(Date.UTC(2026, 6, 1 + n, 10, 0)).toISOString();
  return {
    id: `A-${n}`, time, rule: 'r', title: 't', severity, host: 'h', status: 'closed', source: { file: 'c/2026-Q3/alerts.csv', line: n + 2 },
    ...(ackMinutes === undefined ? {} : { acknowledged: ackMinutes === null ? null : new Date(Date.parse(time) + ackMinutes * 60_000).toISOString() }),
    ...extra,
  };
};

it('gives nearest-rank P50 and P95 hours to acknowledge per severity, and counts escalations', () => {
  // 20 high alerts acknowledged after 1..20 × 15 minutes: P50 is the 10th (2.5 h), P95 the 19th (4.75 h).
  const high = Array.from({ length: 20 }, (_, i) => alert(i, 'high', (i + 1) * 15, { escalated: i % 5 === 0, escalatedTo: i % 5 === 0 ? `INC-${i}` : '' }));
  expect(alertResponse(high, periodBounds('2026-Q3'))).toEqual([{ severity: 'high', alerts: 20, acknowledged: 20, notRecorded: 0, waiting: 0, ackP50: 2.5, ackP95: 4.75, escalated: 4 }]);
});

it('counts an open, unacknowledged alert with the time it waited up to the period end, and leaves unrecorded ones out', () => {
  const alerts = [
    alert(0, 'critical', 30),
    // Open since 2026-09-29T10:00Z, never acknowledged: 38 hours by the end of 2026-09-30.
    { ...alert(90, 'critical', null), status: 'open' as const },
    // Closed with no acknowledgment time, and one from an export without the column: not recorded.
    alert(1, 'critical', null),
    alert(2, 'critical', undefined),
  ];
  expect(alerts[1]!.time).toBe('2026-09-29T10:00:00.000Z');
  expect(alertResponse(alerts, periodBounds('2026-Q3'))).toEqual([{ severity: 'critical', alerts: 4, acknowledged: 1, notRecorded: 2, waiting: 1, ackP50: 0.5, ackP95: 38, escalated: 0 }]);
  expect(alertResponse([], periodBounds('2026-Q3'))).toEqual([]);
});
