import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { Finding } from '../../model/evidence.ts';
import type { CsvFormat } from '../format.ts';
import { list, matching, oneOf, port, requiredText, text, timestamp } from '../fields.ts';
import { byFindingKey, toFinding, retainFinding } from './finding.ts';

/** Qualys levels 1 (minimal) to 5 (urgent). */
const level: Record<string, Severity> = { '1': 'info', '2': 'low', '3': 'medium', '4': 'high', '5': 'critical' };
const vulnStatus = { '': 'open', new: 'open', active: 'open', 're-opened': 'open', reopened: 'open', fixed: 'fixed' } as const;

const schema = (timezone: string) =>
  z.object({
    qid: matching(/^\d+$/, 'QID must be a number'),
    ip: requiredText,
    port,
    protocol: text,
    severity: oneOf(level, 'severity', ['1', '2', '3', '4', '5']),
    title: requiredText,
    status: oneOf(vulnStatus, 'vuln status', ['New', 'Active', 'Re-Opened', 'Fixed']),
    cves: list(/[,;\s]+/),
    results: text,
    solution: text,
    firstDetected: timestamp(timezone, false),
    lastDetected: timestamp(timezone, false),
  });
type Row = z.output<ReturnType<typeof schema>>;

/**
 * Qualys VM CSV (scan and host-based detection reports). Qualys writes a preamble (report title,
 * company, filters) above the header; the header is found below it.
 */
export const qualysCsv: CsvFormat<Row, Finding> = {
  id: 'qualys-csv',
  syntax: 'csv',
  kind: 'findings',
  title: 'Qualys VM CSV report',
  signature: [['QID'], ['IP'], ['Severity'], ['Title']],
  columns: {
    qid: { headers: ['QID'], required: true, description: 'Qualys vulnerability id' },
    ip: { headers: ['IP'], required: true, description: 'Host IP' },
    port: { headers: ['Port'], required: false, description: 'Port; empty for host-level detections' },
    protocol: { headers: ['Protocol'], required: false, description: 'tcp or udp' },
    severity: { headers: ['Severity'], required: true, description: '1 (minimal) to 5 (urgent)' },
    title: { headers: ['Title'], required: true, description: 'Vulnerability title' },
    status: { headers: ['Vuln Status'], required: false, description: 'New, Active, Re-Opened or Fixed' },
    cves: { headers: ['CVE ID'], required: false, description: 'CVE ids separated by commas' },
    results: { headers: ['Results'], required: false, description: 'What the scan saw; untrusted text' },
    solution: { headers: ['Solution'], required: false, description: 'Remediation advice' },
    firstDetected: { headers: ['First Detected'], required: false, description: 'MM/DD/YYYY HH:MM:SS' },
    lastDetected: { headers: ['Last Detected'], required: false, description: 'MM/DD/YYYY HH:MM:SS' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, context) =>
    toFinding('qualys', {
      pluginId: row.qid,
      host: row.ip,
      port: row.port,
      protocol: row.protocol,
      title: row.title,
      severity: row.severity,
      cves: row.cves,
      output: row.results,
      solution: row.solution,
      firstSeen: row.firstDetected,
      lastSeen: row.lastDetected,
      status: row.status,
    }, context),
  key: byFindingKey,
  retain: retainFinding,
};
