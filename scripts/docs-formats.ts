// Rewrites the README's input-format tables from the format declarations in src/ingest/formats.
import { readFileSync, writeFileSync } from 'node:fs';
import { withFormatDocs } from '../src/ingest/format-docs.ts';

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withFormatDocs(readFileSync(readme, 'utf8')));
