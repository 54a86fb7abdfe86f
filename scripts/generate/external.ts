/** findings-external.csv: an external attack-surface scanner's view of the client's internet-facing assets (generic findings format). */
import type { Severity } from '../../src/model/client.ts';
import type { PeriodId } from '../../src/model/period.ts';
import type { ClientKind, ClientProfile } from './clients.ts';
import { type CsvData, quoteIfNeeded } from './csv.ts';
import { createRng } from './random.ts';
import { DAY, HOUR, isoUtc, localTime, minute, periodInstants } from './time.ts';

const header = ['scanner', 'plugin_id', 'host', 'port', 'protocol', 'severity', 'title', 'first_seen', 'last_seen', 'status', 'cve', 'output'];

/** Share of last export's open findings still open at this one, as in the internal scan. */
const PERSIST = 0.6;

type AssetKind = 'dns' | 'web' | 'mail' | 'vpn' | 'portal' | 'rdp' | 'files' | 'nas' | 'legacy';

interface Check {
  id: string;
  severity: Severity;
  title: string;
  on: readonly AssetKind[];
  port: number;
  protocol: 'tcp' | 'udp';
  /** Chance an eligible asset has it when first scanned. */
  p: number;
  cves?: readonly string[];
  output: (host: string) => string;
}

const checks: readonly Check[] = [
  { id: 'dns-dmarc-none', severity: 'medium', title: 'DMARC policy is p=none', on: ['dns'], port: 53, protocol: 'udp', p: 0.6,
    output: (h) => `_dmarc.${h} TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${h}"` },
  { id: 'dns-spf-softfail', severity: 'low', title: 'SPF record ends in ~all (soft fail)', on: ['dns'], port: 53, protocol: 'udp', p: 0.5,
    output: (h) => `${h} TXT "v=spf1 include:spf.protection.outlook.com include:_spf.mailer.example ~all"` },
  { id: 'dns-dnssec-missing', severity: 'info', title: 'DNSSEC is not enabled for the zone', on: ['dns'], port: 53, protocol: 'udp', p: 1,
    output: (h) => `No DS record published for ${h} at the parent zone.` },
  { id: 'tls-cert-expiring', severity: 'low', title: 'TLS certificate expires within 30 days', on: ['web', 'portal', 'vpn', 'mail'], port: 443, protocol: 'tcp', p: 0.2,
    output: (h) => `Subject: CN=${h}\nNot After: 27 days from scan` },
  { id: 'tls-cert-expired', severity: 'high', title: 'TLS certificate has expired', on: ['portal', 'nas', 'legacy'], port: 443, protocol: 'tcp', p: 0.25,
    output: (h) => `Subject: CN=${h}\nIssuer: CN=R3, O=Let's Encrypt\nNot After: 2025-11-02T12:00:00Z` },
  { id: 'tls-legacy-protocol', severity: 'medium', title: 'TLS 1.0 / 1.1 accepted', on: ['web', 'mail', 'vpn', 'portal', 'nas'], port: 443, protocol: 'tcp', p: 0.35,
    output: () => 'Negotiated: TLSv1.0 (ECDHE-RSA-AES128-SHA), TLSv1.1 (ECDHE-RSA-AES256-SHA)' },
  { id: 'http-missing-hsts', severity: 'low', title: 'Strict-Transport-Security header missing', on: ['web', 'portal'], port: 443, protocol: 'tcp', p: 0.6,
    output: (h) => `GET https://${h}/ -> 200, no Strict-Transport-Security header` },
  { id: 'http-missing-csp', severity: 'low', title: 'Content-Security-Policy header missing', on: ['web', 'portal'], port: 443, protocol: 'tcp', p: 0.5,
    output: (h) => `GET https://${h}/ -> 200, no Content-Security-Policy header` },
  { id: 'tls-cbc-ciphers', severity: 'low', title: 'TLS server offers CBC-mode cipher suites', on: ['web', 'mail', 'vpn', 'portal', 'files'], port: 443, protocol: 'tcp', p: 0.3,
    output: () => 'TLSv1.2: ECDHE-RSA-AES256-SHA384, ECDHE-RSA-AES128-SHA256, AES256-SHA' },
  { id: 'http-server-banner', severity: 'info', title: 'Web server discloses its version', on: ['web', 'portal', 'nas'], port: 443, protocol: 'tcp', p: 1,
    output: () => 'Server: Microsoft-IIS/10.0\nX-Powered-By: ASP.NET\nX-AspNet-Version: 4.0.30319' },
  { id: 'admin-panel-exposed', severity: 'medium', title: 'Administrative login page reachable from the internet', on: ['nas'], port: 5001, protocol: 'tcp', p: 0.9,
    output: (h) => `GET https://${h}:5001/ -> 200\n<title>DiskStation - Sign In</title>\n<script src="/webman/login.js"></script>` },
  { id: 'rdp-exposed', severity: 'high', title: 'Remote Desktop exposed to the internet', on: ['rdp'], port: 3389, protocol: 'tcp', p: 0.95,
    output: (h) => `${h}:3389 answered an RDP negotiation request; NLA required: ${h.endsWith('1') ? 'no' : 'yes'}` },
  { id: 'fortios-sslvpn-oob-write', severity: 'critical', title: 'FortiOS SSL VPN out-of-bounds write (CVE-2024-21762)', on: ['vpn'], port: 443, protocol: 'tcp', p: 0.35,
    cves: ['CVE-2024-21762'], output: () => 'Fingerprint: FortiOS 7.0.12 SSL VPN web portal (/remote/login)\nFixed in: 7.0.14, 7.2.7, 7.4.3' },
  { id: 'exchange-missing-su', severity: 'high', title: 'Microsoft Exchange Server missing security update', on: ['mail'], port: 443, protocol: 'tcp', p: 0.3,
    cves: ['CVE-2024-21410', 'CVE-2024-26198'], output: (h) => `OWA build from https://${h}/owa/: 15.2.1258.12 (Exchange 2019 CU13)` },
  { id: 'smtp-no-starttls', severity: 'medium', title: 'SMTP server does not offer STARTTLS', on: ['mail'], port: 25, protocol: 'tcp', p: 0.2,
    output: (h) => `220 ${h} ESMTP ready\nEHLO scanner -> 250-SIZE 36700160, 250-8BITMIME, 250 HELP (no STARTTLS)` },
  { id: 'ftp-cleartext-auth', severity: 'medium', title: 'FTP service accepts cleartext logins', on: ['files'], port: 21, protocol: 'tcp', p: 0.7,
    output: () => '220 FileZilla Server 1.7.2\nAUTH TLS not required before USER' },
  { id: 'ssh-password-auth', severity: 'low', title: 'SSH accepts password authentication', on: ['files', 'nas'], port: 22, protocol: 'tcp', p: 0.5,
    output: () => 'SSH-2.0-OpenSSH_8.0\nAuthentications that can continue: publickey,password' },
  { id: 'wordpress-outdated', severity: 'medium', title: 'WordPress core out of date', on: ['web'], port: 443, protocol: 'tcp', p: 0.4,
    cves: ['CVE-2024-31210'], output: () => '<meta name="generator" content="WordPress 6.4.2" />\nLatest release: 6.8.1' },
  { id: 'js-jquery-outdated', severity: 'low', title: 'Outdated jQuery library with known XSS issues', on: ['web', 'portal'], port: 443, protocol: 'tcp', p: 0.35,
    cves: ['CVE-2020-11022', 'CVE-2020-11023'], output: (h) => `https://${h}/assets/js/jquery-3.4.1.min.js (jQuery v3.4.1)` },
  { id: 'dns-dangling-cname', severity: 'high', title: 'Dangling CNAME points to an unclaimed cloud resource', on: ['legacy'], port: 443, protocol: 'tcp', p: 0.9,
    output: (h) => `${h} CNAME ${h.split('.')[0]}-app.azurewebsites.net (NXDOMAIN)` },
];

const assetOrder: Record<ClientKind, readonly AssetKind[]> = {
  dental: ['dns', 'web', 'portal', 'mail', 'vpn', 'rdp', 'nas', 'legacy', 'web', 'dns'],
  cpa: ['dns', 'web', 'portal', 'files', 'vpn', 'nas', 'mail', 'legacy', 'rdp', 'portal', 'web'],
  brokerage: ['dns', 'web', 'mail', 'vpn', 'portal', 'files', 'legacy', 'web', 'portal', 'nas', 'rdp', 'vpn', 'dns', 'mail', 'web'],
};

const label: Record<Exclude<AssetKind, 'dns' | 'rdp' | 'nas'>, string> = {
  web: 'www', mail: 'mail', vpn: 'vpn', portal: 'portal', files: 'files', legacy: 'old-portal',
};

/** Asset names: DNS names under the client's zone (`.example`, RFC 2606), or documentation-range addresses (RFC 5737). */
function assets(profile: ClientProfile, count: number): { kind: AssetKind; host: string }[] {
  const order = assetOrder[profile.kind];
  const seen = new Map<AssetKind, number>();
  return Array.from({ length: count }, (_, i) => {
    const kind = order[i % order.length] as AssetKind;
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    const suffix = n === 0 ? '' : String(n + 1);
    if (kind === 'rdp') return { kind, host: `198.51.100.${10 + (n % 240)}` };
    if (kind === 'nas') return { kind, host: `203.0.113.${10 + (n % 240)}` };
    if (kind === 'dns') return { kind, host: profile.domain.replace(/\.example$/, `${suffix}.example`) };
    return { kind, host: `${label[kind]}${suffix}.${profile.domain}` };
  });
}

interface Tracked {
  check: Check;
  host: string;
  firstSeen: number;
}

export interface ExternalScan {
  csv: CsvData;
  effective: string;
  /** The internet-facing assets the attack-surface scan watches. */
  hosts: string[];
}

/** One export per period: findings still open at the export, plus those fixed during the quarter. */
export function externalScans(profile: ClientProfile, periods: readonly PeriodId[], scale: number, seed: number): ExternalScan[] {
  const { id, timezone } = profile.config;
  const rng = createRng(seed, id, 'external');
  const targets = assets(profile, Math.max(1, Math.round(profile.externalAssets * scale)));
  const eligible = targets.flatMap(({ kind, host }) => checks.filter((c) => c.on.includes(kind)).map((check) => ({ check, host })));
  let open: Tracked[] = [];
  return periods.map((period, index) => {
    const { start, end } = periodInstants(period, timezone);
    const exportAt = minute(end - (8 + rng.int(0, 2)) * DAY - rng.int(2, 10) * HOUR - rng.int(0, 59) * 60_000);
    const between = (from: number, to: number): number => minute(from + rng.next() * Math.max(0, to - from));
    const openKeys = new Set(open.map((t) => `${t.check.id}|${t.host}`));
    // First quarter: findings may date back over a year, so some are already past their SLA.
    const fresh: Tracked[] = eligible
      .filter((e) => !openKeys.has(`${e.check.id}|${e.host}`) && rng.chance(index === 0 ? e.check.p : e.check.p * 0.3))
      .map((e) => ({ ...e, firstSeen: index === 0 ? between(exportAt - 420 * DAY, exportAt - 3 * DAY) : between(start, exportAt - DAY) }));
    const carried = new Set(open);
    const rows: string[][] = [];
    const stillOpen: Tracked[] = [];
    for (const t of [...open, ...fresh]) {
      // Carried-over findings stay open at the persistence rate; most of this quarter's new ones are still open at export.
      const fixed = t.check.severity !== 'info' && rng.chance(carried.has(t) ? 1 - PERSIST : 0.25);
      const lastSeen = fixed ? between(Math.max(t.firstSeen, start), exportAt - DAY) : exportAt;
      if (!fixed) stillOpen.push(t);
      rows.push([
        'attack-surface', t.check.id, t.host, String(t.check.port), t.check.protocol, t.check.severity, t.check.title,
        isoUtc(t.firstSeen), isoUtc(lastSeen), fixed ? 'fixed' : 'open', (t.check.cves ?? []).join(';'), t.check.output(t.host),
      ]);
    }
    open = stillOpen;
    // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
    const byKey = (r: string[]): string => `${r[2]}|${r[1]}`;
    rows.sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0));
    return { csv: { header, rows, quote: quoteIfNeeded }, effective: localTime(exportAt, timezone).date, hosts: targets.map((t) => t.host) };
  });
}
