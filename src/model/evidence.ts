import { z } from 'zod';
import { OwnerSide, Priority, Severity } from './client.ts';

/** Where a record came from: path relative to the data folder and the 1-based line its row starts on. */
export const SourceRef = z.object({ file: z.string(), line: z.number().int().positive() });
export type SourceRef = z.infer<typeof SourceRef>;

/** A normalised vulnerability finding, whatever scanner produced it. */
export const Finding = z.object({
  /** Stable across quarters: scanner, plugin, host, port, protocol. */
  key: z.string(),
  scanner: z.string(),
  pluginId: z.string(),
  title: z.string(),
  severity: Severity,
  host: z.string(),
  port: z.number().int().min(0).max(65535),
  protocol: z.string(),
  cves: z.array(z.string()),
  /** Scanner output; untrusted text. */
  output: z.string(),
  solution: z.string(),
  /** ISO 8601 UTC, when the scanner says so (Tenable.sc, generic); otherwise derived across periods. */
  firstSeen: z.string().nullable(),
  /** ISO 8601 UTC of the scan that saw it (the file's effective date when the export has no date). */
  lastSeen: z.string(),
  status: z.enum(['open', 'fixed']),
  fixedAt: z.string().nullable(),
  source: SourceRef,
});
export type Finding = z.infer<typeof Finding>;

export const Ticket = z.object({
  id: z.string(),
  title: z.string(),
  priority: Priority,
  ownerSide: OwnerSide,
  assignee: z.string(),
  created: z.string(),
  acknowledged: z.string().nullable(),
  resolved: z.string().nullable(),
  source: SourceRef,
});
export type Ticket = z.infer<typeof Ticket>;

export const RaciEntry = z.object({
  task: z.string(),
  controls: z.array(z.string()),
  responsible: z.array(OwnerSide).min(1),
  accountable: OwnerSide,
  consulted: z.array(OwnerSide),
  informed: z.array(OwnerSide),
  source: SourceRef,
});
export type RaciEntry = z.infer<typeof RaciEntry>;

export function findingKey(f: Pick<Finding, 'scanner' | 'pluginId' | 'host' | 'port' | 'protocol'>): string {
  return [f.scanner, f.pluginId, f.host.toLowerCase(), f.port, f.protocol.toLowerCase()].join('|');
}
