import { beforeAll, describe, expect, it } from 'vitest';
import type { ControlAssessment, ReportModel } from '../../src/model/report.ts';
import { exampleReports } from './example-drop.ts';

/** The roles, policy, inventory and escalation rules on the example drop's latest period. */
let reports: Map<string, ReportModel>;
beforeAll(async () => {
  reports = await exampleReports();
});

const control = (client: string, id: string): ControlAssessment => reports.get(client)!.controls.controls.find((c) => c.id === id)!;

describe('the added evidence rules on the example drop', () => {
  it('still exercises every status, and no control is satisfied without a rule', () => {
    const all = [...reports.values()].flatMap((r) => r.controls.controls);
    expect([...new Set(all.map((c) => c.status))].sort()).toEqual(['gap', 'not-applicable', 'not-assessed', 'partial', 'satisfied']);
    expect(all.filter((c) => c.status === 'satisfied' && c.rule === null)).toEqual([]);
  });

  it('PCI DSS x.1.2: partial from the RACI where it names the requirement\'s controls, not assessed where it names none', () => {
    expect(control('hudson-brokerage', '8.1.2')).toMatchObject({
      status: 'partial', rule: { id: 'roles-pci-requirement-8' },
      reason: expect.stringMatching(/^the RACI assigns the activities of PCI DSS Requirement 8 in 3 rows .*not shown by this evidence: that the roles are understood/),
    });
    expect(control('hudson-brokerage', '8.1.2').evidence.every((e) => e.section === 'raci' && e.file === 'hudson-brokerage/raci.csv')).toBe(true);
    // The example RACI names no control of Requirements 2, 3, 4 or 9.
    for (const id of ['2.1.2', '3.1.2', '4.1.2', '9.1.2']) expect(control('hudson-brokerage', id)).toMatchObject({ status: 'not-assessed', rule: null });
    // The RACI alone shows a side, not the person: partial. The practice's policy naming its security
    // official shows the rest, so together they satisfy the control; both rules are listed.
    const official = control('smile-dental', '164.308(a)(2)');
    expect(official).toMatchObject({ status: 'satisfied', rule: { id: 'policy-documents' } });
    expect(official.rules?.map((r) => [r.id, r.status])).toEqual([['roles-security-official', 'partial'], ['policy-documents', 'satisfied']]);
  });

  it('PCI DSS x.1.1: the brokerage\'s policies name what they cover; the physical security policy is past its review date', () => {
    for (const id of ['1.1.1', '2.1.1', '3.1.1', '4.1.1', '5.1.1', '6.1.1', '7.1.1', '8.1.1', '10.1.1', '11.1.1']) {
      expect(control('hudson-brokerage', id)).toMatchObject({ status: 'satisfied', rule: { id: 'policy-documents' } });
    }
    expect(control('hudson-brokerage', '9.1.1')).toMatchObject({ status: 'gap', reason: '"Physical security policy" past its review date (2026-06-01): stale' });
  });

  it('asset inventory: the brokerage inventories every scanned host and internet-facing asset; the CPA firm misses its internet-facing ones', () => {
    expect(control('hudson-brokerage', '500.13(a)')).toMatchObject({ status: 'satisfied', rule: { id: 'asset-inventory' }, reason: expect.stringMatching(/^every one of the 58 hosts seen by this period's scans is in the inventory/) });
    expect(control('hudson-brokerage', '12.5.1')).toMatchObject({ status: 'partial', rule: { id: 'asset-inventory-pci' }, reason: expect.stringContaining('not shown by this evidence: the function or use of each component') });
    // Internal hosts are matched by the address the inventory gives; the external assets are not listed.
    expect(control('ledger-cpa', '314.4(c)(2)')).toMatchObject({ status: 'partial', rule: { id: 'asset-inventory-ftc' }, reason: expect.stringMatching(/^11 of 41 hosts seen by this period's scans are not in the inventory of 30 devices: 203\.0\.113\.10, files\.ledgerlanecpas\.example/) });
  });

  it('incident escalation: every high alert acknowledged within the P2 target at the brokerage; partial at best for HIPAA', () => {
    expect(control('hudson-brokerage', '12.10.5')).toMatchObject({ status: 'satisfied', rule: { id: 'incident-escalation' }, reason: expect.stringMatching(/^4 critical or high alerts, each acknowledged within target/) });
    expect(control('smile-dental', '164.308(a)(6)(ii)')).toMatchObject({ status: 'partial', rule: { id: 'incident-escalation-hipaa' } });
  });
});
