import type { OwnerSide } from '../../model/client.ts';
import type { RaciEntry } from '../../model/evidence.ts';
import type { EvidenceRef } from '../../model/report.ts';
import { atMostPartial } from './at-most.ts';
import type { Check } from './checks.ts';
import { counted } from './wording.ts';

const sideName = (side: OwnerSide) => (side === 'msp' ? 'the MSP' : 'internal IT');

const rowEvidence = (row: RaciEntry): EvidenceRef => ({
  label: `RACI "${row.task}": Accountable ${sideName(row.accountable)}, Responsible ${row.responsible.map(sideName).join(' and ') || 'nobody'}`,
  // The RACI is agreed by both sides and undated: it counts while it is the one in the drop.
  file: row.source.file, effective: null, side: null, section: 'raci', ttlDays: null, fresh: null,
});

/**
 * Roles for an activity are assigned when the RACI rows naming its controls give each control
 * exactly one Accountable side and each row at least one Responsible side. Rows naming none of its
 * controls say nothing about it: the check then credits nothing (null), rather than a gap.
 */
export function rolesAssigned(activity: string, concerns: (controlId: string) => boolean): Check {
  return (context) => {
    const rows = (context.raci ?? []).filter((row) => row.controls.some(concerns));
    if (rows.length === 0) return null;
    const evidence = rows.map(rowEvidence);
    const controls = [...new Set(rows.flatMap((row) => row.controls.filter(concerns)))].sort();
    const contested = controls.filter((id) => new Set(rows.filter((row) => row.controls.includes(id)).map((row) => row.accountable)).size > 1);
    if (contested.length > 0) return { status: 'gap', reason: `two Accountables in the RACI for ${contested.join(', ')} (${activity})`, evidence };
    const unstaffed = rows.filter((row) => row.responsible.length === 0).map((row) => `"${row.task}"`);
    if (unstaffed.length > 0) return { status: 'gap', reason: `no Responsible side in the RACI for ${unstaffed.join(', ')} (${activity})`, evidence };
    return { status: 'satisfied', reason: `the RACI assigns ${activity} in ${counted(rows.length, 'row')} (${rows.map((r) => `"${r.task}"`).join(', ')}), each control with one Accountable and a Responsible side`, evidence };
  };
}

/** PCI DSS Requirements 1-11 open with x.1.2, roles for the requirement's activities; 12.1.2 is the policy review instead. */
const pciRequirements = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
type PciRequirement = (typeof pciRequirements)[number];

/**
 * A PCI DSS control under Requirement n. RACI rows hold bare ids; the other catalogs' ids begin
 * 164., 314. or 500., so "n." followed by a digit is PCI for n up to 11.
 */
export const underPciRequirement = (n: number) => (controlId: string): boolean => controlId.startsWith(`${n}.`) && /^\d+\.\d/.test(controlId);

/** RACI rows show roles documented and assigned; whether people understand them, no RACI shows. */
export const roleChecks = {
  ...(Object.fromEntries(pciRequirements.map((n) => [
    `roles-pci-requirement-${n}`,
    atMostPartial(rolesAssigned(`the activities of PCI DSS Requirement ${n}`, underPciRequirement(n)), 'that the roles are understood by the people who hold them'),
  ])) as Record<`roles-pci-requirement-${PciRequirement}`, Check>),
  // HIPAA 164.308(a)(2) asks to identify the security official, a person; the RACI names only a side.
  'roles-security-official': atMostPartial(rolesAssigned('the HIPAA security official duty', (id) => id === '164.308(a)(2)'), 'which person is the security official'),
};
