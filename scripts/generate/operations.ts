/**
 * The operational evidence of a quarter beside scans and tickets: restore tests, access reviews,
 * remote sessions, patch status, SIEM alerts and (for one client) risk acceptances. Each client
 * kind has its own habits, so the example drop shows controls satisfied, partial and with gaps.
 */
import type { PeriodId } from '../../src/model/period.ts';
import type { ClientKind, ClientProfile } from './clients.ts';
import { quoteIfNeeded, type CsvData } from './csv.ts';
import { createRng } from './random.ts';
import { DAY, isoUtc, periodInstants } from './time.ts';

interface Habits {
  /** Systems whose backups are restore-tested each quarter. */
  systems: readonly string[];
  /** A restore test that misses its RTO, in this period index. */
  slowRestoreIn: number | null;
  /** Period indexes without an access review (a missed quarter). */
  reviewMissedIn: readonly number[];
  /** A vendor session without recording or approval, in this period index. */
  looseSessionIn: number | null;
  /** A critical patch left missing past its days, in this period index. */
  latePatchIn: number | null;
  /** Whether the device inventory lists the internet-facing assets too (else they are its gap). */
  inventoriesExternalAssets: boolean;
  /** A high alert left open at the quarter's end, in this period index. */
  openAlertIn: number | null;
}

const habits: Record<ClientKind, Habits> = {
  dental: { systems: ['Dentrix database', 'Imaging archive', 'File server'], slowRestoreIn: null, reviewMissedIn: [], looseSessionIn: 1, latePatchIn: null, openAlertIn: null, inventoriesExternalAssets: false },
  cpa: { systems: ['Document management', 'Tax software database', 'File server'], slowRestoreIn: 1, reviewMissedIn: [1], looseSessionIn: null, latePatchIn: 1, openAlertIn: 1, inventoriesExternalAssets: false },
  brokerage: { systems: ['Order management database', 'Exchange Online backup', 'File server', 'CRM'], slowRestoreIn: null, reviewMissedIn: [], looseSessionIn: null, latePatchIn: null, openAlertIn: null, inventoriesExternalAssets: true },
};

const vendors = ['Carestream Dental', 'Thomson Reuters support', 'Fortinet TAC', 'Broadridge support'];

export interface OperationsFiles {
  files: Record<string, CsvData>;
  /** YAML text of risk acceptances, when the client keeps any. */
  riskAcceptances: string | null;
}

/** What the RMM knows of the network beside its workstations: scanned hosts and internet-facing assets. */
export interface Inventory {
  hosts: { name: string; ip: string }[];
  external: string[];
}

export function operationsFiles(profile: ClientProfile, period: PeriodId, index: number, seed: number, inventory: Inventory): OperationsFiles {
  const rng = createRng(seed, profile.config.id, period, 'operations');
  const habit = habits[profile.kind];
  const { start, end } = periodInstants(period, profile.config.timezone);
  const at = (fraction: number) => isoUtc(start + Math.floor((end - start) * fraction / 60_000) * 60_000);
  const devices = Array.from({ length: 8 }, (_, i) => `${profile.ticketPrefix}-WS${String(i + 1).padStart(2, '0')}`);
  const staff = profile.internalStaff;

  const restore = habit.systems.map((system, i) => {
    const slow = habit.slowRestoreIn === index && i === 0;
    const rto = slow ? 9.5 : Math.round((1 + rng.next() * 2) * 10) / 10;
    return [system, at(0.35 + i * 0.05), '24', String(rng.int(2, 12)), '4', String(rto), slow ? 'partial' : 'pass', 'MSP backup team'];
  });

  const reviews = habit.reviewMissedIn.includes(index)
    ? []
    : [
        ['Microsoft 365', `admin@${profile.domain}`, 'Global Administrator', 'yes', staff[0] ?? 'Compliance owner', at(0.8).slice(0, 10), 'keep'],
        ['Microsoft 365', `former.employee@${profile.domain}`, 'E3 license', 'no', staff[0] ?? 'Compliance owner', at(0.8).slice(0, 10), 'revoke'],
        ['Line-of-business application', `frontdesk@${profile.domain}`, 'Standard user', 'no', staff[1] ?? 'Office manager', at(0.81).slice(0, 10), 'keep'],
        ['Firewall', 'msp-engineer', 'Administrator', 'yes', staff[0] ?? 'Compliance owner', at(0.81).slice(0, 10), 'modify'],
      ];

  const sessions = Array.from({ length: 6 }, (_, i) => {
    const loose = habit.looseSessionIn === index && i === 5;
    const startAt = start + (i + 1) * 12 * DAY + 14 * 3_600_000;
    const minutes = rng.int(20, 120);
    return [
      `RS-${period.replace('-', '')}-${i + 1}`,
      i % 2 === 0 ? 'msp-engineer' : 'vendor-support',
      i % 2 === 0 ? 'msp' : rng.pick(vendors),
      rng.pick(devices),
      isoUtc(startAt),
      isoUtc(startAt + minutes * 60_000),
      String(minutes),
      loose ? 'no' : 'yes',
      loose ? '' : `${profile.ticketPrefix}-${10_000 + index * 1000 + i}`,
    ];
  });

  const patchDays = [5, 20, 40];
  const patches = devices.flatMap((device, d) =>
    patchDays.map((daysIn, p) => {
      const released = isoUtc(start + daysIn * DAY).slice(0, 10);
      const late = habit.latePatchIn === index && d === 0 && p === 0;
      const missing = late || (p === 2 && d % 4 === 1);
      return [device, '', `KB50${40 + p}${index}${d}`, `Cumulative update ${p + 1} for Windows 11`, p === 0 ? 'critical' : 'high', missing ? 'missing' : 'installed', released, missing ? '' : isoUtc(start + (daysIn + 3) * DAY).slice(0, 10)];
    }),
  );
  // The rest of the inventory: each scanned host with its address (one monthly rollup, installed),
  // and the internet-facing assets where the client's inventory keeps them.
  const rollup = (device: string, address: string) => [device, address, `ROLLUP-${period}`, 'Monthly security rollup', 'high', 'installed', isoUtc(start + 10 * DAY).slice(0, 10), isoUtc(start + 14 * DAY).slice(0, 10)];
  patches.push(...inventory.hosts.map((h) => rollup(h.name, h.ip)), ...(habit.inventoriesExternalAssets ? inventory.external.map((host) => rollup(host, '')) : []));

  // The SOC acknowledges faster the more severe an alert; the open one was never acknowledged, and
  // every high alert that was, on a third of them, escalated to the client by a ticket.
  const ackMinutes = { low: [60, 1440], medium: [20, 240], high: [5, 45] } as const;
  const alerts = Array.from({ length: 12 }, (_, i) => {
    const open = habit.openAlertIn === index && i === 11;
    const fired = at(0.05 + i * 0.07);
    const rule = rng.pick(['malware.quarantined', 'login.bruteforce', 'powershell.encoded', 'usb.mass_storage']);
    const title = rng.pick(['Malware quarantined', 'Repeated failed logons', 'Encoded PowerShell command', 'USB storage connected']);
    const severity = open ? 'high' : rng.pick(['low', 'medium', 'high'] as const);
    const device = rng.pick(devices);
    const [fastest, slowest] = ackMinutes[severity];
    const acknowledged = open ? '' : isoUtc(Date.parse(fired) + rng.int(fastest, slowest) * 60_000);
    const escalated = !open && severity === 'high' && rng.int(1, 3) === 1;
    return [`EDR-${period.replace('-', '')}-${i + 1}`, fired, rule, title, severity, device, open ? 'open' : 'closed', acknowledged, escalated ? 'yes' : 'no', escalated ? `${profile.ticketPrefix}-${20_000 + index * 1000 + i}` : ''];
  });

  const csv = (header: string[], rows: string[][]): CsvData => ({ header, rows, quote: quoteIfNeeded });
  return {
    files: {
      'restore-tests.csv': csv(['system', 'test_date', 'rpo_target_hours', 'rpo_achieved_hours', 'rto_target_hours', 'rto_achieved_hours', 'result', 'performed_by'], restore),
      'access-reviews.csv': csv(['system', 'account', 'access', 'privileged', 'reviewer', 'reviewed', 'decision'], reviews),
      'remote-sessions.csv': csv(['session_id', 'user', 'party', 'target', 'start', 'end', 'duration_minutes', 'recorded', 'approval_ticket'], sessions),
      'patches.csv': csv(['device', 'address', 'patch_id', 'title', 'severity', 'status', 'released', 'installed'], patches),
      'alerts.csv': csv(['alert_id', 'time', 'rule', 'title', 'severity', 'host', 'status', 'acknowledged', 'escalated', 'escalated_to'], alerts),
    },
    riskAcceptances: profile.kind === 'brokerage' && index > 0 ? brokerageAcceptances(profile) : null,
  };
}

/** One acceptance in force for the VPN appliance awaiting replacement, one that lapsed during the quarter. */
function brokerageAcceptances(profile: ClientProfile): string {
  return `# Accepted risks and exceptions, kept by the compliance owner.
risk_acceptances:
  - id: RA-2026-004
    title: VPN appliance firmware pending vendor fix; replacement ordered
    owner: ${profile.config.compliance_owner.name}
    approved_by: Managing member
    accepted: 2026-07-15
    expires: 2026-12-31
    scope: [vpn.${profile.domain}]
    reason: Vendor fix not yet released; access restricted to MFA-enrolled staff and monitored by the SIEM.
  - id: RA-2026-002
    title: Legacy client portal kept online until migration
    owner: ${profile.config.compliance_owner.name}
    approved_by: Managing member
    accepted: 2026-03-01
    expires: 2026-08-31
    scope: [old-portal.${profile.domain}]
    reason: Migration slipped; the acceptance was not renewed.
`;
}
