import { z } from 'zod';
import type { CsvFormat } from './format.ts';
import { genericCsvFormats } from './formats/index.ts';

/**
 * The JSON Schema of a generic format's record, generated from the very field schemas the reader
 * validates with: keys are the CSV column names (which the JSON twin takes as keys too), a
 * required column is a required key, and each key carries its documented meaning.
 */
export function jsonSchemaOf(format: CsvFormat<Record<string, unknown>, unknown>): Record<string, unknown> {
  const schema = format.rowSchema({ timezone: 'UTC' }) as unknown as z.ZodObject;
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.fromEntries(
    Object.entries(format.columns).map(([key, spec]) => {
      const field = spec.required ? z.string().pipe(shape[key] as z.ZodType<unknown, string>) : shape[key]!;
      return [spec.headers[0]!, field.meta({ description: spec.description })];
    }),
  );
  return {
    title: format.title,
    description: `One record of ${format.title} (kind: ${format.kind}), as a CSV row (column names as keys) or as an object of its JSON twin. Values are text as the export writes them (JSON numbers and booleans are read as text); the reader normalises them.`,
    ...z.toJSONSchema(z.object(keys), { io: 'input', unrepresentable: 'any' }),
  };
}

/** `docs/schemas/<format id>.json` for every generic format: file name → content. */
export function formatSchemaFiles(): Map<string, string> {
  return new Map(genericCsvFormats.map((format) => [`${format.id}.json`, `${JSON.stringify(jsonSchemaOf(format as never), null, 2)}\n`]));
}
