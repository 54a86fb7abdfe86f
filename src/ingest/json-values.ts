/**
 * The value at a dotted path of a JSON record as text, the way a CSV cell would hold it: numbers and
 * booleans written out, lists of scalars joined with ";", absent (undefined) when missing or null.
 */
export function pick(record: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return asText(value);
}

export function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).filter((v) => v !== undefined).join(';');
  return JSON.stringify(value);
}

/** Whether a record has a value at every one of these dotted paths. */
export const hasPaths = (record: Record<string, unknown>, ...paths: string[]): boolean => paths.every((p) => pick(record, p) !== undefined);
