import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { Finding } from '../../model/evidence.ts';
import type { CsvFormat, XmlFormat } from '../format.ts';
import { list, oneOf, port, requiredText, text, timestamp } from '../fields.ts';
import { childText, type XmlNode } from '../xml-records.ts';
import { byFindingKey, toFinding, retainFinding } from './finding.ts';

const threat: Record<string, Severity> = { log: 'info', debug: 'info', 'false positive': 'info', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

/** GVM leaves the threat word empty for some results; their CVSS score gives it (NVD ranges, as the report's severity class). */
function threatOf(word: string | undefined, score: string | undefined): string | undefined {
  if (word?.trim() || !score?.trim() || Number.isNaN(Number(score))) return word;
  const cvss = Number(score);
  return cvss >= 7 ? 'High' : cvss >= 4 ? 'Medium' : cvss > 0 ? 'Low' : 'Log';
}

const schema = (timezone: string) =>
  z.object({
    oid: requiredText,
    host: requiredText,
    port,
    protocol: text,
    threat: oneOf(threat, 'severity', ['Log', 'Low', 'Medium', 'High', 'Critical']),
    name: requiredText,
    cves: list(/[,;\s]+/),
    result: text,
    solution: text,
    timestamp: timestamp(timezone, false),
  });
type Row = z.output<ReturnType<typeof schema>>;

/** OpenVAS / Greenbone results from CSV or XML: keyed by NVT OID, host, port and protocol alike. */
const openvasFindings = {
  kind: 'findings',
  rowSchema: ({ timezone }: { timezone: string }) => schema(timezone),
  toRecord: (row: Row, context: Parameters<typeof toFinding>[2]): Finding =>
    toFinding('openvas', {
      pluginId: row.oid,
      host: row.host,
      port: row.port,
      protocol: row.protocol,
      title: row.name,
      severity: row.threat,
      cves: row.cves,
      output: row.result,
      solution: row.solution,
      firstSeen: null,
      lastSeen: row.timestamp,
    }, context),
  key: byFindingKey,
  retain: retainFinding,
} as const;

/** Greenbone's CSV results report (GVM 9 onwards; the QoD column is optional). */
export const openvasCsv: CsvFormat<Row, Finding> = {
  id: 'openvas-csv',
  syntax: 'csv',
  title: 'OpenVAS / Greenbone CSV results',
  signature: [['NVT OID'], ['IP'], ['Port Protocol'], ['Severity']],
  columns: {
    oid: { headers: ['NVT OID'], required: true, description: 'Network vulnerability test id' },
    host: { headers: ['IP'], required: true, description: 'Scanned host' },
    port: { headers: ['Port'], required: false, description: 'Port; empty for host-level results' },
    protocol: { headers: ['Port Protocol'], required: false, description: 'tcp or udp' },
    threat: { headers: ['Severity'], required: true, description: 'Log, Low, Medium, High or Critical' },
    name: { headers: ['NVT Name'], required: true, description: 'Test name, the finding title' },
    cves: { headers: ['CVEs'], required: false, description: 'CVE ids separated by commas' },
    result: { headers: ['Specific Result'], required: false, description: 'What the test saw; untrusted text' },
    solution: { headers: ['Solution'], required: false, description: 'Remediation advice' },
    timestamp: { headers: ['Timestamp'], required: false, description: 'When the result was found, ISO 8601' },
  },
  ...openvasFindings,
};

/** `solution=…|insight=…` pairs of an NVT's tags (GVM writes the solution there before GMP 20). */
const tag = (tags: string | undefined, name: string): string | undefined =>
  tags?.split('|').find((t) => t.startsWith(`${name}=`))?.slice(name.length + 1).replace(/\s+/g, ' ').trim();

function cvesOf(nvt: XmlNode | undefined): string {
  if (!nvt) return '';
  const refs = nvt.children.find((c) => c.name === 'refs')?.children.filter((r) => r.attributes.type === 'cve').map((r) => r.attributes.id) ?? [];
  // Before GMP 8 the ids were a comma-separated <cve> element ("NOCVE" when none).
  const legacy = (childText(nvt, 'cve') ?? '').split(/[,\s]+/).filter((c) => c.startsWith('CVE-'));
  return [...refs, ...legacy].join(';');
}

/** Greenbone's XML report (`<report>` from GMP get_reports): one `<result>` per finding. */
export const openvasXml: XmlFormat<Row, Finding> = {
  id: 'openvas-xml',
  syntax: 'xml',
  title: 'OpenVAS / Greenbone XML report',
  root: 'report',
  record: 'result',
  columns: {
    oid: { headers: ['result/nvt@oid'], required: true, description: 'Network vulnerability test id' },
    host: { headers: ['result/host'], required: true, description: 'Scanned host (its text, not the hostname child)' },
    port: { headers: ['result/port'], required: false, description: '"512/tcp"; "general/tcp" is host-level (port 0)' },
    protocol: { headers: ['result/port'], required: false, description: 'The part after the slash' },
    threat: { headers: ['result/threat'], required: true, description: 'Log, Low, Medium, High or Critical' },
    name: { headers: ['result/nvt/name'], required: true, description: 'Test name, the finding title' },
    cves: { headers: ['result/nvt/refs/ref[@type=cve]@id', 'result/nvt/cve'], required: false, description: 'CVE ids' },
    result: { headers: ['result/description'], required: false, description: 'What the test saw; untrusted text' },
    solution: { headers: ['result/nvt/solution', 'result/nvt/tags solution='], required: false, description: 'Remediation advice' },
    timestamp: { headers: ['result/modification_time', 'result/creation_time'], required: false, description: 'When the result was found' },
  },
  values: ({ node }) => {
    const nvt = node.children.find((c) => c.name === 'nvt');
    const [portText = '', protocol = ''] = (childText(node, 'port') ?? '').split('/');
    return {
      oid: nvt?.attributes.oid,
      host: childText(node, 'host'),
      port: /^\d+$/.test(portText) ? portText : '0',
      protocol,
      threat: threatOf(childText(node, 'threat'), childText(node, 'severity')),
      name: nvt && childText(nvt, 'name'),
      cves: cvesOf(nvt),
      result: childText(node, 'description'),
      solution: (nvt && childText(nvt, 'solution')) || tag(nvt && childText(nvt, 'tags'), 'solution'),
      timestamp: childText(node, 'modification_time') || childText(node, 'creation_time'),
    };
  },
  ...openvasFindings,
};
