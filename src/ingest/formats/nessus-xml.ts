import type { Finding } from '../../model/evidence.ts';
import type { XmlFormat } from '../format.ts';
import { childrenNamed, childText } from '../xml-records.ts';
import { nessusFindings, type NessusRow } from './nessus-csv.ts';

const riskBySeverity = ['None', 'Low', 'Medium', 'High', 'Critical'];

/** A `.nessus` file (NessusClientData_v2): one ReportItem per finding, host data from its ReportHost. */
export const nessusXml: XmlFormat<NessusRow, Finding> = {
  id: 'nessus-xml',
  syntax: 'xml',
  title: 'Nessus v2 XML (.nessus)',
  root: 'NessusClientData_v2',
  record: 'ReportItem',
  context: ['HostProperties'],
  columns: {
    pluginId: { headers: ['ReportItem@pluginID'], required: true, description: 'Nessus plugin id' },
    name: { headers: ['ReportItem@pluginName'], required: true, description: 'Plugin name, the finding title' },
    risk: { headers: ['ReportItem@severity'], required: true, description: '0 (None) to 4 (Critical)' },
    host: { headers: ['ReportHost@name'], required: true, description: 'Scanned host as Nessus names it' },
    protocol: { headers: ['ReportItem@protocol'], required: false, description: 'tcp, udp or icmp' },
    port: { headers: ['ReportItem@port'], required: false, description: 'Port, 0 for host-level findings' },
    cve: { headers: ['ReportItem/cve'], required: false, description: 'CVE ids, one element each' },
    output: { headers: ['ReportItem/plugin_output'], required: false, description: 'What the plugin saw; untrusted text' },
    solution: { headers: ['ReportItem/solution'], required: false, description: 'Remediation advice' },
    firstDiscovered: { headers: [], required: false, description: 'Not in .nessus files: derived across periods' },
    lastObserved: { headers: ['HostProperties/tag[@name=HOST_END]'], required: false, description: 'End of the host scan (ctime format)' },
    state: { headers: [], required: false, description: 'Every ReportItem is open' },
  },
  values: ({ node, ancestors, context }) => {
    const a = node.attributes;
    const hostEnd = context.get('HostProperties')?.children.find((t) => t.attributes.name === 'HOST_END')?.text.trim();
    return {
      pluginId: a.pluginID,
      name: a.pluginName,
      risk: riskBySeverity[Number(a.severity)] ?? a.severity,
      host: ancestors.findLast((e) => e.name === 'ReportHost')?.attributes.name,
      protocol: a.protocol,
      port: a.port,
      cve: childrenNamed(node, 'cve').map((c) => c.text.trim()).join(';'),
      output: childText(node, 'plugin_output'),
      solution: childText(node, 'solution'),
      lastObserved: hostEnd,
    };
  },
  ...nessusFindings,
};
