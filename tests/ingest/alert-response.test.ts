import { periodBounds } from '../../src/model/period.ts';
import path from 'node:path';
import { expect, it } from 'vitest';
import { alertResponse } from '../../src/assess/operations.ts';
import { formats } from '../../src/ingest/formats/index.ts';
import { readEvidence } from '../../src/ingest/read-evidence.ts';
import type { SiemAlert } from '../../src/model/evidence.ts';
import { tempFile } from '../support/files.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'formats', name);
const read = (file: string) => readEvidence({ path: file, file: path.basename(file), timezone: 'America/New_York', effective: '2026-09-30' }, formats);

it('reads when an alert was acknowledged and whether, and to whom, it was escalated; a bad cell rejects its row', async () => {
  const result = await read(fixture('generic-alerts-response.csv'));
  expect(result).toMatchObject({ format: 'generic-alerts-csv', rowsRead: 3, accepted: 2, rejected: 1 });
  expect(result.diagnostics.map((d) => [d.line, d.field, d.rule])).toEqual([[4, 'acknowledged', 'field/invalid-date'], [4, 'escalated', 'field/invalid-value']]);
  const [quarantined, encoded] = result.records as SiemAlert[];
  expect(quarantined).toMatchObject({ time: '2026-07-03T18:02:00.000Z', acknowledged: '2026-07-03T18:20:00.000Z', escalated: true, escalatedTo: 'INC-2207 (practice manager)' });
  // An empty cell says "not acknowledged" and "not escalated".
  expect(encoded).toMatchObject({ acknowledged: null, escalated: false, escalatedTo: '' });
});

it('leaves acknowledgment and escalation absent when the export has no such columns, so they count as not recorded', async () => {
  const result = await read(fixture('generic-alerts.csv'));
  const alerts = result.records as SiemAlert[];
  expect(alerts.map((a) => [a.acknowledged, a.escalated, a.escalatedTo])).toEqual([[undefined, undefined, undefined], [undefined, undefined, undefined]]);
  const json = await read(tempFile('alerts.jsonl', '{"alert_id":"A-1","time":"2026-07-03T10:00:00Z","rule":"r1","severity":"high","status":"open","acknowledged":"2026-07-03T10:45:00Z","escalated":"yes","escalated_to":"T-1"}\n'));
  expect(json.records).toEqual([expect.objectContaining({ acknowledged: '2026-07-03T10:45:00.000Z', escalated: true, escalatedTo: 'T-1' })]);
  expect(alertResponse(alerts, periodBounds('2026-Q3'))).toEqual([
    { severity: 'high', alerts: 1, acknowledged: 0, notRecorded: 1, waiting: 0, ackP50: null, ackP95: null, escalated: 0 },
    { severity: 'medium', alerts: 1, acknowledged: 0, notRecorded: 1, waiting: 0, ackP50: null, ackP95: null, escalated: 0 },
  ]);
});
