import { atMostPartial } from './at-most.ts';
import type { Check } from './checks.ts';
import { fileEvidence } from './file-evidence.ts';
import { counted } from './wording.ts';

const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * A host as both sides name it: case-insensitive, and a DNS name by its first label, since
 * inventories list devices by short name (HRB-WS01) and scanners often by FQDN. An address stays
 * whole: only an inventory that lists addresses can account for a host scanned by address.
 */
export const hostKey = (name: string): string => {
  const host = name.trim().toLowerCase();
  return ipv4.test(host) ? host : host.split('.')[0]!;
};

const shown = 10;
const list = (hosts: readonly string[]) => `${hosts.slice(0, shown).join(', ')}${hosts.length > shown ? ` and ${hosts.length - shown} more` : ''}`;

/**
 * The device inventory (the patch status export lists every managed device) accounts for every
 * host this quarter's vulnerability scans saw. A scanned host it lacks means the inventory is
 * incomplete: partial, naming the hosts. Without an inventory, or with a stale one, a gap.
 */
const assetInventory: Check = (context, ttlDays) => {
  const inventory = fileEvidence(context, 'patches', 'msp', ttlDays);
  if (inventory.files.length === 0) return { status: 'gap', reason: 'no device inventory (patch status export) in this period', evidence: [] };
  if (!inventory.fresh) return { status: 'gap', reason: `the newest device inventory (${inventory.newest ?? 'undated'}) is older than ${ttlDays} days at the period end`, evidence: inventory.evidence };
  // A device counts under its name and, when the export gives it, its address.
  const devices = new Set(context.records.patches.flatMap((p) => [hostKey(p.device), ...(p.address ? [hostKey(p.address)] : [])]));
  const deviceCount = new Set(context.records.patches.map((p) => hostKey(p.device))).size;
  const scans = fileEvidence(context, 'findings', context.scanSide, ttlDays);
  const scanFiles = new Set(scans.files.map((f) => f.file));
  const evidence = [...inventory.evidence, ...scans.evidence];
  if (scanFiles.size === 0) return { status: 'partial', reason: `the inventory lists ${counted(deviceCount, 'device')}, but no vulnerability scan this period to check it against`, evidence };
  // Hosts seen by this period's scans: open findings and those the scans found fixed.
  const scanned = new Set([...context.findings.open, ...context.findings.fixed].filter((f) => f.source !== null && scanFiles.has(f.source.file)).map((f) => f.host.trim().toLowerCase()));
  const absent = [...scanned].filter((host) => !devices.has(hostKey(host))).sort();
  if (absent.length > 0) return { status: 'partial', reason: `${absent.length} of ${counted(scanned.size, 'host')} seen by this period's scans are not in the inventory of ${counted(deviceCount, 'device')}: ${list(absent)}`, evidence };
  return { status: 'satisfied', reason: `every one of the ${counted(scanned.size, 'host')} seen by this period's scans is in the inventory of ${counted(deviceCount, 'device')}`, evidence };
};

export const inventoryChecks = {
  'asset-inventory': assetInventory,
  // PCI DSS 12.5.1 wants each in-scope component with its function or use; the export lists devices only.
  'asset-inventory-pci': atMostPartial(assetInventory, 'the function or use of each component, and which components are in PCI DSS scope'),
  // FTC 314.4(c)(2) inventories data, personnel and facilities too, not only devices and systems.
  'asset-inventory-ftc': atMostPartial(assetInventory, 'an inventory of data, personnel and facilities'),
};
