import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFormatDocs, withFormatTables } from '../../src/ingest/format-docs.ts';
import { formatSchemaFiles } from '../../src/ingest/format-schemas.ts';
import { genericCsvFormats } from '../../src/ingest/formats/index.ts';

const root = path.join(import.meta.dirname, '..', '..');
const text = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('format documentation is generated from the format declarations (npm run docs:formats after a change)', () => {
  it('README lists every format', () => {
    const readme = text('README.md');
    expect(withFormatDocs(readme)).toBe(readme);
    expect(readme).toContain('| `nessus-xml` | findings |');
  });

  it('docs/input-formats.md has every format\'s columns', () => {
    const page = text('docs/input-formats.md');
    expect(withFormatTables(page)).toBe(page);
    expect(page).toContain('| `ticket_id` | yes |');
    expect(page).toContain('### Nessus v2 XML (.nessus) (`nessus-xml`, findings)');
  });

  it('docs/schemas holds the JSON Schema of each generic format, keyed by its columns', () => {
    const files = formatSchemaFiles();
    expect(readdirSync(path.join(root, 'docs', 'schemas')).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(text(`docs/schemas/${name}`)).toBe(content);
    for (const format of genericCsvFormats) {
      const schema = JSON.parse(files.get(`${format.id}.json`)!);
      const columns = Object.values(format.columns as Record<string, { headers: readonly string[]; required: boolean }>);
      expect(Object.keys(schema.properties)).toEqual(columns.map((c) => c.headers[0]));
      expect(schema.required).toEqual(columns.filter((c) => c.required).map((c) => c.headers[0]));
    }
  });
});
