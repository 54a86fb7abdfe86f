import { findingKey, type Finding } from '../../model/evidence.ts';
import type { Severity } from '../../model/client.ts';
import type { RowContext, Texts } from '../format.ts';

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
 * Characters of scanner output a finding keeps. Outputs of whole banners, certificate chains and
 * software inventories run to KBs per host, and holding all of them is what made ingest's memory
 * grow with the file: on a 1 GB scan (274,000 findings) this excerpt keeps peak RSS under 400 MiB
 * (npm run bench:ingest). The start says what the plugin saw; all of it stays in the export, at
 * the finding's source line, which the manifest hashes.
 */
export const outputExcerptChars = 256;

/** The first `chars` characters of `text`, not splitting a surrogate pair. */
function excerpt(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const code = text.charCodeAt(chars - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? chars - 1 : chars);
}

/** A finding's output fields for a whole output of `chars` characters that starts with `text`. */
function withOutput(finding: Finding, text: string, chars: number): Finding {
  finding.output = excerpt(text, outputExcerptChars);
  finding.outputChars = chars > finding.output.length ? chars : undefined;
  return finding;
}

const wholeChars = (finding: Finding): number => finding.outputChars ?? finding.output.length;

/** Midnight of the file's effective date: made once per file rather than once per row. */
let effectiveDay = '';
let effectiveStart = '';
const startOf = (effective: string): string => {
  if (effective !== effectiveDay) [effectiveDay, effectiveStart] = [effective, `${effective}T00:00:00.000Z`];
  return effectiveStart;
};

/**
 * A normalised finding keyed by scanner, plugin, host, port and protocol, so that the same finding
 * in next quarter's export — or in the same scan exported as CSV instead of XML — has the same key.
 */
export function toFinding(scanner: string, fields: FindingFields, { source, effective }: RowContext): Finding {
  const protocol = fields.protocol.toLowerCase() || 'tcp';
  const lastSeen = fields.lastSeen ?? startOf(effective);
  const status = fields.status ?? 'open';
  const finding: Finding = {
    key: findingKey({ scanner, pluginId: fields.pluginId, host: fields.host, port: fields.port, protocol }),
    scanner,
    pluginId: fields.pluginId,
    host: fields.host,
    port: fields.port,
    protocol,
    title: fields.title,
    severity: fields.severity,
    cves: fields.cves,
    output: fields.output,
    // Declared on every finding, so that all share one layout in memory; undefined is absent in JSON.
    outputChars: undefined,
    solution: fields.solution,
    firstSeen: fields.firstSeen,
    lastSeen,
    status,
    fixedAt: status === 'fixed' ? lastSeen : null,
    source,
  };
  return fields.output.length > outputExcerptChars ? withOutput(finding, fields.output, fields.output.length) : finding;
}

/**
 * Scanners write one row per CVE (Nessus) or per package (Wazuh) of one finding: fold them. An
 * output already held (or the same excerpt of an output of the same length) is not repeated; a
 * different one is appended, as far as the excerpt reaches, and counted in `outputChars`.
 */
export function mergeFindings(first: Finding, again: Finding): Finding {
  const merged = { ...first, cves: [...new Set([...first.cves, ...again.cves])] };
  const held = again.outputChars === undefined ? first.output.includes(again.output) : again.output === first.output && again.outputChars === first.outputChars;
  if (held) return merged;
  // Past an excerpt, what follows is not held: only the count grows.
  const start = first.outputChars === undefined ? `${first.output}\n${again.output}` : first.output;
  return withOutput(merged, start, wholeChars(first) + 1 + wholeChars(again));
}

export const byFindingKey = (finding: Finding): string => finding.key;

/** Per file read: the first stored finding of each plugin id, whose title and solution later ones share. */
const firstOfPlugin = new WeakMap<Texts, Map<string, Finding>>();

/**
 * A stored finding's texts: the output is its own, copied; scanners, plugin ids, hosts, titles,
 * solutions, dates and CVE ids repeat across findings and are shared. Titles and solutions are shared through
 * the plugin's first finding, which costs a comparison rather than hashing the text again. The
 * key is built, not read: its own already.
 */
export function retainFinding(finding: Finding, texts: Texts, kept?: Finding): Finding {
  if (kept === undefined) {
    let plugins = firstOfPlugin.get(texts);
    if (plugins === undefined) firstOfPlugin.set(texts, (plugins = new Map()));
    const first = plugins.get(finding.pluginId);
    finding.title = first?.title === finding.title ? first.title : texts.share(finding.title);
    finding.solution = first?.solution === finding.solution ? first.solution : texts.share(finding.solution);
    finding.pluginId = first?.pluginId ?? texts.share(finding.pluginId);
    if (first === undefined) plugins.set(finding.pluginId, finding);
    finding.scanner = texts.share(finding.scanner);
    finding.host = texts.share(finding.host);
    finding.protocol = texts.share(finding.protocol);
    finding.lastSeen = texts.share(finding.lastSeen);
    if (finding.firstSeen !== null) finding.firstSeen = texts.share(finding.firstSeen);
    if (finding.fixedAt !== null) finding.fixedAt = texts.share(finding.fixedAt);
  }
  if (finding.cves !== kept?.cves) finding.cves = finding.cves.map(texts.share);
  if (finding.output !== kept?.output) finding.output = texts.copy(finding.output);
  return finding;
}
