import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { Finding } from '../../model/evidence.ts';
import type { CsvFormat } from '../format.ts';
import { list, oneOf, port, requiredText, text, timestamp } from '../fields.ts';
import { byFindingKey, retainFinding, toFinding } from './finding.ts';

const severity: Record<string, Severity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info', informational: 'info', none: 'info' };

const schema = (timezone: string) =>
  z.object({
    scanner: text,
    pluginId: requiredText,
    host: requiredText,
    port,
    protocol: text,
    severity: oneOf(severity, 'severity'),
    title: requiredText,
    firstSeen: timestamp(timezone, false),
    lastSeen: timestamp(timezone, false),
    status: oneOf({ open: 'open', fixed: 'fixed', '': 'open' } as const, 'status'),
    cve: list(/[;,\s]+/),
    output: text,
  });
type Row = z.output<ReturnType<typeof schema>>;

/** The documented findings CSV for any scanner Proofbook has no adapter for. */
export const genericFindingsCsv: CsvFormat<Row, Finding> = {
  id: 'generic-findings-csv',
  syntax: 'csv',
  kind: 'findings',
  title: 'Generic findings CSV',
  signature: [['plugin_id'], ['severity'], ['host']],
  columns: {
    scanner: { headers: ['scanner'], required: false, description: 'Tool that found it; part of the finding key (default "generic")' },
    pluginId: { headers: ['plugin_id'], required: true, description: "The scanner's check id" },
    host: { headers: ['host'], required: true, description: 'Host name or IP' },
    port: { headers: ['port'], required: false, description: 'Port number, 0 or empty for host-level' },
    protocol: { headers: ['protocol'], required: false, description: 'tcp, udp… (default tcp)' },
    severity: { headers: ['severity'], required: true, description: 'critical, high, medium, low or info' },
    title: { headers: ['title'], required: true, description: 'Short description' },
    firstSeen: { headers: ['first_seen'], required: false, description: 'First detection, ISO 8601' },
    lastSeen: { headers: ['last_seen'], required: false, description: 'Last detection, ISO 8601 (default: the file\'s effective date)' },
    status: { headers: ['status'], required: false, description: 'open or fixed (default open)' },
    cve: { headers: ['cve'], required: false, description: 'CVE ids separated by ;' },
    output: { headers: ['output'], required: false, description: 'Evidence text; untrusted' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, context) =>
    toFinding(row.scanner || 'generic', {
      pluginId: row.pluginId,
      host: row.host,
      port: row.port,
      protocol: row.protocol,
      title: row.title,
      severity: row.severity,
      cves: row.cve,
      output: row.output,
      solution: '',
      firstSeen: row.firstSeen,
      lastSeen: row.lastSeen,
      status: row.status,
    }, context),
  key: byFindingKey,
  retain: retainFinding,
};
