import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import { findingKey, type Finding } from '../../model/evidence.ts';
import type { CsvFormat } from '../csv-format.ts';
import { list, oneOf, port, requiredText, text, timestamp } from '../fields.ts';

const risk: Record<string, Severity> = { none: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

const schema = (timezone: string) =>
  z.object({
    pluginId: requiredText.pipe(z.string().regex(/^\d+$/, 'plugin id must be a number')),
    name: requiredText,
    risk: oneOf(risk, 'risk', ['None', 'Low', 'Medium', 'High', 'Critical']),
    host: requiredText,
    protocol: text,
    port,
    cve: list(/[,;\s]+/),
    output: text,
    solution: text,
    firstDiscovered: timestamp(timezone, false),
    lastObserved: timestamp(timezone, false),
  });
type Row = z.output<ReturnType<typeof schema>>;

/**
 * Nessus CSV as Nessus Pro/Tenable.io ("Plugin ID, Risk, Host, …") and Tenable.sc ("Plugin,
 * Severity, IP Address, Plugin Text, First Discovered, …") write it. Nessus writes one row per CVE
 * of a finding; those rows merge into one finding.
 */
export const nessusCsv: CsvFormat<Row, Finding> = {
  id: 'nessus-csv',
  kind: 'findings',
  title: 'Nessus / Tenable.io / Tenable.sc CSV export',
  signature: [['Plugin ID', 'Plugin'], ['Risk', 'Severity'], ['Host', 'IP Address'], ['Plugin Output', 'Plugin Text', 'Plugin Name', 'Name']],
  columns: {
    pluginId: { headers: ['Plugin ID', 'Plugin'], required: true, description: 'Nessus plugin id' },
    name: { headers: ['Name', 'Plugin Name'], required: true, description: 'Plugin name, the finding title' },
    risk: { headers: ['Risk', 'Severity'], required: true, description: 'None, Low, Medium, High or Critical' },
    host: { headers: ['Host', 'IP Address'], required: true, description: 'Scanned host (IP or name)' },
    protocol: { headers: ['Protocol'], required: false, description: 'tcp, udp or icmp' },
    port: { headers: ['Port'], required: false, description: 'Port, 0 for host-level findings' },
    cve: { headers: ['CVE'], required: false, description: 'CVE id(s)' },
    output: { headers: ['Plugin Output', 'Plugin Text'], required: false, description: 'What the plugin saw; untrusted text' },
    solution: { headers: ['Solution'], required: false, description: 'Remediation advice' },
    firstDiscovered: { headers: ['First Discovered'], required: false, description: 'Tenable.sc only: first seen' },
    lastObserved: { headers: ['Last Observed'], required: false, description: 'Tenable.sc only: last seen' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, { source, effective }) => {
    const identity = { scanner: 'nessus', pluginId: row.pluginId, host: row.host, port: row.port, protocol: row.protocol.toLowerCase() || 'tcp' };
    return {
      key: findingKey(identity),
      ...identity,
      title: row.name,
      severity: row.risk,
      cves: row.cve,
      output: row.output.replace(/^Plugin Output:\s*/, ''),
      solution: row.solution,
      firstSeen: row.firstDiscovered,
      lastSeen: row.lastObserved ?? `${effective}T00:00:00.000Z`,
      status: 'open',
      fixedAt: null,
      source,
    };
  },
  key: (finding) => finding.key,
  merge: (first, again) => ({ ...first, cves: [...new Set([...first.cves, ...again.cves])] }),
};
