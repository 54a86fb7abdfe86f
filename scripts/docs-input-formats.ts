// Rewrites docs/input-formats.md's format tables and docs/schemas/*.json from the format
// declarations in src/ingest/formats, so the docs and the JSON Schemas are the code's own.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { withFormatTables } from '../src/ingest/format-docs.ts';
import { formatSchemaFiles } from '../src/ingest/format-schemas.ts';

const page = new URL('../docs/input-formats.md', import.meta.url);
writeFileSync(page, withFormatTables(readFileSync(page, 'utf8')));
const schemas = new URL('../docs/schemas/', import.meta.url);
mkdirSync(schemas, { recursive: true });
const files = formatSchemaFiles();
for (const name of readdirSync(schemas)) if (!files.has(name)) rmSync(new URL(name, schemas));
for (const [name, text] of files) writeFileSync(new URL(name, schemas), text);
