import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { Finding } from '../../model/evidence.ts';
import type { CsvFormat } from '../format.ts';
import { list, matching, oneOf, port, requiredText, text, timestamp } from '../fields.ts';
import { byFindingKey, mergeFindings, toFinding, retainFinding } from './finding.ts';

const risk: Record<string, Severity> = { none: 'info', info: 'info', informational: 'info', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };
const state = { '': 'open', active: 'open', new: 'open', resurfaced: 'open', open: 'open', reopened: 'open', fixed: 'fixed' } as const;

const schema = (timezone: string) =>
  z.object({
    pluginId: matching(/^\d+$/, 'plugin id must be a number'),
    name: requiredText,
    risk: oneOf(risk, 'risk', ['None', 'Info', 'Low', 'Medium', 'High', 'Critical']),
    host: requiredText,
    protocol: text,
    port,
    cve: list(/[,;\s]+/),
    output: text,
    solution: text,
    firstDiscovered: timestamp(timezone, false),
    lastObserved: timestamp(timezone, false),
    state: oneOf(state, 'state', ['Active', 'New', 'Resurfaced', 'Fixed']),
  });
export type NessusRow = z.output<ReturnType<typeof schema>>;

/** Shared by the Nessus CSV and .nessus XML adapters: the same scan gives the same findings either way. */
export const nessusFindings = {
  kind: 'findings',
  rowSchema: ({ timezone }: { timezone: string }) => schema(timezone),
  toRecord: (row: NessusRow, context: Parameters<typeof toFinding>[2]): Finding =>
    toFinding('nessus', {
      pluginId: row.pluginId,
      host: row.host,
      port: row.port,
      protocol: row.protocol,
      title: row.name,
      severity: row.risk,
      cves: row.cve,
      output: row.output.startsWith('Plugin Output:') ? row.output.replace(/^Plugin Output:\s*/, '') : row.output,
      solution: row.solution,
      firstSeen: row.firstDiscovered,
      lastSeen: row.lastObserved,
      status: row.state,
    }, context),
  key: byFindingKey,
  merge: mergeFindings,
  retain: retainFinding,
} as const;

/**
 * Nessus CSV in every column set Tenable writes: Nessus Pro and Tenable.io scan exports ("Plugin
 * ID, CVE, CVSS, Risk, Host, …, Plugin Output"), Tenable.sc ("Plugin, Plugin Name, Severity, IP
 * Address, Plugin Text, First Discovered, Last Observed") and Tenable Vulnerability Management
 * ("Plugin ID, Plugin Name, Severity, IP Address, Output, First Seen, Last Seen, State"). Nessus
 * writes one row per CVE of a finding; those rows merge into one finding.
 */
export const nessusCsv: CsvFormat<NessusRow, Finding> = {
  id: 'nessus-csv',
  syntax: 'csv',
  title: 'Nessus / Tenable.io / Tenable.sc CSV export',
  signature: [['Plugin ID', 'Plugin'], ['Risk', 'Severity'], ['Host', 'IP Address', 'IPv4 Address'], ['Plugin Output', 'Plugin Text', 'Output', 'Plugin Name', 'Name']],
  columns: {
    pluginId: { headers: ['Plugin ID', 'Plugin'], required: true, description: 'Nessus plugin id' },
    name: { headers: ['Name', 'Plugin Name'], required: true, description: 'Plugin name, the finding title' },
    risk: { headers: ['Risk', 'Severity'], required: true, description: 'None/Info, Low, Medium, High or Critical' },
    host: { headers: ['Host', 'IP Address', 'IPv4 Address'], required: true, description: 'Scanned host (IP or name)' },
    protocol: { headers: ['Protocol'], required: false, description: 'tcp, udp or icmp' },
    port: { headers: ['Port'], required: false, description: 'Port, 0 for host-level findings' },
    cve: { headers: ['CVE'], required: false, description: 'CVE id(s)' },
    output: { headers: ['Plugin Output', 'Plugin Text', 'Output'], required: false, description: 'What the plugin saw; untrusted text' },
    solution: { headers: ['Solution'], required: false, description: 'Remediation advice' },
    firstDiscovered: { headers: ['First Discovered', 'First Seen'], required: false, description: 'Tenable.sc / Tenable VM: first seen' },
    lastObserved: { headers: ['Last Observed', 'Last Seen'], required: false, description: 'Tenable.sc / Tenable VM: last seen' },
    state: { headers: ['State', 'Vulnerability State'], required: false, description: 'Tenable VM: Active, New, Resurfaced or Fixed' },
  },
  ...nessusFindings,
};
