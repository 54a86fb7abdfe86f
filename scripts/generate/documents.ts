/**
 * Each client's own policies and plans (`<client>/policies/*.md`): Markdown with front matter
 * naming the controls they satisfy. One is past its review date, so the example shows a stale
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
      body: 'The practice protects the confidentiality, integrity and availability of ePHI. The Security Official owns these policies; the MSP operates the technical safeguards named in the RACI matrix.',
    },
    {
      name: 'contingency-plan.md', title: 'Contingency and disaster recovery plan', kind: 'plan', effective: '2025-03-01', nextReview: '2026-03-01',
      controls: ['164.308(a)(7)(ii)(B)'],
      body: 'Restores of the practice management database and imaging archive are tested quarterly by the MSP. This plan is due for its annual review.',
    },
  ],
  cpa: [
    {
      name: 'written-information-security-program.md', title: 'Written information security program', kind: 'policy', effective: '2026-02-01', nextReview: '2027-02-01',
      controls: ['314.4(a)', '314.4(b)(1)'],
      body: 'The Qualified Individual oversees the program. Risks to customer information are assessed yearly and after material changes.',
    },
    {
      name: 'incident-response-plan.md', title: 'Incident response plan', kind: 'plan', effective: '2026-02-01', nextReview: '2027-02-01',
      controls: ['314.4(h)'],
      body: 'The managing partner commands incidents; the MSP contains and investigates; notification decisions stay with the firm.',
    },
  ],
  brokerage: [
    {
      name: 'cybersecurity-policy.md', title: 'Cybersecurity policy', kind: 'policy', effective: '2026-04-01', nextReview: '2027-04-01',
      controls: ['500.3(a)', '500.3(d)', '500.3(n)', '12.1.1'],
      body: 'Approved by the senior governing body. Covers information security, access control and incident response; reviewed at least annually.',
    },
    {
      name: 'incident-response-plan.md', title: 'Incident response and business continuity plan', kind: 'plan', effective: '2026-04-01', nextReview: '2027-04-01',
      controls: ['500.16(a)(1)', '12.10.1'],
      body: 'The CISO commands incidents; the MSP runs detection and containment; the firm notifies the superintendent within 72 hours where required.',
    },
  ],
};

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
