/**
 * Each client's own policies and plans (`<client>/policies/*.md`): Markdown with front matter
 * naming the controls they satisfy. Two are past their review date, so the example shows a stale
 * document turning its control into a gap.
 */
import type { ClientKind, ClientProfile } from './clients.ts';

interface DocumentSpec {
  name: string;
  title: string;
  kind: 'policy' | 'procedure' | 'plan';
  effective: string;
  nextReview: string;
  controls: string[];
  body: string;
}

const byKind: Record<ClientKind, DocumentSpec[]> = {
  dental: [
    {
      name: 'hipaa-security-policies.md', title: 'HIPAA security policies and procedures', kind: 'policy', effective: '2026-01-10', nextReview: '2027-01-10',
      controls: ['164.316(a)', '164.316(b)(1)', '164.308(a)(2)'],
      body: [
        'The practice protects the confidentiality, integrity and availability of ePHI. The Security Official owns these policies; the MSP operates the technical safeguards named in the RACI matrix.',
        '## Who does what',
        '| Safeguard | Internal team | MSP |\n|:--|:--|:--|\n| Policies and workforce training | Owns and approves | Consulted |\n| Access approvals and reviews | Approves | Carries out |\n| Patching, backups, monitoring | Informed | Operates |',
        '## Documentation',
        '- Policies, procedures and the records of actions they require are kept **six years** from the later of creation or last effect.\n- They are available to everyone who carries them out.\n- They are reviewed every year and after a change in the environment.',
      ].join('\n\n'),
    },
    {
      name: 'contingency-plan.md', title: 'Contingency and disaster recovery plan', kind: 'plan', effective: '2025-03-01', nextReview: '2026-03-01',
      controls: ['164.308(a)(7)(ii)(B)'],
      body: [
        'Restores of the practice management database and imaging archive are tested quarterly by the MSP. This plan is due for its annual review.',
        '| System | Recovery point | Recovery time |\n|:--|--:|--:|\n| Practice management database | 4 hours | 8 hours |\n| Imaging archive | 24 hours | 24 hours |\n| File server | 24 hours | 48 hours |',
        '1. The MSP restores the system from the latest good backup.\n2. The practice administrator confirms the data with the front desk.\n3. The MSP records the restore test in the quarterly export.',
      ].join('\n\n'),
    },
  ],
  cpa: [
    {
      name: 'written-information-security-program.md', title: 'Written information security program', kind: 'policy', effective: '2026-02-01', nextReview: '2027-02-01',
      controls: ['314.4(a)', '314.4(b)(1)'],
      body: [
        'The Qualified Individual oversees the program. Risks to customer information are assessed yearly and after material changes.',
        '## Elements of the program',
        '- [x] Qualified Individual designated (314.4(a))\n- [x] Written risk assessment (314.4(b))\n- [x] Safeguards designed from the risk assessment (314.4(c))\n- [ ] Penetration test scheduled for next year (314.4(d)(2))',
        '> The Qualified Individual reports to the partners in writing at least once a year (314.4(i)).',
      ].join('\n\n'),
    },
    {
      name: 'incident-response-plan.md', title: 'Incident response plan', kind: 'plan', effective: '2026-02-01', nextReview: '2027-02-01',
      controls: ['314.4(h)'],
      body: [
        'The managing partner commands incidents; the MSP contains and investigates; notification decisions stay with the firm.',
        '| Step | Who | Within |\n|:--|:--|--:|\n| Triage the alert | MSP security desk | 1 hour |\n| Decide whether customer information was acquired | Managing partner | 24 hours |\n| Notify the FTC of a notification event of 500 or more consumers | Managing partner | 30 days |',
      ].join('\n\n'),
    },
  ],
  brokerage: [
    {
      name: 'cybersecurity-policy.md', title: 'Cybersecurity policy', kind: 'policy', effective: '2026-04-01', nextReview: '2027-04-01',
      controls: ['500.3(a)', '500.3(d)', '500.3(n)', '12.1.1', '12.1.2'],
      body: [
        'Approved by the senior governing body. Covers information security, access control and incident response; reviewed at least annually.',
        '## Scope',
        '- Every information system holding nonpublic information or cardholder data\n- Every employee, contractor and third-party service provider with access to them',
        '## Review',
        'The CISO reviews this policy every year and after any material change, and presents it to the board for approval.',
      ].join('\n\n'),
    },
    {
      name: 'incident-response-plan.md', title: 'Incident response and business continuity plan', kind: 'plan', effective: '2026-04-01', nextReview: '2027-04-01',
      controls: ['500.16(a)(1)', '12.10.1'],
      body: [
        'The CISO commands incidents; the MSP runs detection and containment; the firm notifies the superintendent within 72 hours where required.',
        '| Role | Side | Duty |\n|:--|:--|:--|\n| Incident commander | Internal (CISO) | Declares, decides, notifies |\n| Detection and containment | MSP | Triage, isolate, collect evidence |\n| Recovery | MSP | Restore from protected backups |',
      ].join('\n\n'),
    },
    // One policy or standard per group of PCI DSS requirements, each naming the x.1.1 it documents.
    pciDocument({ name: 'network-security-standard.md', title: 'Network security and secure configuration standard', kind: 'procedure', controls: ['1.1.1', '2.1.1'], owner: 'the CISO with the MSP network lead' }, [
      'How the firm builds, changes and reviews the firewalls, VPN and systems around the cardholder data environment (CDE). The MSP operates the network security controls; the CISO approves every change to what may reach the CDE.',
      '## Network security controls (PCI DSS Requirement 1)',
      '- Only the traffic listed in the ruleset register may enter or leave the CDE; everything else is denied.\n- Every ruleset change goes through a change ticket approved by the CISO before the MSP applies it.\n- The MSP and the CISO review every ruleset every six months and remove rules without a business owner.\n- The network and data-flow diagrams are updated with each change and checked at each review.',
      '## Secure configuration (PCI DSS Requirement 2)',
      '- Servers, workstations and network devices are built from the MSP\'s hardened baselines, derived from the CIS Benchmarks.\n- Vendor default accounts are disabled or their passwords changed before a system joins the network.\n- Each server has one primary function; unneeded services and protocols are removed.',
    ]),
    pciDocument({ name: 'cardholder-data-protection-policy.md', title: 'Cardholder data protection policy', kind: 'policy', controls: ['3.1.1', '4.1.1'], owner: 'the CISO' }, [
      'Card payments are taken through the processor\'s hosted payment page. The firm keeps no full card number after authorisation, and never stores sensitive authentication data.',
      '## Stored account data (PCI DSS Requirement 3)',
      '| Data | Kept | Where | How long |\n|:--|:--|:--|:--|\n| Full card number (PAN) | Not kept | none | none |\n| Truncated PAN (first six, last four) | Yes | Client billing records | Seven years |\n| CVV, PIN, track data | Never | none | none |',
      '## Data in transit (PCI DSS Requirement 4)',
      '- Card data crosses public networks only over TLS 1.2 or later with certificates from a trusted authority.\n- Card numbers are never sent by email, chat or text message; staff who receive one delete it and tell the CISO.',
    ]),
    pciDocument({ name: 'vulnerability-and-malware-management.md', title: 'Vulnerability, patch and malware management procedure', kind: 'procedure', controls: ['5.1.1', '6.1.1', '11.1.1'], owner: 'the CISO with the MSP service manager' }, [
      'The MSP runs anti-malware, patching and vulnerability scanning for every system in scope; the CISO sets the remediation deadlines and accepts any risk left open past them.',
      '## Malware (PCI DSS Requirement 5)',
      '- EDR runs on every workstation and server, updates itself daily and cannot be turned off by users.\n- Removable media is scanned when connected; a quarantined file opens an alert for the MSP security desk.',
      '## Secure systems and software (PCI DSS Requirement 6)',
      '| Severity | Patched within |\n|:--|--:|\n| Critical | 14 days |\n| High | 30 days |\n| Medium | 60 days |\n| Low | 120 days |',
      '## Security testing (PCI DSS Requirement 11)',
      '- Internal vulnerability scans every quarter and after significant changes, rescanned until no high or critical finding is left.\n- External scans every quarter by an Approved Scanning Vendor.\n- Penetration testing of the CDE and its segmentation every year.',
    ]),
    pciDocument({ name: 'access-control-policy.md', title: 'Access control and authentication policy', kind: 'policy', controls: ['7.1.1', '8.1.1'], owner: 'the CISO' }, [
      'Access to systems holding cardholder data or nonpublic information is given by role, approved by the data owner, and reviewed every quarter.',
      '## Need to know (PCI DSS Requirement 7)',
      '- Each role has a documented set of access rights; anything beyond it needs the CISO\'s written approval.\n- Managers and the CISO review every account and its rights each quarter; access no longer needed is removed within five business days.',
      '## Identification and authentication (PCI DSS Requirement 8)',
      '- Every user has a unique account; shared and generic accounts are not allowed.\n- Multi-factor authentication for all remote access and all access to the CDE.\n- Passwords of at least 12 characters; accounts lock after 10 failed attempts.\n- Accounts of leavers are disabled on their last day.',
    ]),
    pciDocument({ name: 'logging-and-monitoring-standard.md', title: 'Logging and monitoring standard', kind: 'procedure', controls: ['10.1.1'], owner: 'the CISO with the MSP security desk lead' }, [
      'Systems in scope send their security logs to the SIEM that the MSP runs; the MSP security desk reviews alerts around the clock.',
      '- Logged: logons and failures, use of privileged accounts, changes to accounts and audit settings, access to cardholder data.\n- Clocks synchronised to the MSP\'s time servers.\n- Logs kept twelve months, the last three immediately available.\n- Critical and high alerts acknowledged within one hour and escalated to the CISO when they may be an incident.',
    ]),
    // Past its review date at the end of 2026-Q3: the example shows a stale policy for PCI DSS as well.
    pciDocument({ name: 'physical-security-policy.md', title: 'Physical security policy', kind: 'policy', controls: ['9.1.1'], owner: 'the office manager', effective: '2025-06-01', nextReview: '2026-06-01' }, [
      'The server room and the network cabinets are locked; badges are issued by the office manager and reviewed every quarter.',
      '- Visitors sign in, wear a visitor badge and are escorted in areas with systems in scope.\n- Backup media leave the office only in locked cases with the MSP courier, logged out and in.\n- Devices that stored cardholder data are wiped or shredded, with a certificate kept.',
    ]),
  ],
};

/**
 * A brokerage policy for PCI DSS requirements: its sections, then how it is kept current and known
 * to those it concerns, which x.1.1 asks beyond writing it down. In force for the example's year.
 */
function pciDocument(
  spec: Pick<DocumentSpec, 'name' | 'title' | 'kind' | 'controls'> & Partial<Pick<DocumentSpec, 'effective' | 'nextReview'>> & { owner: string },
  sections: string[],
): DocumentSpec {
  const upkeep = `Owned by ${spec.owner}. Reviewed every 12 months and after any significant change to the environment; the approved version is published on the intranet, and everyone who carries it out acknowledges it when they join and after each revision.`;
  return {
    name: spec.name, title: spec.title, kind: spec.kind, controls: spec.controls, effective: spec.effective ?? '2026-04-01', nextReview: spec.nextReview ?? '2027-04-01',
    body: [...sections, '## Keeping this document current and known', upkeep].join('\n\n'),
  };
}

/** File name → Markdown text of each of the client's documents. */
export function clientDocuments(profile: ClientProfile): Record<string, string> {
  return Object.fromEntries(
    byKind[profile.kind].map((d) => [
      d.name,
      ['---', `title: ${d.title}`, `kind: ${d.kind}`, 'owner_side: internal', `approver: ${profile.config.compliance_owner.name}, ${profile.config.compliance_owner.title}`,
        `effective: ${d.effective}`, `next_review: ${d.nextReview}`, `controls: [${d.controls.map((c) => JSON.stringify(c)).join(', ')}]`, '---', '', `# ${d.title}`, '', d.body, ''].join('\n'),
    ]),
  );
}
