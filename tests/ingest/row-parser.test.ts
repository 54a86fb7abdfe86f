import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/ingest/formats/index.ts';
import { fieldsOf, type RawValues } from '../../src/ingest/format.ts';
import { compiledRowParser, viaZod } from '../../src/ingest/row-parser.ts';

type RowSchema = z.ZodType<Record<string, unknown>, RawValues>;
const formatOf = (id: string) => formats.find((f) => f.id === id)!;
const schemaOf = (id: string) => formatOf(id).rowSchema({ timezone: 'America/New_York' }) as RowSchema;

/** Cells as exports hold them, and the ones that fail each kind of check. */
const cell = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '7', ' ', '\n', ',', ';', '-', ':', 'é', '\u00a0') }),
  fc.constantFrom('', ' ', '443', '65536', '-1', 'tcp', 'None', 'high', 'Critical', '5', 'fixed', 'Resurfaced', 'constructor', 'CVE-2024-1, CVE-2024-2',
    '2026-07-01 09:00', '2026-13-45', 'Jan 5, 2021 10:24:08 MST', '05/13/2021 07:08:28', 'Tue Jun 25 10:39:42 2013', 'yes', 'maybe', '12.5', 'x'.repeat(300)),
);

describe('compiled row parsers', () => {
  const compiledIds = formats.filter((f) => compiledRowParser(f.rowSchema({ timezone: 'UTC' }) as RowSchema, fieldsOf(f)) !== null).map((f) => f.id);

  it('cover every vulnerability findings format, and fall back to zod for schemas with object-level checks', () => {
    for (const id of ['nessus-csv', 'nessus-xml', 'openvas-csv', 'openvas-xml', 'qualys-csv', 'generic-findings-csv', 'wazuh-vulnerabilities-json']) expect(compiledIds).toContain(id);
    // Its rows are checked across fields (superRefine): only zod runs them.
    expect(compiledIds).not.toContain('generic-tickets-csv');
  });

  it.each([...new Set(compiledIds)])('property: %s gives what zod gives, data or issues, on any row', (id) => {
    const schema = schemaOf(id);
    const fields = fieldsOf(formatOf(id));
    const fast = compiledRowParser(schema, fields)!;
    fc.assert(
      fc.property(fc.tuple(...fields.map(() => cell)), (cells) => {
        expect(fast(cells)).toEqual(viaZod(schema, fields)(cells));
      }),
      { numRuns: 300 },
    );
  });
});
