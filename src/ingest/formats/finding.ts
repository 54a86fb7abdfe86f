import { findingKey, type Finding } from '../../model/evidence.ts';
import type { Severity } from '../../model/client.ts';
import type { RowContext } from '../format.ts';

/** What every scanner adapter extracts from a row; the rest of a Finding follows from it. */
export interface FindingFields {
  pluginId: string;
  host: string;
  port: number;
  protocol: string;
  title: string;
  severity: Severity;
  cves: string[];
  output: string;
  solution: string;
  firstSeen: string | null;
  lastSeen: string | null;
  status?: Finding['status'];
}

/**
 * A normalised finding keyed by scanner, plugin, host, port and protocol, so that the same finding
 * in next quarter's export — or in the same scan exported as CSV instead of XML — has the same key.
 */
export function toFinding(scanner: string, fields: FindingFields, { source, effective }: RowContext): Finding {
  const identity = { scanner, pluginId: fields.pluginId, host: fields.host, port: fields.port, protocol: fields.protocol.toLowerCase() || 'tcp' };
  const lastSeen = fields.lastSeen ?? `${effective}T00:00:00.000Z`;
  const status = fields.status ?? 'open';
  return {
    key: findingKey(identity),
    ...identity,
    title: fields.title,
    severity: fields.severity,
    cves: fields.cves,
    output: fields.output,
    solution: fields.solution,
    firstSeen: fields.firstSeen,
    lastSeen,
    status,
    fixedAt: status === 'fixed' ? lastSeen : null,
    source,
  };
}

/** Scanners write one row per CVE (Nessus) or per package (Wazuh) of one finding: fold them. */
export function mergeFindings(first: Finding, again: Finding): Finding {
  const output = first.output.includes(again.output) ? first.output : `${first.output}\n${again.output}`;
  return { ...first, cves: [...new Set([...first.cves, ...again.cves])], output };
}

export const byFindingKey = (finding: Finding): string => finding.key;
