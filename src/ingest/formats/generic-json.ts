import { matchesSignature } from '../detect.ts';
import { normaliseHeader, type CsvFormat, type JsonFormat } from '../format.ts';
import { asText } from '../json-values.ts';

/**
 * The JSON twin of a generic CSV format: JSON lines, or a JSON array, of objects whose keys are the
 * CSV's column names. Same schema, same records: only the syntax differs.
 */
export function genericJson<Row extends Record<string, unknown>, Record_>(csv: CsvFormat<Row, Record_>): JsonFormat<Row, Record_> {
  const { signature: _signature, syntax: _syntax, ...shared } = csv;
  return {
    ...shared,
    id: csv.id.replace(/-csv$/, '-json'),
    syntax: 'json',
    title: csv.title.replace('CSV', 'JSON (lines or array)'),
    records: '',
    matches: (first) => matchesSignature(csv as never, Object.keys(first).map(normaliseHeader)),
    values: (record) => {
      const byName = new Map(Object.entries(record).map(([name, value]) => [normaliseHeader(name), value]));
      const values: Record<string, string | undefined> = {};
      for (const [key, spec] of Object.entries(csv.columns)) {
        const name = spec.headers.map(normaliseHeader).find((h) => byName.has(h));
        values[key] = name === undefined ? undefined : asText(byName.get(name));
      }
      return values;
    },
  };
}
