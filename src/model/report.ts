import { z } from 'zod';
import { Framework, OwnerSide, Priority, Severity } from './client.ts';
import { Diagnostic } from './diagnostic.ts';
import { PolicyDocument } from './document.ts';
import { AccessReview, PatchStatus, RaciEntry, RemoteSession, RestoreTest, RiskAcceptance, SiemAlert, SourceRef } from './evidence.ts';
import { ClientId, PeriodId } from './period.ts';

/**
 * The report model of one client and period: every figure the portal and the packet show,
 * computed once by `assess`, so a number never differs between them.
 */

export const Status = z.enum(['ok', 'warn', 'fail']);
export type Status = z.infer<typeof Status>;

export const FindingChange = z.enum(['new', 'persisting', 'reopened', 'fixed']);
export type FindingChange = z.infer<typeof FindingChange>;

export const SlaState = z.enum(['within', 'breached', 'fixed-in-time', 'fixed-late', 'no-sla']);
export type SlaState = z.infer<typeof SlaState>;

export const FindingRow = z.object({
  key: z.string(),
  scanner: z.string(),
  pluginId: z.string(),
  title: z.string(),
  severity: Severity,
  host: z.string(),
  port: z.number().int(),
  protocol: z.string(),
  cves: z.array(z.string()),
  /** Untrusted scanner text, possibly long; renderers escape it and may shorten it with a note. */
  output: z.string(),
  /** Characters of the whole output when `output` holds only its start (ingest keeps a bounded excerpt; the export at `source` has all of it). */
  outputChars: z.number().int().positive().optional(),
  /** The scanner's remediation advice; untrusted text, empty when the export has none. */
  solution: z.string(),
  firstSeen: z.string(),
  /** Days from first seen to fix, or to the period's end while open. */
  ageDays: z.number().int().min(0),
  slaDays: z.number().int().nullable(),
  /** YYYY-MM-DD the remediation is due; null for informational findings. */
  dueDate: z.string().nullable(),
  sla: SlaState,
  change: FindingChange,
  source: SourceRef.nullable(),
});
export type FindingRow = z.infer<typeof FindingRow>;

export const SeveritySummary = z.object({
  severity: Severity,
  slaDays: z.number().int().nullable(),
  open: z.number().int(),
  new: z.number().int(),
  persisting: z.number().int(),
  reopened: z.number().int(),
  fixed: z.number().int(),
  withinSla: z.number().int(),
  breached: z.number().int(),
});
export type SeveritySummary = z.infer<typeof SeveritySummary>;

export const FindingsSection = z.object({
  bySeverity: z.array(SeveritySummary),
  totals: SeveritySummary.omit({ severity: true, slaDays: true }),
  /** Open findings at the period's end, most severe and oldest first. */
  open: z.array(FindingRow),
  /** Findings fixed during the period (absent from this scan or marked fixed). */
  fixed: z.array(FindingRow),
});
export type FindingsSection = z.infer<typeof FindingsSection>;

export const PrioritySummary = z.object({
  priority: Priority,
  tickets: z.number().int(),
  open: z.number().int(),
  ackTargetHours: z.number(),
  resolveTargetHours: z.number(),
  /** Hours; null when no ticket of this priority was acknowledged / resolved. */
  ackP50: z.number().nullable(),
  ackP95: z.number().nullable(),
  resolveP50: z.number().nullable(),
  resolveP95: z.number().nullable(),
  ackMet: z.boolean().nullable(),
  resolveMet: z.boolean().nullable(),
  ackBreaches: z.number().int(),
  resolveBreaches: z.number().int(),
});
export type PrioritySummary = z.infer<typeof PrioritySummary>;

export const TicketBreach = z.object({
  id: z.string(),
  title: z.string(),
  priority: Priority,
  ownerSide: OwnerSide,
  assignee: z.string(),
  measure: z.enum(['acknowledgment', 'resolution']),
  /** Hours taken, or elapsed at the period's end when still outstanding. */
  actualHours: z.number(),
  targetHours: z.number(),
  outstanding: z.boolean(),
  created: z.string(),
  source: SourceRef,
});
export type TicketBreach = z.infer<typeof TicketBreach>;

export const TicketsSection = z.object({
  byPriority: z.array(PrioritySummary),
  bySide: z.array(z.object({ side: OwnerSide, tickets: z.number().int(), breaches: z.number().int() })),
  breaches: z.array(TicketBreach),
  total: z.number().int(),
});
export type TicketsSection = z.infer<typeof TicketsSection>;

export const IngestFile = z.object({
  file: z.string(),
  kind: z.enum(['findings', 'tickets', 'raci', 'config', 'unknown', 'alerts', 'restore-tests', 'access-reviews', 'remote-sessions', 'patches', 'risk-acceptances', 'documents']),
  format: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  effective: z.string().nullable(),
  rowsRead: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
});
export type IngestFile = z.infer<typeof IngestFile>;

export const IngestSection = z.object({
  files: z.array(IngestFile),
  diagnostics: z.array(Diagnostic),
  totals: z.object({ rowsRead: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), duplicates: z.number().int() }),
});
export type IngestSection = z.infer<typeof IngestSection>;

export const Headline = z.object({ label: z.string(), value: z.string(), status: Status, detail: z.string() });
export type Headline = z.infer<typeof Headline>;

export const ControlStatus = z.enum(['satisfied', 'partial', 'gap', 'not-applicable', 'not-assessed']);
export type ControlStatus = z.infer<typeof ControlStatus>;

/** A piece of evidence behind a control's status: an input file or a figure of the report. */
export const EvidenceRef = z.object({
  label: z.string(),
  /** Input file (relative to the data folder) the evidence comes from, when it is one. */
  file: z.string().nullable(),
  /** YYYY-MM-DD the evidence describes. */
  effective: z.string().nullable(),
  /** The side that produced it, credited by the RACI. */
  side: OwnerSide.nullable(),
  /** The report section that shows it in full. */
  section: z.enum(['findings', 'tickets', 'ingest', 'raci']),
  /**
   * Days the evidence counts after its effective date, by the rule that used it; null when no TTL
   * applies (a document is current until its review date). Optional, like every field added to a
   * control after the first models were written, so those still read and builders need not set it.
   */
  ttlDays: z.number().int().nullable().optional(),
  /** Whether it was within its TTL (or before its review date) at the period end; null when undated. */
  fresh: z.boolean().nullable().optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** One evidence rule that credits a control, with its own outcome; the weakest decides the status. */
export const AppliedRule = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['satisfied', 'partial', 'gap']),
  reason: z.string(),
  /** Evidence older than this at the period end is stale; null for documents (their review date says). */
  ttlDays: z.number().int().nullable(),
});
export type AppliedRule = z.infer<typeof AppliedRule>;

/** A risk acceptance or exception that applies to a control: naming it, or covering a finding its rule weighs. */
export const ControlException = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  approvedBy: z.string(),
  expires: z.string(),
  /** Not expired at the period's end. */
  inForce: z.boolean(),
  source: SourceRef,
});
export type ControlException = z.infer<typeof ControlException>;

/** A control of another in-scope framework on the same crosswalk topic, with its status this period. */
export const RelatedControl = z.object({ framework: Framework, id: z.string(), title: z.string(), status: ControlStatus });
export type RelatedControl = z.infer<typeof RelatedControl>;

export const ControlAssessment = z.object({
  framework: Framework,
  id: z.string(),
  title: z.string(),
  citation: z.string(),
  status: ControlStatus,
  /** The evidence rule that decided the status; null when none applies (not assessed) or declared not applicable. */
  rule: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Why the status is what it is, in a sentence. */
  reason: z.string(),
  evidence: z.array(EvidenceRef),
  accountable: OwnerSide.nullable(),
  responsible: z.array(OwnerSide),
  /** RACI problems of this control: none, two Accountables, evidence from a side not responsible. */
  raciIssues: z.array(z.string()),
  previousStatus: ControlStatus.nullable(),
  /** HIPAA: a required or addressable standard or implementation specification; null elsewhere. */
  designation: z.enum(['required', 'addressable']).nullable().optional(),
  /** Every rule that credits the control (the deciding one is `rule`). */
  rules: z.array(AppliedRule).optional(),
  exceptions: z.array(ControlException).optional(),
  /** Crosswalk siblings in the client's other frameworks. */
  related: z.array(RelatedControl).optional(),
});
export type ControlAssessment = z.infer<typeof ControlAssessment>;

const statusCounts = z.object({ satisfied: z.number().int(), partial: z.number().int(), gap: z.number().int(), notApplicable: z.number().int(), notAssessed: z.number().int() });

export const ControlsSection = z.object({
  frameworks: z.array(z.object({ id: Framework, name: z.string(), version: z.string(), counts: statusCounts, total: z.number().int() })),
  controls: z.array(ControlAssessment),
});
export type ControlsSection = z.infer<typeof ControlsSection>;

/** A group of controls (a regulation's section or safeguard) with the status of its controls. */
export const ControlGroup = z.object({
  id: z.string(),
  title: z.string(),
  /** Worst status of its controls: gap, then partial, then not assessed; satisfied only when all are. */
  status: ControlStatus,
  counts: statusCounts,
});
export type ControlGroup = z.infer<typeof ControlGroup>;

/** A control needing attention: a gap or partial status, with the reason. */
export const OpenItem = z.object({ framework: Framework, id: z.string(), title: z.string(), status: ControlStatus, reason: z.string(), accountable: OwnerSide.nullable() });
export type OpenItem = z.infer<typeof OpenItem>;

/**
 * Something to act on, with the side that owns it and when it is due: an open finding (due its first
 * seen date plus the SLA days of its severity) or a control with a gap or partly satisfied (due at
 * the period's end, or when a risk acceptance in force that names it expires).
 */
export const DueItem = z.object({
  kind: z.enum(['finding', 'control']),
  /** The control's id, or the finding's key. */
  id: z.string(),
  /** A control's framework; null for a finding. */
  framework: Framework.nullable(),
  title: z.string(),
  /** A control's status (gap or partial); null for a finding. */
  status: ControlStatus.nullable(),
  /** A finding's severity; null for a control. */
  severity: Severity.nullable(),
  reason: z.string(),
  /** The side accountable by the RACI; null when it names none (or two). */
  ownerSide: OwnerSide.nullable(),
  /** YYYY-MM-DD. */
  due: z.string(),
  dueBasis: z.enum(['sla', 'period-end', 'risk-acceptance']),
  /** Due before the period's end and still open at it. */
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

/** What regulators ask for in their own shape, computed from the control status. */
export const RegulatorySection = z.object({
  /** NYDFS 500.17(b): support for the annual certification of compliance or acknowledgment of noncompliance. */
  nydfsCertification: z
    .object({
      sections: z.array(ControlGroup),
      /** True only when every assessed section is satisfied and none is unassessed. */
      supportsCertification: z.boolean(),
      /** Items an acknowledgment of noncompliance would have to name. */
      acknowledgmentItems: z.array(OpenItem),
    })
    .nullable(),
  /** FTC 16 CFR 314.4(i): the Qualified Individual's written report to the board. */
  ftcBoardReport: z
    .object({
      overall: ControlGroup,
      elements: z.array(ControlGroup),
      materialMatters: z.array(z.string()),
      recommendations: z.array(OpenItem),
    })
    .nullable(),
  /** HIPAA 164.308(a)(1)(ii)(A): summary of the risk analysis for the period. */
  hipaaRiskAnalysis: z
    .object({
      safeguards: z.array(ControlGroup),
      vulnerabilities: z.array(z.string()),
      gaps: z.array(OpenItem),
    })
    .nullable(),
});
export type RegulatorySection = z.infer<typeof RegulatorySection>;

/** How the alerts of one severity were handled: time to acknowledge (hours, nearest-rank percentiles) and escalations. */
export const AlertResponse = z.object({
  severity: Severity,
  alerts: z.number().int(),
  /** Alerts whose export records when they were acknowledged. */
  acknowledged: z.number().int(),
  /** Alerts whose export says nothing of acknowledgment (no column, or an empty cell while closed). */
  notRecorded: z.number().int(),
  /** Open at the period's end and never acknowledged: counted with the time waited so far, as tickets are. */
  waiting: z.number().int(),
  ackP50: z.number().nullable(),
  ackP95: z.number().nullable(),
  escalated: z.number().int(),
});
export type AlertResponse = z.infer<typeof AlertResponse>;

/** Operational evidence of the period, as listed on the portal's and packet's evidence pages. */
export const OperationsSection = z.object({
  restoreTests: z.array(RestoreTest.extend({ rpoMet: z.boolean().nullable(), rtoMet: z.boolean().nullable() })),
  accessReviews: z.object({
    rows: z.array(AccessReview),
    counts: z.object({ keep: z.number().int(), modify: z.number().int(), revoke: z.number().int(), privileged: z.number().int() }),
  }),
  /** `flagged`: not recorded, or no approving ticket. */
  remoteSessions: z.object({ rows: z.array(RemoteSession.extend({ flagged: z.boolean() })), flagged: z.number().int() }),
  patches: z.object({
    devices: z.array(z.object({ device: z.string(), patches: z.number().int(), installed: z.number().int(), missing: z.number().int(), overdue: z.number().int() })),
    /** Devices with no critical or high patch missing past its remediation days. */
    compliantDevices: z.number().int(),
    missing: z.array(PatchStatus.extend({ overdue: z.boolean() })),
  }),
  alerts: z.object({
    bySeverity: z.array(z.object({ severity: Severity, total: z.number().int(), open: z.number().int() })),
    rows: z.array(SiemAlert),
    /**
     * Per severity with alerts: how fast they were acknowledged and how many were escalated, from the
     * exports that record it (Wazuh's alerts.json does not: its alerts count as not recorded).
     */
    response: z.array(AlertResponse).default([]),
  }),
  riskAcceptances: z.array(RiskAcceptance.extend({ inForce: z.boolean() })),
});
export type OperationsSection = z.infer<typeof OperationsSection>;

export const ReportModel = z.object({
  schemaVersion: z.literal(1),
  client: z.object({
    id: ClientId,
    name: z.string(),
    frameworks: z.array(z.object({ id: Framework, name: z.string() })),
    complianceOwner: z.object({ name: z.string(), title: z.string() }),
    /** The packet is tagged for screen readers (client.yaml `packet.tagged`). */
    packetTagged: z.boolean(),
  }),
  msp: z.object({ name: z.string() }),
  period: z.object({ id: PeriodId, start: z.string(), end: z.string() }),
  /** Every period of this client, oldest first, for navigation. */
  periods: z.array(PeriodId),
  previousPeriod: PeriodId.nullable(),
  /** ISO 8601; from SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  generatedAt: z.string(),
  toolVersion: z.string(),
  headlines: z.array(Headline),
  findings: FindingsSection,
  tickets: TicketsSection,
  raci: z.array(RaciEntry),
  ingest: IngestSection,
  /** Control status per in-scope framework; empty until catalogs and evidence rules are loaded. */
  controls: ControlsSection.default({ frameworks: [], controls: [] }),
  operations: OperationsSection.default({
    restoreTests: [], accessReviews: { rows: [], counts: { keep: 0, modify: 0, revoke: 0, privileged: 0 } }, remoteSessions: { rows: [], flagged: 0 },
    patches: { devices: [], compliantDevices: 0, missing: [] }, alerts: { bySeverity: [], rows: [], response: [] }, riskAcceptances: [],
  }),
  /** Policies, procedures and plans in the period's evidence, with their review dates. */
  documents: z.array(PolicyDocument).default([]),
  regulatory: RegulatorySection.default({ nydfsCertification: null, ftcBoardReport: null, hipaaRiskAnalysis: null }),
  /** Open items of the period, overdue first then by due date: critical and high findings and every finding past SLA, then controls with a gap or partial. */
  openItems: z.array(DueItem).default([]),
});
export type ReportModel = z.infer<typeof ReportModel>;
