/**
 * The internal scan's vocabulary: host roles, the services they expose, and the informational
 * plugins every Nessus scan emits. Plugin ids and names follow Tenable's; all text is our own.
 */

export type Risk = 'None' | 'Low' | 'Medium' | 'High' | 'Critical';
export type Role = 'win-ws' | 'win-srv' | 'linux' | 'esxi' | 'net' | 'printer';
export type Service =
  | 'host' | 'icmp' | 'msrpc' | 'smb' | 'rdp' | 'ssh' | 'http' | 'https' | 'snmp' | 'ntp' | 'mssql' | 'telnet' | 'ipmi';

export const servicePorts: Record<Service, readonly [number, string]> = {
  host: [0, 'tcp'], icmp: [0, 'icmp'], msrpc: [135, 'tcp'], smb: [445, 'tcp'],
  rdp: [3389, 'tcp'], ssh: [22, 'tcp'], http: [80, 'tcp'], https: [443, 'tcp'], snmp: [161, 'udp'],
  ntp: [123, 'udp'], mssql: [1433, 'tcp'], telnet: [23, 'tcp'], ipmi: [623, 'udp'],
};

export interface Host {
  ip: string;
  /** NetBIOS-style short name. */
  name: string;
  fqdn: string;
  role: Role;
  os: string;
  services: readonly Service[];
  /** How far behind on patches this machine is; multiplies vulnerability odds. */
  neglect: number;
}

/** What a plugin's output may mention about the scan run. */
export interface ScanContext {
  clientName: string;
  start: string;
  scannerIp: string;
}

export interface Plugin {
  id: number;
  name: string;
  risk: Risk;
  /** One finding per listed service the host exposes; 'host' means port 0. */
  on: readonly Service[];
  /** Roles it applies to; all roles when absent. */
  roles?: readonly Role[];
  /** Only hosts whose OS name matches, e.g. a rollup for one Windows release. */
  os?: RegExp;
  /** Chance per eligible host and port at neglect 1; absent for informational plugins, which always report. */
  p?: number;
  cves?: readonly string[];
  cvss2?: number;
  cvss3?: number;
  synopsis: string;
  description: string;
  solution: string;
  seeAlso?: readonly string[];
  output: (host: Host, port: number, scan: ScanContext) => string;
  published: string;
  modified: string;
  bid?: string;
  xref?: string;
  mskb?: string;
  stig?: string;
  /** Public exploit frameworks ship a module (fills Metasploit, Core Impact, CANVAS). */
  exploited?: boolean;
}

const tcpServices: readonly Service[] = ['msrpc', 'smb', 'rdp', 'ssh', 'http', 'https', 'mssql', 'telnet'];

export const infoPlugins: readonly Plugin[] = [
  {
    id: 19506, name: 'Nessus Scan Information', risk: 'None', on: ['host'],
    synopsis: 'This plugin displays information about the Nessus scan.',
    description: 'This plugin reports the settings of the scan that produced these results: scanner version,\npolicy, port range, whether credentialed checks ran and how long the host took.',
    solution: 'n/a',
    output: (h, _p, s) => `Information about this scan : \n\nNessus version : 10.9.3\nPlugin feed version : ${s.start.replace(/\D/g, '').slice(0, 8)}0412\nScanner edition used : Nessus\nScan type : Normal\nScan name : Quarterly internal - ${s.clientName}\nScan policy used : Advanced Scan\nScanner IP : ${s.scannerIp}\nPort scanner(s) : nessus_syn_scanner \nPort range : default\nCredentialed checks : ${h.role.startsWith('win') ? "yes, as 'svc-vulnscan' via SMB" : 'no'}\nSafe checks : yes\nScan Start Date : ${s.start}\nScan duration : ${240 + (h.ip.length * 97) % 900} sec\n`,
    published: '2005/08/26', modified: '2026/02/10',
  },
  {
    id: 11936, name: 'OS Identification', risk: 'None', on: ['host'],
    synopsis: 'It is possible to guess the remote operating system.',
    description: 'Several fingerprinting methods (TCP/IP stack behaviour, SMB, SSH and HTTP banners) were combined\nto guess the operating system of the remote host.',
    solution: 'n/a',
    output: (h) => `\nRemote operating system : ${h.os}\nConfidence level : ${h.role.startsWith('win') ? 99 : 76}\nMethod : ${h.role.startsWith('win') ? 'MSRPC' : 'SinFP'}\n`,
    published: '2003/12/09', modified: '2025/11/04',
  },
  {
    id: 54615, name: 'Device Type', risk: 'None', on: ['host'],
    synopsis: 'It is possible to guess the remote device type.',
    description: 'Based on the operating system fingerprint, the scanner guessed what kind of device this is\n(general-purpose host, printer, router, hypervisor...).',
    solution: 'n/a',
    output: (h) => `Remote device type : ${{ 'win-ws': 'general-purpose', 'win-srv': 'general-purpose', linux: 'general-purpose', esxi: 'hypervisor', net: 'firewall', printer: 'printer' }[h.role]}\nConfidence level : 95\n`,
    published: '2011/05/23', modified: '2025/09/30',
  },
  {
    id: 11219, name: 'Nessus SYN scanner', risk: 'None', on: tcpServices,
    synopsis: 'It is possible to determine which TCP ports are open.',
    description: 'A SYN scan found this TCP port open. The scanner sends SYN packets and never completes the\nhandshake, which keeps the scan light on the target.',
    solution: 'Protect your target with an IP filter.',
    output: (_h, p) => `Port ${p}/tcp was found to be open`,
    published: '2009/02/04', modified: '2025/06/12',
  },
  {
    id: 22964, name: 'Service Detection', risk: 'None', on: ['ssh', 'http', 'https'],
    synopsis: 'The remote service could be identified.',
    description: 'The scanner identified the service listening on this port by sending it a few requests and\nmatching the replies.',
    solution: 'n/a',
    output: (_h, p) => (p === 22 ? 'An SSH server is running on this port.' : p === 443 ? 'A TLS-wrapped web server is running on this port.' : 'A web server is running on this port.'),
    published: '2007/08/19', modified: '2025/10/01',
  },
  {
    id: 10107, name: 'HTTP Server Type and Version', risk: 'None', on: ['http', 'https'],
    synopsis: 'A web server is running on the remote host.',
    description: 'This plugin reports the type and version of the web server, as its banner announces it.',
    solution: 'n/a', xref: 'IAVT:0001-T-0931',
    output: (h) => `The remote web server type is :\n\n${{ 'win-ws': 'Microsoft-HTTPAPI/2.0', 'win-srv': 'Microsoft-IIS/10.0', linux: 'Apache/2.4.58 (Ubuntu)', esxi: 'envoy', net: 'xxxxxxxx-xxxxx', printer: 'HP HTTP Server; HP LaserJet MFP - 4RA82A' }[h.role]}`,
    published: '2000/01/04', modified: '2020/10/30',
  },
  {
    id: 10863, name: 'SSL Certificate Information', risk: 'None', on: ['https'],
    synopsis: 'This plugin displays the SSL certificate.',
    description: 'The scanner connected to the TLS port and extracted the X.509 certificate it presents.',
    solution: 'n/a',
    output: (h) => `Subject Name: \n\nCommon Name: ${h.fqdn}\n\nIssuer Name: \n\nCommon Name: ${h.role === 'win-srv' ? 'CORP-ISSUING-CA' : h.fqdn}\n\nSerial Number: ${h.ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0').toUpperCase()).join(' ')} 0F 3C \n\nVersion: 3\n\nSignature Algorithm: SHA-256 With RSA Encryption\n`,
    published: '2008/05/19', modified: '2024/12/03',
  },
  {
    id: 56984, name: 'SSL / TLS Versions Supported', risk: 'None', on: ['https'],
    synopsis: 'The remote service encrypts communications.',
    description: 'This plugin lists the SSL and TLS versions the remote service accepts.',
    solution: 'n/a',
    output: (h) => `\nThis port supports ${h.role === 'printer' || h.role === 'net' ? 'TLSv1.0/TLSv1.1/TLSv1.2' : 'TLSv1.2/TLSv1.3'}.\n`,
    published: '2011/12/01', modified: '2025/04/22',
  },
  {
    id: 11011, name: 'Microsoft Windows SMB Service Detection', risk: 'None', on: ['smb'],
    synopsis: 'A file / print sharing service is listening on the remote host.',
    description: 'The remote service understands the SMB (Server Message Block) protocol used by Windows file\nand printer sharing.',
    solution: 'n/a',
    output: () => '\nA CIFS server is running on this port.\n',
    published: '2002/06/05', modified: '2021/02/11',
  },
  {
    id: 10940, name: 'Remote Desktop Protocol Service Detection', risk: 'None', on: ['rdp'],
    synopsis: 'The remote host has a remote desktop protocol service enabled.',
    description: 'The Remote Desktop Protocol lets a user drive this host\'s desktop over the network. Make sure\nits use matches your access policy.',
    solution: 'Disable the service if you do not use it, and do not allow it through the firewall.',
    output: () => '',
    published: '2002/04/20', modified: '2023/08/21',
  },
  {
    id: 10267, name: 'SSH Server Type and Version Information', risk: 'None', on: ['ssh'],
    synopsis: 'An SSH server is listening on this port.',
    description: 'The scanner read the SSH server banner to learn its type and version.',
    solution: 'n/a', xref: 'IAVT:0001-T-0933',
    output: (h) => `\n  SSH version : ${h.role === 'linux' ? 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10' : 'SSH-2.0-OpenSSH_7.4'}\n  SSH supported authentication : publickey,password\n`,
    published: '1999/10/12', modified: '2024/07/24',
  },
  {
    id: 35296, name: 'SNMP Protocol Version Detection', risk: 'None', on: ['snmp'],
    synopsis: 'This plugin reports the protocol version negotiated with the remote SNMP agent.',
    description: 'The scanner asked the SNMP agent which protocol versions it speaks.',
    solution: 'n/a',
    output: () => '\nNessus has negotiated SNMP communications at SNMPv2c.\n',
    published: '2009/02/06', modified: '2024/10/15',
  },
  {
    id: 10736, name: 'DCE Services Enumeration', risk: 'None', on: ['msrpc'],
    synopsis: 'A DCE/RPC service is running on the remote host.',
    description: 'The endpoint mapper on this host lists the DCE/RPC services it offers.',
    solution: 'n/a',
    output: (h) => `\nThe following DCERPC services are available locally :\n\nObject UUID : 00000000-0000-0000-0000-000000000000\nUUID : 12345778-1234-abcd-ef00-0123456789ac, version 1.0\nDescription : Security Account Manager\nType : Local RPC service\nNamed pipe : lsass\n\nObject UUID : 00000000-0000-0000-0000-000000000000\nUUID : 367abb81-9844-35f1-ad32-98f038001003, version 2.0\nDescription : Service Control Manager\nType : Local RPC service\nNamed pipe : ntsvcs\nNetbios name : \\\\${h.name}\n`,
    published: '2001/08/26', modified: '2021/10/04',
  },
];
