/** The fictional clients of the example drop, and how extra clients are derived from them for benchmarks. */
import type { ClientConfig, Priority } from '../../src/model/client.ts';

export type ClientKind = 'dental' | 'cpa' | 'brokerage';

export interface ClientProfile {
  config: ClientConfig;
  kind: ClientKind;
  /** Public DNS zone for the external scan; `.example` is reserved (RFC 2606), so nothing real is named. */
  domain: string;
  ticketPrefix: string;
  /** Second octet of the 10.x internal network. */
  netOctet: number;
  /** Row-count drivers at --scale 1. */
  hosts: number;
  externalAssets: number;
  ticketsPerQuarter: number;
  internalStaff: readonly string[];
  /** Priorities whose acknowledgment / resolution P95 is made to miss the target, so the demo shows both outcomes. */
  ackBreach: readonly Priority[];
  resolveBreach: readonly Priority[];
}

const named: readonly ClientProfile[] = [
  {
    config: {
      id: 'smile-dental',
      name: 'Smile Street Dental Group',
      frameworks: ['hipaa'],
      timezone: 'America/New_York',
      compliance_owner: { name: 'Dr. Maya Castellanos', title: 'Practice Owner and HIPAA Security Official' },
      sla: {
        tickets: {
          P1: { acknowledge_hours: 1, resolve_hours: 8 },
          P2: { acknowledge_hours: 4, resolve_hours: 24 },
          P3: { acknowledge_hours: 8, resolve_hours: 72 },
          P4: { acknowledge_hours: 24, resolve_hours: 168 },
        },
        findings_days: { critical: 15, high: 30, medium: 90, low: 180 },
      },
      // A covered provider owes patients accessible documents (ACA Section 1557): its packet is tagged.
      packet: { tagged: true },
      not_applicable: { '164.308(a)(4)(ii)(A)': 'the practice is a covered provider, not a health care clearinghouse' },
    },
    kind: 'dental',
    domain: 'smilestreetdental.example',
    ticketPrefix: 'SSD',
    netOctet: 20,
    hosts: 24,
    externalAssets: 11,
    ticketsPerQuarter: 260,
    internalStaff: ['Renee Alvarez', 'Tom Brandt'],
    ackBreach: ['P2'],
    resolveBreach: ['P3'],
  },
  {
    config: {
      id: 'ledger-cpa',
      name: 'Ledger & Lane CPAs',
      frameworks: ['ftc-safeguards'],
      timezone: 'America/Chicago',
      compliance_owner: { name: 'Daniel Okafor, CPA', title: 'Managing Partner and Qualified Individual' },
      sla: {
        tickets: {
          P1: { acknowledge_hours: 1, resolve_hours: 12 },
          P2: { acknowledge_hours: 4, resolve_hours: 36 },
          P3: { acknowledge_hours: 12, resolve_hours: 96 },
          P4: { acknowledge_hours: 24, resolve_hours: 240 },
        },
        findings_days: { critical: 30, high: 60, medium: 90, low: 180 },
      },
      packet: { tagged: false },
      not_applicable: {},
    },
    kind: 'cpa',
    domain: 'ledgerlanecpas.example',
    ticketPrefix: 'LLC',
    netOctet: 30,
    hosts: 30,
    externalAssets: 12,
    ticketsPerQuarter: 235,
    internalStaff: ['Grace Whitaker', 'Sam Nguyen'],
    ackBreach: [],
    resolveBreach: ['P2', 'P4'],
  },
  {
    config: {
      id: 'hudson-brokerage',
      name: 'Hudson Ridge Brokerage LLC',
      frameworks: ['nydfs-500', 'pci-dss-4.0.1'],
      timezone: 'America/New_York',
      compliance_owner: { name: 'Priya Raman', title: 'Chief Information Security Officer' },
      sla: {
        tickets: {
          P1: { acknowledge_hours: 0.5, resolve_hours: 4 },
          P2: { acknowledge_hours: 2, resolve_hours: 16 },
          P3: { acknowledge_hours: 8, resolve_hours: 48 },
          P4: { acknowledge_hours: 16, resolve_hours: 120 },
        },
        findings_days: { critical: 14, high: 30, medium: 60, low: 120 },
      },
      packet: { tagged: false },
      not_applicable: { 'A2.1.1': 'card payments are taken only through a hosted payment page; no POS POI terminals' },
    },
    kind: 'brokerage',
    domain: 'hudsonridgebrokerage.example',
    ticketPrefix: 'HRB',
    netOctet: 40,
    hosts: 42,
    externalAssets: 16,
    ticketsPerQuarter: 420,
    internalStaff: ['Marcus Feld', 'Janelle Ortiz', 'Owen Sato'],
    ackBreach: ['P1', 'P3'],
    resolveBreach: [],
  },
];

const kindLabel: Record<ClientKind, string> = { dental: 'Dental Practice', cpa: 'Accounting Firm', brokerage: 'Brokerage' };

/** Client n (1-based): the three named ones, then `client-004`… cycling their regimes, zones and SLAs. */
export function clientProfile(n: number): ClientProfile {
  const base = named[(n - 1) % named.length] as ClientProfile;
  if (n <= named.length) return base;
  const num = String(n).padStart(3, '0');
  const id = `client-${num}`;
  return {
    ...base,
    config: {
      ...base.config,
      id,
      name: `Example ${kindLabel[base.kind]} ${num}`,
      compliance_owner: { ...base.config.compliance_owner, name: `Compliance Owner ${num}` },
      // Benchmark clients print untagged, so their figures compare with earlier runs.
      packet: { tagged: false },
    },
    domain: `${id}.example`,
    ticketPrefix: `C${num}`,
    netOctet: 50 + (n % 200),
  };
}
