import { frameworkNames, type ClientConfig, type MspConfig } from '../model/client.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { PolicyDocument } from '../model/document.ts';
import type { Finding, RaciEntry, Ticket } from '../model/evidence.ts';
import { periodBounds, type PeriodId } from '../model/period.ts';
import { ReportModel, type IngestFile, type IngestSection } from '../model/report.ts';
import type { Frameworks } from '../frameworks/load.ts';
import { findControl } from '../frameworks/lookups.ts';
import { assessControls } from './controls/assess-controls.ts';
import type { KindRecords } from './controls/checks.ts';
import type { EvidenceRule } from './controls/rule-file.ts';
import { assessFindings } from './findings.ts';
import { headlines } from './headlines.ts';
import { openItems } from './open-items.ts';
import { assessOperations } from './operations.ts';
import { regulatoryOutputs } from './regulatory.ts';
import { assessTickets } from './tickets.ts';

export interface ReportInput {
  msp: MspConfig;
  client: ClientConfig;
  period: PeriodId;
  periods: PeriodId[];
  /** The previous period's report, when that period is in the drop. */
  previous: ReportModel | null;
  findings: Finding[];
  tickets: Ticket[];
  /** Records of the other evidence kinds, read by the control checks. */
  records: KindRecords;
  /** Policies, procedures and plans (the client's and the MSP's), evidence for the controls they name. */
  documents: readonly PolicyDocument[];
  raci: RaciEntry[];
  files: IngestFile[];
  diagnostics: Diagnostic[];
  generatedAt: string;
  toolVersion: string;
  /** Catalogs and evidence rules; without them the report carries no control status. */
  policy: { frameworks: Frameworks; rules: readonly EvidenceRule[] } | null;
}

/** Evidence of one client and period → the report model both the portal and the packet show. */
export function buildReport(input: ReportInput): ReportModel {
  const bounds = periodBounds(input.period);
  const findings = assessFindings(input.findings, input.previous?.findings ?? null, bounds, input.client.sla.findings_days);
  const tickets = assessTickets(input.tickets, bounds, input.client.sla.tickets);
  const ingest = ingestSection(input.files, input.diagnostics);
  const scanned = input.files.some((f) => f.kind === 'findings');
  const documents = documentsInScope(input);
  const controls = input.policy
    ? assessControls({
        ...input.policy,
        scope: input.client.frameworks,
        notApplicable: input.client.not_applicable,
        raci: input.raci,
        documents,
        // Scanners and the help desk run on the MSP's side of a co-managed arrangement.
        context: { periodEnd: bounds.end, findings, tickets, records: input.records, files: input.files, remediationDays: input.client.sla.findings_days, scanSide: 'msp', raci: input.raci },
        previous: input.previous?.controls ?? null,
      })
    : undefined;
  return ReportModel.parse({
    schemaVersion: 1,
    client: {
      id: input.client.id,
      name: input.client.name,
      frameworks: input.client.frameworks.map((id) => ({ id, name: frameworkNames[id] })),
      complianceOwner: input.client.compliance_owner,
      packetTagged: input.client.packet.tagged,
    },
    msp: { name: input.msp.name },
    period: { id: input.period, start: bounds.start, end: bounds.end },
    periods: input.periods,
    previousPeriod: input.previous?.period.id ?? null,
    generatedAt: input.generatedAt,
    toolVersion: input.toolVersion,
    headlines: headlines(findings, tickets, ingest, scanned),
    findings,
    tickets,
    raci: input.raci,
    ingest,
    controls,
    operations: assessOperations(input.records, bounds, input.client.sla.findings_days),
    documents,
    regulatory: input.policy && controls ? regulatoryOutputs({ frameworks: input.policy.frameworks, controls, findings, tickets }) : undefined,
    openItems: openItems({
      findings, controls: controls ?? { frameworks: [], controls: [] }, periodEnd: bounds.end, riskAcceptances: input.records.riskAcceptances,
      remediationRules: (input.policy?.rules ?? []).filter((r) => r.check === 'findings-remediation').map((r) => r.id),
    }),
  });
}

/**
 * The client's own documents, and the MSP-wide ones that name a control of a framework the client
 * is under: a HIPAA clinic's portal does not list a procedure written only for PCI controls.
 */
function documentsInScope(input: ReportInput): readonly PolicyDocument[] {
  const frameworks = input.policy?.frameworks;
  const inScope = (id: string) => {
    const framework = frameworks ? findControl(frameworks, id)?.framework : undefined;
    return framework !== undefined && input.client.frameworks.includes(framework);
  };
  return input.documents.filter((d) => d.scope === 'client' || d.controls.some(inScope));
}

function ingestSection(files: IngestFile[], diagnostics: Diagnostic[]): IngestSection {
  const sum = (key: 'rowsRead' | 'accepted' | 'rejected' | 'duplicates') => files.reduce((n, f) => n + f[key], 0);
  return { files, diagnostics, totals: { rowsRead: sum('rowsRead'), accepted: sum('accepted'), rejected: sum('rejected'), duplicates: sum('duplicates') } };
}
