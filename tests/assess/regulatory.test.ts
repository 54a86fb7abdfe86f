import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.ts';
import { exampleReports } from './example-drop.ts';

let reports: Map<string, ReportModel>;
beforeAll(async () => {
  reports = await exampleReports();
});

describe('control status on the example drop', () => {
  it('assesses every in-scope framework and only those', () => {
    expect(reports.get('hudson-brokerage')!.controls.frameworks.map((f) => f.id)).toEqual(['nydfs-500', 'pci-dss-4.0.1']);
    expect(reports.get('smile-dental')!.controls.frameworks.map((f) => f.id)).toEqual(['hipaa']);
  });

  it('credits the MSP scans to HIPAA, NYDFS, FTC and PCI controls alike, with the accountable side from the RACI', () => {
    const control = (client: string, id: string) => reports.get(client)!.controls.controls.find((c) => c.id === id)!;
    expect(control('smile-dental', '164.308(a)(1)(ii)(B)')).toMatchObject({ status: 'partial', rule: { id: 'vulnerability-scans-remediated' } });
    expect(control('ledger-cpa', '314.4(d)(2)')).toMatchObject({ rule: { id: 'vulnerability-scans-remediated' } });
    expect(control('hudson-brokerage', '11.3.1')).toMatchObject({ status: 'partial' });
    expect(control('hudson-brokerage', '500.5(a)(2)').evidence.some((e) => e.file === 'hudson-brokerage/2026-Q3/nessus-internal.csv')).toBe(true);
    expect(control('hudson-brokerage', 'A2.1.1')).toMatchObject({ status: 'not-applicable' });
    expect(control('hudson-brokerage', '500.12(a)')).toMatchObject({ status: 'not-assessed', rule: null });
  });

  it('exercises every status across the example clients', () => {
    const statuses = new Set([...reports.values()].flatMap((r) => r.controls.controls.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(['gap', 'not-applicable', 'not-assessed', 'partial', 'satisfied']);
    const gap = reports.get('ledger-cpa')!.controls.controls.find((c) => c.id === '314.4(c)(1)')!;
    expect(gap).toMatchObject({ status: 'gap', rule: { id: 'access-reviewed' }, reason: 'no access review in the 92 days before the period end' });
  });

  it('takes a risk acceptance in force into account and says when one expired', () => {
    const scans = reports.get('hudson-brokerage')!.controls.controls.find((c) => c.id === '500.5(c)')!;
    expect(scans.reason).toMatch(/covered by a risk acceptance in force/);
    expect(scans.reason).toMatch(/under an expired acceptance, which no longer counts/);
    expect(scans.evidence.map((e) => e.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^risk acceptance RA-2026-002 .*expired\)$/)]));
  });

  it('carries each control status of the previous period', () => {
    const control = reports.get('smile-dental')!.controls.controls.find((c) => c.id === '164.308(a)(1)(ii)(B)')!;
    expect(control.previousStatus).toBe('partial');
  });

  it('prepares NYDFS 500.17(b) certification support, naming what an acknowledgment of noncompliance would list', () => {
    const nydfs = reports.get('hudson-brokerage')!.regulatory.nydfsCertification!;
    expect(nydfs.supportsCertification).toBe(false);
    expect(nydfs.sections.find((s) => s.id === '500.5')).toMatchObject({ status: 'partial', title: 'Vulnerability management' });
    expect(nydfs.sections.map((s) => s.id)).not.toContain('500.1');
    expect(nydfs.acknowledgmentItems.map((i) => i.id)).toContain('500.5(a)(2)');
    expect(reports.get('hudson-brokerage')!.regulatory.ftcBoardReport).toBeNull();
  });

  it('prepares the FTC 314.4(i) board report with its elements, material matters and recommendations', () => {
    const ftc = reports.get('ledger-cpa')!.regulatory.ftcBoardReport!;
    expect(ftc.elements.map((e) => e.id)).toEqual(['314.4(a)', '314.4(b)', '314.4(c)', '314.4(d)', '314.4(e)', '314.4(f)', '314.4(g)', '314.4(h)', '314.4(i)', '314.4(j)']);
    expect(ftc.materialMatters[0]).toMatch(/^\d+ open vulnerability findings on \d+ hosts/);
    expect(ftc.recommendations.length).toBeGreaterThan(0);
  });

  it('summarises the HIPAA risk analysis by safeguard', () => {
    const hipaa = reports.get('smile-dental')!.regulatory.hipaaRiskAnalysis!;
    expect(hipaa.safeguards.map((s) => `${s.id} ${s.title}`)).toEqual([
      '164.308 Administrative safeguards', '164.310 Physical safeguards', '164.312 Technical safeguards', '164.314 Organizational requirements', '164.316 Policies, procedures and documentation',
    ]);
    // The contingency plan is past its review date: a gap in the administrative safeguards.
    expect(hipaa.safeguards[0]!.status).toBe('gap');
    expect(hipaa.gaps.find((g) => g.id === '164.308(a)(7)(ii)(B)')).toMatchObject({ status: 'gap', reason: expect.stringMatching(/stale$/) });
    expect(hipaa.gaps.every((g) => g.status === 'gap' || g.status === 'partial')).toBe(true);
  });
});
