import { z } from 'zod';
import { ClientId } from './period.ts';

export const Framework = z
  .enum(['hipaa', 'pci-dss-4.0.1', 'nydfs-500', 'ftc-safeguards'])
  .meta({ description: 'A regime the client is assessed under' });
export type Framework = z.infer<typeof Framework>;

export const frameworkNames: Record<Framework, string> = {
  hipaa: 'HIPAA Security Rule (45 CFR 164)',
  'pci-dss-4.0.1': 'PCI DSS v4.0.1',
  'nydfs-500': 'NYDFS 23 NYCRR 500',
  'ftc-safeguards': 'FTC Safeguards Rule (16 CFR 314)',
};

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;
/** Severities that carry a remediation SLA; informational findings do not. */
export const slaSeverities = ['critical', 'high', 'medium', 'low'] as const;
export type SlaSeverity = (typeof slaSeverities)[number];

export const Priority = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof Priority>;

export const OwnerSide = z.enum(['msp', 'internal']).meta({ description: 'Which party of the co-managed arrangement' });
export type OwnerSide = z.infer<typeof OwnerSide>;

const hours = z.number().positive();
const days = z.number().int().positive();

const TicketTarget = z.strictObject({
  acknowledge_hours: hours.meta({ description: 'Acknowledgment target; met when P95 is at or below it' }),
  resolve_hours: hours.meta({ description: 'Resolution target; met when P95 is at or below it' }),
});

/** A tickets CSV of a tool Proofbook has no preset for: which of its columns holds each field. */
export const TicketColumns = z
  .strictObject({
    ticket_id: z.string().min(1),
    title: z.string().min(1).optional(),
    priority: z.string().min(1),
    created: z.string().min(1),
    acknowledged: z.string().min(1),
    resolved: z.string().min(1),
    owner_side: z.string().min(1).optional(),
    assignee: z.string().min(1).optional(),
    default_owner_side: OwnerSide.default('msp').meta({ description: 'Owner side of every ticket when owner_side names no column' }),
  })
  .meta({ description: 'Header names of a tickets export, per field of the generic tickets CSV' });
export type TicketColumns = z.infer<typeof TicketColumns>;

/** `data/<client>/client.yaml` */
export const ClientConfig = z.strictObject({
  id: ClientId,
  name: z.string().min(1).meta({ description: 'Legal or trading name shown on the portal and packet' }),
  frameworks: z.array(Framework).min(1),
  timezone: z
    .string()
    .default('UTC')
    .meta({ description: 'IANA zone used for export timestamps that carry no offset' }),
  compliance_owner: z.strictObject({ name: z.string().min(1), title: z.string().min(1) }),
  ticket_columns: TicketColumns.optional(),
  sla: z.strictObject({
    tickets: z.strictObject({ P1: TicketTarget, P2: TicketTarget, P3: TicketTarget, P4: TicketTarget }),
    findings_days: z
      .strictObject({ critical: days, high: days, medium: days, low: days })
      .meta({ description: 'Remediation target in days from first seen, per severity' }),
  }),
  packet: z
    .strictObject({
      tagged: z.boolean().default(false).meta({
        description: 'Tag the packet PDF for screen readers (headings, tables with their header cells, lists, links in reading order); it prints in about half as long again and is several times larger',
      }),
    })
    .default({ tagged: false })
    .meta({ description: 'How the compliance packet is made' }),
  not_applicable: z
    .record(z.string(), z.string().min(1, 'say why the control does not apply'))
    .default({})
    .meta({ description: 'Control id → the reason it does not apply to this client (shown with the control)' }),
});
export type ClientConfig = z.infer<typeof ClientConfig>;

/** `data/msp.yaml`: the MSP running the build. */
export const MspConfig = z.strictObject({
  name: z.string().min(1),
  contact: z.string().min(1).optional(),
});
export type MspConfig = z.infer<typeof MspConfig>;

/** `data/<client>/<period>/drop.yaml` (optional): effective dates of the files in the drop. */
export const DropConfig = z.strictObject({
  files: z
    .record(
      z.string(),
      z.strictObject({
        effective: z.iso.date().meta({ description: 'Date the evidence describes (scan date), YYYY-MM-DD' }),
      }),
    )
    .default({}),
});
export type DropConfig = z.infer<typeof DropConfig>;
