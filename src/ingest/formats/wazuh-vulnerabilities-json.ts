import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { Finding } from '../../model/evidence.ts';
import type { JsonFormat } from '../format.ts';
import { oneOf, requiredText, text, timestamp } from '../fields.ts';
import { hasPaths, pick } from '../json-values.ts';
import { byFindingKey, mergeFindings, toFinding, retainFinding } from './finding.ts';

const severity: Record<string, Severity> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', none: 'info', untriaged: 'info', '-': 'info' };

const schema = (timezone: string) =>
  z.object({
    cve: requiredText,
    agent: requiredText,
    severity: oneOf(severity, 'severity', ['Critical', 'High', 'Medium', 'Low', 'None']),
    packageName: text,
    packageVersion: text,
    description: text,
    reference: text,
    detected: timestamp(timezone, false),
  });
type Row = z.output<ReturnType<typeof schema>>;

const at = '_source.';

/**
 * Wazuh 4.8+ vulnerability detector state as the Wazuh indexer returns it (an OpenSearch _search
 * response over wazuh-states-vulnerabilities-*): one hit per CVE and package on an agent. These are
 * vulnerability findings, not SIEM rule alerts; a CVE found in several packages of one agent is one
 * finding listing each package.
 */
export const wazuhVulnerabilitiesJson: JsonFormat<Row, Finding> = {
  id: 'wazuh-vulnerabilities-json',
  syntax: 'json',
  kind: 'findings',
  title: 'Wazuh vulnerability states (indexer search response)',
  records: 'hits.hits',
  matches: (hit) => hasPaths(hit, `${at}vulnerability.id`, `${at}agent.name`),
  columns: {
    cve: { headers: [`hits.hits[]${at}vulnerability.id`], required: true, description: 'CVE id, the finding\'s check id' },
    agent: { headers: [`${at}agent.name`], required: true, description: 'Agent (host) name' },
    severity: { headers: [`${at}vulnerability.severity`], required: true, description: 'Critical, High, Medium, Low' },
    packageName: { headers: [`${at}package.name`], required: false, description: 'Vulnerable package' },
    packageVersion: { headers: [`${at}package.version`], required: false, description: 'Installed version' },
    description: { headers: [`${at}vulnerability.description`], required: false, description: 'CVE description' },
    reference: { headers: [`${at}vulnerability.reference`], required: false, description: 'Advisory links' },
    detected: { headers: [`${at}vulnerability.detected_at`], required: false, description: 'When Wazuh detected it, ISO 8601' },
  },
  values: (hit) => ({
    cve: pick(hit, `${at}vulnerability.id`),
    agent: pick(hit, `${at}agent.name`),
    severity: pick(hit, `${at}vulnerability.severity`),
    packageName: pick(hit, `${at}package.name`),
    packageVersion: pick(hit, `${at}package.version`),
    description: pick(hit, `${at}vulnerability.description`),
    reference: pick(hit, `${at}vulnerability.reference`),
    detected: pick(hit, `${at}vulnerability.detected_at`),
  }),
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, context) =>
    toFinding('wazuh', {
      pluginId: row.cve,
      host: row.agent,
      port: 0,
      protocol: 'tcp',
      title: `${row.cve} in ${row.packageName || 'a package'}`,
      severity: row.severity,
      cves: row.cve.startsWith('CVE-') ? [row.cve] : [],
      output: `${row.packageName} ${row.packageVersion}`.trim(),
      solution: row.reference,
      firstSeen: row.detected,
      lastSeen: null,
    }, context),
  key: byFindingKey,
  merge: mergeFindings,
  retain: retainFinding,
};
