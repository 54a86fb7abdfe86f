/** raci.csv: the co-managed split of security tasks, with the control ids each task evidences, per framework. */
import type { Framework, OwnerSide } from '../../src/model/client.ts';
import type { ClientKind } from './clients.ts';
import { type CsvData, quoteIfNeeded } from './csv.ts';

type Sides = readonly OwnerSide[];

interface Task {
  task: string;
  controls: Record<Framework, readonly string[]>;
  responsible: Sides;
  accountable: OwnerSide;
  consulted: Sides;
  informed: Sides;
}

const msp = ['msp'] as const;
const internal = ['internal'] as const;
const both = ['internal', 'msp'] as const;
const none = [] as const;

// Internal keeps policy, approvals and command; the MSP runs the operational controls (DESIGN.md).
const tasks: readonly Task[] = [
  {
    task: 'Internal and external vulnerability scanning',
    controls: { hipaa: ['164.308(a)(8)'], 'ftc-safeguards': ['314.4(d)(2)'], 'nydfs-500': ['500.5(a)(2)'], 'pci-dss-4.0.1': ['11.3.1', '11.3.2'] },
    responsible: msp, accountable: 'msp', consulted: none, informed: internal,
  },
  {
    task: 'OS and third-party patching',
    // The Safeguards Rule names no patching element (314.4(c)(7) is change management), so the row
    // evidences none of its controls, as the crosswalk's patching topic leaves the FTC out.
    controls: { hipaa: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'], 'ftc-safeguards': [], 'nydfs-500': ['500.5(c)'], 'pci-dss-4.0.1': ['6.3.3'] },
    responsible: msp, accountable: 'msp', consulted: internal, informed: none,
  },
  {
    task: 'EDR and SIEM monitoring, 24x7 alert triage',
    controls: { hipaa: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(B)', '164.312(b)'], 'ftc-safeguards': ['314.4(c)(8)', '314.4(d)(2)'], 'nydfs-500': ['500.14(a)(1)', '500.14(b)', '500.6(a)'], 'pci-dss-4.0.1': ['5.2.1', '10.4.1', '10.7.2'] },
    responsible: msp, accountable: 'msp', consulted: none, informed: internal,
  },
  {
    task: 'Backups, restore tests and RPO/RTO reporting',
    // 314.4(h) and PCI 12.10.1 are the incident response plan, held by the internal side's row below;
    // the FTC Rule has no backup requirement.
    controls: { hipaa: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(7)(ii)(D)'], 'ftc-safeguards': [], 'nydfs-500': ['500.16(a)(2)', '500.16(d)(2)', '500.16(e)'], 'pci-dss-4.0.1': [] },
    responsible: msp, accountable: 'msp', consulted: internal, informed: none,
  },
  {
    task: 'User access reviews and access approvals',
    controls: { hipaa: ['164.308(a)(3)(ii)(B)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)'], 'ftc-safeguards': ['314.4(c)(1)'], 'nydfs-500': ['500.7(a)(1)', '500.7(a)(4)', '500.7(a)(6)'], 'pci-dss-4.0.1': ['7.2.4', '8.2.6'] },
    responsible: both, accountable: 'internal', consulted: none, informed: none,
  },
  {
    task: 'Multi-factor authentication enforcement',
    controls: { hipaa: ['164.312(d)'], 'ftc-safeguards': ['314.4(c)(5)'], 'nydfs-500': ['500.12(a)'], 'pci-dss-4.0.1': ['8.4.2', '8.4.3'] },
    responsible: msp, accountable: 'internal', consulted: none, informed: none,
  },
  {
    task: 'Vendor remote access sessions',
    controls: { hipaa: ['164.308(b)(1)', '164.312(a)(1)'], 'ftc-safeguards': ['314.4(f)', '314.4(c)(1)'], 'nydfs-500': ['500.11(b)(1)', '500.7(a)(5)'], 'pci-dss-4.0.1': ['8.2.7', '12.8.4'] },
    responsible: both, accountable: 'internal', consulted: none, informed: none,
  },
  {
    task: 'Incident response command',
    controls: { hipaa: ['164.308(a)(6)(ii)'], 'ftc-safeguards': ['314.4(h)', '314.4(j)'], 'nydfs-500': ['500.16(a)(1)', '500.17(a)'], 'pci-dss-4.0.1': ['12.10.1'] },
    responsible: internal, accountable: 'internal', consulted: msp, informed: none,
  },
  {
    task: 'Security policy ownership and annual review',
    // PCI 12.4.1 (executive responsibility for a compliance program) binds service providers only;
    // a merchant's policy ownership and yearly review are 12.1.1, 12.1.2 and 12.1.4.
    controls: { hipaa: ['164.316(a)', '164.316(b)(1)', '164.308(a)(2)'], 'ftc-safeguards': ['314.4(a)', '314.4(g)'], 'nydfs-500': ['500.3', '500.4(a)'], 'pci-dss-4.0.1': ['12.1.1', '12.1.2', '12.1.4'] },
    responsible: internal, accountable: 'internal', consulted: msp, informed: none,
  },
  {
    task: 'Security awareness training and phishing simulation',
    controls: { hipaa: ['164.308(a)(5)(i)'], 'ftc-safeguards': ['314.4(e)'], 'nydfs-500': ['500.14(a)(3)'], 'pci-dss-4.0.1': ['12.6.1', '12.6.3.1'] },
    responsible: msp, accountable: 'internal', consulted: none, informed: none,
  },
  {
    task: 'Firewall and VPN management',
    // Transmission security and encryption in transit; who may access what stays with the access rows.
    controls: { hipaa: ['164.312(e)(1)'], 'ftc-safeguards': ['314.4(c)(3)'], 'nydfs-500': ['500.7(a)(5)', '500.15(a)'], 'pci-dss-4.0.1': ['1.2.1', '1.2.7', '1.3.1'] },
    responsible: msp, accountable: 'msp', consulted: internal, informed: none,
  },
  {
    task: 'Help desk and ticket SLA',
    // The SLA is how the firm oversees its service provider: the MSP meets it, the firm is
    // accountable for the oversight. A help desk ticket is not a security incident (164.308(a)(6)(ii)).
    controls: { hipaa: [], 'ftc-safeguards': ['314.4(f)'], 'nydfs-500': ['500.11(a)'], 'pci-dss-4.0.1': ['12.8.4'] },
    responsible: msp, accountable: 'internal', consulted: none, informed: none,
  },
  {
    task: 'Hardware and software asset inventory',
    controls: { hipaa: ['164.310(d)(1)', '164.310(d)(2)(iii)'], 'ftc-safeguards': ['314.4(c)(2)'], 'nydfs-500': ['500.13(a)'], 'pci-dss-4.0.1': ['12.5.1', '6.3.2'] },
    responsible: msp, accountable: 'msp', consulted: internal, informed: none,
  },
  {
    task: 'Annual risk assessment',
    // The risk analysis; risk management (164.308(a)(1)(ii)(B)) is the patching and remediation row's.
    controls: { hipaa: ['164.308(a)(1)(ii)(A)'], 'ftc-safeguards': ['314.4(b)', '314.4(b)(2)'], 'nydfs-500': ['500.9(a)'], 'pci-dss-4.0.1': ['12.3.1'] },
    responsible: internal, accountable: 'internal', consulted: msp, informed: none,
  },
  {
    task: 'Board and regulator reporting',
    // Neither the HIPAA Security Rule nor PCI DSS (for a merchant) requires a report to the board;
    // 164.316(b)(1) documentation is the policy row's.
    controls: { hipaa: [], 'ftc-safeguards': ['314.4(i)'], 'nydfs-500': ['500.4(b)', '500.17(b)'], 'pci-dss-4.0.1': [] },
    responsible: internal, accountable: 'internal', consulted: msp, informed: none,
  },
];

/** Where a client departs from the usual split: a small CPA firm leans on the MSP, a brokerage's CISO watches everything. */
const overrides: Record<ClientKind, Record<string, Partial<Task>>> = {
  dental: {},
  cpa: {
    'Annual risk assessment': { responsible: both },
    'Security awareness training and phishing simulation': { accountable: 'msp', informed: internal },
  },
  brokerage: {
    'EDR and SIEM monitoring, 24x7 alert triage': { consulted: internal, informed: none },
    'Firewall and VPN management': { accountable: 'internal', consulted: none },
  },
};

export function raciCsv(frameworks: readonly Framework[], kind: ClientKind): CsvData {
  const rows = tasks.map((base) => {
    const t = { ...base, ...overrides[kind][base.task] };
    const controls = [...new Set(frameworks.flatMap((f) => t.controls[f]))];
    return [t.task, controls.join(';'), t.responsible.join(';'), t.accountable, t.consulted.join(';'), t.informed.join(';')];
  });
  return { header: ['task', 'controls', 'responsible', 'accountable', 'consulted', 'informed'], rows, quote: quoteIfNeeded };
}
