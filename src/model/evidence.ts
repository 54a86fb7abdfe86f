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
  /**
   * Scanner output; untrusted text. Ingest keeps at most its first 256 characters (all of it stays
   * in the export at `source`, which the manifest hashes), so memory does not grow with outputs.
   */
  output: z.string(),
  /** Characters of the whole output when `output` holds only its start; absent when it is whole. */
  outputChars: z.number().int().positive().optional(),
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

/** A SIEM alert: what fired, when, where and how severe. */
export const SiemAlert = z.object({
  id: z.string(),
  /** ISO 8601 UTC. */
  time: z.string(),
  rule: z.string(),
  title: z.string(),
  severity: Severity,
  host: z.string(),
  status: z.enum(['open', 'closed']),
  source: SourceRef,
  /** ISO 8601 UTC of the first acknowledgment; null when the export records none. Absent from exports without the column (Wazuh's alerts.json). */
  acknowledged: z.string().nullable().optional(),
  /** Whether it was escalated (to the client, to incident response), and to whom or which ticket. */
  escalated: z.boolean().optional(),
  escalatedTo: z.string().optional(),
});
export type SiemAlert = z.infer<typeof SiemAlert>;

/** A backup restore test against its recovery point and time objectives. */
export const RestoreTest = z.object({
  system: z.string(),
  /** ISO 8601 UTC of the test. */
  tested: z.string(),
  rpoTargetHours: z.number().nullable(),
  rpoAchievedHours: z.number().nullable(),
  rtoTargetHours: z.number().nullable(),
  rtoAchievedHours: z.number().nullable(),
  result: z.enum(['pass', 'partial', 'fail']),
  performedBy: z.string(),
  source: SourceRef,
});
export type RestoreTest = z.infer<typeof RestoreTest>;

/** One account's access, reviewed: who reviewed it, when, and what was decided. */
export const AccessReview = z.object({
  system: z.string(),
  account: z.string(),
  access: z.string(),
  privileged: z.boolean(),
  reviewer: z.string(),
  reviewed: z.string(),
  decision: z.enum(['keep', 'modify', 'revoke']),
  source: SourceRef,
});
export type AccessReview = z.infer<typeof AccessReview>;

/** A privileged or vendor remote session: who, when, on what, for how long, recorded, approved by which ticket. */
export const RemoteSession = z.object({
  id: z.string(),
  user: z.string(),
  party: z.string(),
  target: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  recorded: z.boolean(),
  approvalTicket: z.string(),
  source: SourceRef,
});
export type RemoteSession = z.infer<typeof RemoteSession>;

/** Whether one patch is on one device. */
export const PatchStatus = z.object({
  device: z.string(),
  /** The device's IP address, when the export lists it: scanners often name hosts by address. */
  address: z.string().optional(),
  patchId: z.string(),
  title: z.string(),
  severity: Severity.nullable(),
  status: z.enum(['installed', 'missing', 'failed', 'pending']),
  released: z.string().nullable(),
  installed: z.string().nullable(),
  source: SourceRef,
});
export type PatchStatus = z.infer<typeof PatchStatus>;

/** A risk accepted (or an exception granted) by an owner, until it expires. */
export const RiskAcceptance = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  approvedBy: z.string(),
  /** YYYY-MM-DD. */
  accepted: z.string(),
  /** YYYY-MM-DD; the acceptance no longer covers anything after it. */
  expires: z.string(),
  /** Finding keys, hosts or controls it covers. */
  scope: z.array(z.string()),
  reason: z.string(),
  source: SourceRef,
});
export type RiskAcceptance = z.infer<typeof RiskAcceptance>;
