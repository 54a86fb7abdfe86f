import { describe, expect, it } from 'vitest';
import { bodyParts } from '../../src/packet/parts.ts';
import type { BlockSlice } from '../../src/packet/parts.ts';
import { packetView } from '../../src/packet/view.ts';
import { sampleReport } from '../support/sample-report.ts';

/** The slices of each table across all parts, by partial, in order. */
function slicesByTable(parts: readonly (readonly BlockSlice[])[]): Map<string, readonly object[][]> {
  const tables = new Map<string, readonly object[][]>();
  for (const slice of parts.flat()) {
    if (slice.rows === null) continue;
    const key = `${slice.partial} ${JSON.stringify(slice.item)}`;
    tables.set(key, [...(tables.get(key) ?? []), [...slice.rows]]);
  }
  return tables;
}

describe('parts of the body', () => {
  const cases = [3, 4, 5, 9, 40, 301].flatMap((findings) => [60, 75, 97, 130, 400].map((partLines) => ({ findings, partLines })));

  it.each(cases)('with $findings findings in parts of $partLines lines: every row once, in order, and no slice of a split table with one row', ({ findings, partLines }) => {
    const view = packetView(sampleReport({ findings }), { signedWithDevelopmentKey: false, pageNumbers: null });
    const parts = bodyParts(view, partLines);
    const tables = slicesByTable(parts);
    expect([...tables.get('findings-open null')!.flat()]).toEqual(view.findings.open);
    for (const [table, slices] of tables) {
      if (slices.length < 2) continue;
      for (const slice of slices) expect(slice.length, `${table}: ${slices.map((s) => s.length).join(' + ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('starts a table in the next part rather than leave its heading with one row at the end of a part', () => {
    const view = packetView(sampleReport({ findings: 40 }), { signedWithDevelopmentKey: false, pageNumbers: null });
    const splits = [60, 75, 97, 130].map((partLines) => bodyParts(view, partLines));
    const firstSlices = splits.flatMap((parts) => parts.flat().filter((slice) => slice.rows !== null && !slice.continued && !slice.last));
    expect(firstSlices.length).toBeGreaterThan(0);
    for (const slice of firstSlices) expect(slice.rows!.length).toBeGreaterThanOrEqual(2);
  });
});
