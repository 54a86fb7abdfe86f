/** nessus-internal.csv: the quarterly authenticated scan of the client's 10.x network, in Nessus Pro CSV form. */
import type { PeriodId } from '../../src/model/period.ts';
import type { ClientKind, ClientProfile } from './clients.ts';
import { type CsvData, quoteAlways } from './csv.ts';
import { type Host, infoPlugins, type Plugin, type Role, type ScanContext, type Service, servicePorts } from './nessus-plugins.ts';
import { networkPlugins } from './nessus-vulns-net.ts';
import { windowsPlugins } from './nessus-vulns.ts';
import { createRng, type Rng } from './random.ts';
import { DAY, HOUR, localTime, minute, periodInstants } from './time.ts';

// Exactly the column set and order of a real Nessus Pro export (../shared/fixtures/real/vuln-scans/nessus_pro_all_columns.csv).
const header = [
  'Plugin ID', 'CVE', 'CVSS', 'Risk', 'Host', 'Protocol', 'Port', 'Name', 'Synopsis', 'Description', 'Solution', 'See Also',
  'Plugin Output', 'STIG Severity', 'CVSS v3.0 Base Score', 'CVSS Temporal Score', 'CVSS v3.0 Temporal Score', 'Risk Factor',
  'BID', 'XREF', 'MSKB', 'Plugin Publication Date', 'Plugin Modification Date', 'Metasploit', 'Core Impact', 'CANVAS',
];

const vulnPlugins = [...windowsPlugins, ...networkPlugins];

/** Share of last quarter's findings still open this quarter. */
const PERSIST = 0.6;
/** Odds, relative to a fresh network, that a host picks up a finding it did not have last quarter. */
const NEW_RATE = 0.35;

const roleMix: Record<ClientKind, readonly (readonly [Role, number])[]> = {
  dental: [['win-ws', 64], ['win-srv', 12], ['linux', 5], ['net', 6], ['printer', 9], ['esxi', 4]],
  cpa: [['win-ws', 64], ['win-srv', 14], ['linux', 4], ['net', 6], ['printer', 8], ['esxi', 4]],
  brokerage: [['win-ws', 56], ['win-srv', 18], ['linux', 10], ['net', 7], ['printer', 4], ['esxi', 5]],
};

/** Third octet where each role's addresses start; the gaps leave room for --scale to spill into more /24s. */
const subnet: Record<Role, number> = { net: 0, 'win-srv': 10, linux: 10, esxi: 10, 'win-ws': 100, printer: 200 };
const shortName: Record<Role, string> = { 'win-ws': 'WS', 'win-srv': 'SRV', linux: 'LNX', esxi: 'ESX', net: 'FW', printer: 'PRN' };

function osFor(role: Role, rng: Rng): string {
  switch (role) {
    case 'win-ws':
      return rng.chance(0.06) ? 'Microsoft Windows 10 Pro' : 'Microsoft Windows 11 Pro';
    case 'win-srv':
      return rng.chance(0.7) ? 'Microsoft Windows Server 2022 Standard' : 'Microsoft Windows Server 2019 Standard';
    case 'linux':
      return 'Linux Kernel 5.15.0-119-generic on Ubuntu 22.04';
    case 'esxi':
      return 'VMware ESXi 8.0';
    case 'net':
      return 'Fortinet FortiGate Firewall (FortiOS)';
    case 'printer':
      return 'HP LaserJet Pro MFP';
  }
}

function servicesFor(role: Role, rng: Rng): Service[] {
  const maybe = (s: Service, p: number): Service[] => (rng.chance(p) ? [s] : []);
  switch (role) {
    case 'win-ws':
      return ['host', 'icmp', 'msrpc', 'smb', ...maybe('rdp', 0.45)];
    case 'win-srv':
      return ['host', 'icmp', 'msrpc', 'smb', 'rdp', ...maybe('http', 0.3), ...maybe('https', 0.45), ...maybe('mssql', 0.25)];
    case 'linux':
      return ['host', 'icmp', 'ssh', 'http', 'https', ...maybe('ntp', 0.4)];
    case 'esxi':
      return ['host', 'icmp', 'https', ...maybe('ssh', 0.5), ...maybe('ipmi', 0.5)];
    case 'net':
      return ['host', 'icmp', 'ssh', 'https', 'snmp', ...maybe('ntp', 0.5), ...maybe('telnet', 0.15)];
    case 'printer':
      return ['host', 'icmp', 'http', 'https', 'snmp', ...maybe('telnet', 0.2)];
  }
}

function createHosts(profile: ClientProfile, count: number, rng: Rng): Host[] {
  const used: Record<Role, number> = { net: 0, 'win-srv': 0, linux: 0, esxi: 0, 'win-ws': 0, printer: 0 };
  const addressed = new Map<number, number>();
  const hosts: Host[] = [];
  // Every network has a firewall, a server and a hypervisor; the rest follows the client's mix.
  const fixed: readonly Role[] = ['net', 'win-srv', 'esxi'];
  for (let i = 0; i < count; i++) {
    const role = fixed[i] ?? rng.weighted(roleMix[profile.kind]);
    const n = used[role]++;
    const a = addressed.get(subnet[role]) ?? 0;
    addressed.set(subnet[role], a + 1);
    const name = `${profile.ticketPrefix}-${shortName[role]}${String(n + 1).padStart(2, '0')}`;
    hosts.push({
      // 240 addresses per /24, spilling into the next subnets when --scale grows the network.
      ip: `10.${profile.netOctet}.${subnet[role] + Math.floor(a / 240)}.${10 + (a % 240)}`,
      name,
      fqdn: `${name.toLowerCase()}.corp.${profile.domain}`,
      role,
      os: osFor(role, rng),
      services: servicesFor(role, rng),
      neglect: rng.weighted([[0.5, 30], [1, 45], [1.8, 20], [3, 5]]),
    });
  }
  return hosts;
}

interface Instance {
  plugin: Plugin;
  host: Host;
  hostIndex: number;
  service: Service;
}

const key = (i: Instance): string => `${i.plugin.id}|${i.hostIndex}|${i.service}`;

function applicable(plugins: readonly Plugin[], hosts: readonly Host[]): Instance[] {
  return hosts.flatMap((host, hostIndex) =>
    plugins.flatMap((plugin) =>
      (!plugin.roles || plugin.roles.includes(host.role)) && (!plugin.os || plugin.os.test(host.os))
        ? plugin.on.filter((s) => host.services.includes(s)).map((service) => ({ plugin, host, hostIndex, service }))
        : [],
    ),
  );
}

function odds(i: Instance): number {
  return Math.min(0.95, (i.plugin.p ?? 1) * i.host.neglect);
}

/** Next quarter's findings: most persist, the rest are fixed, new ones appear; some critical and high always persist so they breach their SLA. */
function nextQuarter(previous: readonly Instance[], candidates: readonly Instance[], rng: Rng): Instance[] {
  const persisted = new Set(previous.filter(() => rng.chance(PERSIST)));
  for (const risk of ['Critical', 'High'] as const) {
    const kept = previous.filter((i) => i.plugin.risk === risk && persisted.has(i)).length;
    const fixed = previous.filter((i) => i.plugin.risk === risk && !persisted.has(i));
    for (const i of fixed.slice(0, Math.max(0, 2 - kept))) persisted.add(i);
  }
  const seen = new Set(previous.map(key));
  const fresh = candidates.filter((i) => !seen.has(key(i)) && rng.chance(odds(i) * NEW_RATE));
  return [...persisted, ...fresh];
}

const score = (n: number | undefined, factor = 1): string => (n === undefined ? '' : (Math.round(n * factor * 10) / 10).toFixed(1));

function* rows(instances: readonly Instance[], scan: ScanContext): Generator<string[]> {
  const sorted = [...instances].sort(
    (a, b) => a.hostIndex - b.hostIndex || a.plugin.id - b.plugin.id || servicePorts[a.service][0] - servicePorts[b.service][0],
  );
  for (const { plugin: p, host, service } of sorted) {
    const [port, protocol] = servicePorts[service];
    const exploited = p.exploited ? 'true' : '';
    const hasCves = (p.cves?.length ?? 0) > 0;
    // Real exports repeat the finding once per CVE.
    for (const cve of hasCves ? (p.cves ?? []) : ['']) {
      yield [
        String(p.id), cve, score(p.cvss2), p.risk, host.ip, protocol, String(port), p.name, p.synopsis, p.description, p.solution,
        (p.seeAlso ?? []).join('\n'), p.output(host, port, scan), p.stig ?? '', score(p.cvss3),
        hasCves ? score(p.cvss2, 0.87) : '', hasCves ? score(p.cvss3, 0.92) : '', p.risk, p.bid ?? '', p.xref ?? '', p.mskb ?? '',
        p.published, p.modified, exploited, exploited, exploited,
      ];
    }
  }
}

export interface NessusScan {
  /** Rows are produced lazily, while the file is written. */
  csv: CsvData;
  /** Local date of the scan, for drop.yaml. */
  effective: string;
  /** The scanned network's hosts, as the RMM's device inventory knows them. */
  hosts: { name: string; ip: string }[];
}

/** One scan per period; each quarter's findings derive from the previous one's. */
export function nessusScans(profile: ClientProfile, periods: readonly PeriodId[], scale: number, seed: number): NessusScan[] {
  const { id, timezone, name: clientName } = profile.config;
  const rng = createRng(seed, id, 'nessus');
  const hosts = createHosts(profile, Math.max(3, Math.round(profile.hosts * scale)), rng);
  const info = applicable(infoPlugins, hosts);
  const candidates = applicable(vulnPlugins, hosts);
  let open: Instance[] = [];
  return periods.map((period, index) => {
    open = index === 0 ? candidates.filter((i) => rng.chance(odds(i))) : nextQuarter(open, candidates, rng);
    // A late-evening scan about ten days before quarter end, in the client's zone.
    const { end } = periodInstants(period, timezone);
    const at = minute(end - (10 + rng.int(-2, 2)) * DAY - rng.int(1, 3) * HOUR - rng.int(0, 59) * 60_000);
    const local = localTime(at, timezone);
    const [y, m, d] = local.date.split('-').map(Number);
    const scan: ScanContext = {
      clientName,
      start: `${y}/${m}/${d} ${local.wall.slice(11)} ${local.zoneName}`,
      scannerIp: `10.${profile.netOctet}.1.5`,
    };
    return { csv: { header, rows: rows([...info, ...open], scan), quote: quoteAlways }, effective: local.date, hosts: hosts.map(({ name, ip }) => ({ name, ip })) };
  });
}
