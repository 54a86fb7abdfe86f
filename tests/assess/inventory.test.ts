import { describe, expect, it } from 'vitest';
import { runCheck, type CheckContext } from '../../src/assess/controls/checks.ts';
import { hostKey } from '../../src/assess/controls/inventory.ts';
import type { PatchStatus } from '../../src/model/evidence.ts';
import type { FindingRow, IngestFile } from '../../src/model/report.ts';
import { sampleReport } from '../support/sample-report.ts';

const file = (name: string, kind: IngestFile['kind'], effective = '2026-09-28'): IngestFile => ({
  file: `c/2026-Q3/${name}`, kind, format: `generic-${kind}-csv`, sha256: 'a'.repeat(64), bytes: 10, effective, rowsRead: 1, accepted: 1, rejected: 0, duplicates: 0,
});
const scan = file('nessus.csv', 'findings');
const inventory = file('patches.csv', 'patches');

const template = sampleReport({ findings: 1 }).findings.open[0]!;
const finding = (host: string, from: IngestFile | null = scan): FindingRow => ({ ...template, key: `nessus|1|${host}|443|tcp`, host, source: from ? { file: from.file, line: 2 } : null });
const device = (name: string): PatchStatus => ({
  device: name, patchId: 'KB1', title: 'Update', severity: 'high', status: 'installed', released: '2026-09-01', installed: '2026-09-02', source: { file: inventory.file, line: 2 },
});

function context(options: { open?: FindingRow[]; fixed?: FindingRow[]; devices?: string[]; files?: IngestFile[] }): CheckContext {
  const report = sampleReport({ findings: 0 });
  return {
    periodEnd: '2026-09-30', tickets: report.tickets, scanSide: 'msp',
    findings: { ...report.findings, open: options.open ?? [], fixed: options.fixed ?? [] },
    files: options.files ?? [scan, inventory],
    records: { alerts: [], restoreTests: [], accessReviews: [], remoteSessions: [], patches: (options.devices ?? []).map(device), riskAcceptances: [] },
    remediationDays: { critical: 15, high: 30, medium: 90, low: 180 },
  };
}

describe('asset-inventory: every scanned host is in the device inventory', () => {
  it('matches hosts case-insensitively and by the first label of a DNS name, never an address by its first octet', () => {
    expect(hostKey('HRB-WS01')).toBe('hrb-ws01');
    expect(hostKey('hrb-ws01.corp.hudson.example')).toBe('hrb-ws01');
    expect(hostKey('10.40.0.10')).toBe('10.40.0.10');
  });

  it('satisfied when the inventory holds every host of open and fixed findings of this period\'s scans', () => {
    const outcome = runCheck('asset-inventory', context({ open: [finding('hrb-ws01.corp.example'), finding('HRB-WS02')], fixed: [finding('hrb-ws03')], devices: ['HRB-WS01', 'HRB-WS02', 'HRB-WS03', 'HRB-WS04'] }), 92);
    expect(outcome).toMatchObject({ status: 'satisfied', reason: 'every one of the 3 hosts seen by this period\'s scans is in the inventory of 4 devices' });
    expect(outcome!.evidence.map((e) => e.file)).toEqual(['c/2026-Q3/patches.csv', 'c/2026-Q3/nessus.csv']);
  });

  it('partial, naming the hosts the inventory lacks; findings carried from an earlier scan do not count', () => {
    const earlier = file('old-scan.csv', 'findings');
    const outcome = runCheck('asset-inventory', context({
      open: [finding('HRB-WS01'), finding('10.40.0.10'), finding('mail.hudson.example'), finding('legacy-fax', earlier)], devices: ['HRB-WS01'],
      files: [scan, inventory],
    }), 92);
    expect(outcome).toMatchObject({ status: 'partial', reason: '2 of 3 hosts seen by this period\'s scans are not in the inventory of 1 device: 10.40.0.10, mail.hudson.example' });
  });

  it('accounts for a host scanned by address through the address the inventory gives its device', () => {
    const base = context({ open: [finding('10.40.0.10'), finding('HRB-SRV01')] });
    const withAddress = { ...base, records: { ...base.records, patches: [{ ...device('HRB-SRV01'), address: '10.40.0.10' }] } };
    expect(runCheck('asset-inventory', withAddress, 92)).toMatchObject({ status: 'satisfied', reason: 'every one of the 2 hosts seen by this period\'s scans is in the inventory of 1 device' });
  });

  it('names at most ten absent hosts and counts the rest', () => {
    const open = Array.from({ length: 12 }, (_, i) => finding(`10.0.0.${10 + i}`));
    expect(runCheck('asset-inventory', context({ open, devices: ['WS01'] }), 92)?.reason).toMatch(/: 10\.0\.0\.10, .*, 10\.0\.0\.19 and 2 more$/);
  });

  it('a gap without an inventory or with a stale one; partial when no scan ran to check it against', () => {
    expect(runCheck('asset-inventory', context({ open: [finding('WS01')], files: [scan] }), 92)).toMatchObject({ status: 'gap', reason: 'no device inventory (patch status export) in this period', evidence: [] });
    expect(runCheck('asset-inventory', context({ devices: ['WS01'], files: [scan, file('patches.csv', 'patches', '2026-05-01')] }), 92))
      .toMatchObject({ status: 'gap', reason: 'the newest device inventory (2026-05-01) is older than 92 days at the period end' });
    expect(runCheck('asset-inventory', context({ devices: ['WS01', 'WS02'], files: [inventory] }), 92))
      .toMatchObject({ status: 'partial', reason: 'the inventory lists 2 devices, but no vulnerability scan this period to check it against' });
  });

  it('PCI DSS 12.5.1 and FTC 314.4(c)(2) ask more than a device list: a complete inventory is still only partial for them', () => {
    const complete = context({ open: [finding('WS01')], devices: ['WS01'] });
    expect(runCheck('asset-inventory-pci', complete, 92)).toMatchObject({ status: 'partial', reason: expect.stringMatching(/; not shown by this evidence: the function or use of each component, and which components are in PCI DSS scope$/) });
    expect(runCheck('asset-inventory-ftc', complete, 92)).toMatchObject({ status: 'partial', reason: expect.stringMatching(/; not shown by this evidence: an inventory of data, personnel and facilities$/) });
    // A gap stays a gap under the cap.
    expect(runCheck('asset-inventory-ftc', context({ files: [scan] }), 92)?.status).toBe('gap');
  });
});
