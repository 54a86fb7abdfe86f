import { z } from 'zod';
import { Framework } from '../model/client.ts';

/**
 * A control id exactly as the source writes it: `164.308(a)(1)(ii)(A)`, `500.7(a)(1)`,
 * `314.4(c)(3)`, `8.4.2`. A string, never a number: unquoted, YAML reads `12.10` as 12.1.
 */
export const ControlId = z
  .string({ error: 'a control id is text: write it in quotes, e.g. "12.10" (unquoted, YAML reads 12.10 as the number 12.1)' })
  .regex(/^\S+$/, 'a control id has no spaces')
  .meta({ label: 'control id', description: 'Id as the source writes it, e.g. 164.308(a)(1)(ii)(A) or 8.4.2' });
export type ControlId = z.infer<typeof ControlId>;

export const ControlKind = z
  .enum(['section', 'standard', 'implementation-specification', 'subsection', 'paragraph', 'principal-requirement', 'requirement-group', 'requirement'])
  .meta({ description: 'Level of the control in its source: a section or heading groups, the others oblige' });
export type ControlKind = z.infer<typeof ControlKind>;

export const OwnerRole = z
  .enum(['msp', 'internal', 'shared'])
  .meta({ description: 'Typical owner in a co-managed arrangement: the MSP, the internal team, or both' });
export type OwnerRole = z.infer<typeof OwnerRole>;

const Control = z.strictObject({
  id: ControlId,
  parent: ControlId.optional().meta({ description: 'Id of the enclosing control in the same framework' }),
  kind: ControlKind,
  title: z.string().min(1).meta({ description: 'Short title in our own words (never the source text)' }),
  citation: z.string().min(1).optional().meta({ description: 'Source citation; default: the catalog cite_as with {id} filled in' }),
  designation: z
    .enum(['required', 'addressable'])
    .optional()
    .meta({ description: 'HIPAA only: a required or addressable standard or implementation specification' }),
  future_dated: z
    .literal(true)
    .optional()
    .meta({ description: 'PCI DSS only: a best practice until 31 March 2025, required since' }),
  owner: OwnerRole.optional(),
  note: z.string().min(1).optional().meta({ description: 'A qualification worth showing next to the title' }),
});

const citeAs = z
  .string()
  .includes('{id}', { error: 'cite_as must contain {id}, e.g. "45 CFR {id}"' })
  .meta({ description: 'Citation template for controls without their own citation, e.g. "45 CFR {id}"' });

/** `content/frameworks/<framework>.yaml`: one framework's controls, in source order. */
export const CatalogFile = z
  .strictObject({
    framework: Framework,
    title: z.string().min(1),
    version: z.string().min(1).meta({ description: 'Edition of the source the catalog follows' }),
    source: z.strictObject({
      citation: z.string().min(1).meta({ description: 'The source as a reader would cite it' }),
      url: z.url().optional(),
    }),
    cite_as: citeAs,
    controls: z.array(Control).min(1),
  })
  .superRefine((catalog, context) => {
    catalog.controls.forEach((control, index) => {
      const at = (key: string) => ['controls', index, key];
      if (control.designation && catalog.framework !== 'hipaa') {
        context.addIssue({ code: 'custom', path: at('designation'), message: 'designation (required/addressable) belongs to HIPAA controls only' });
      }
      if (!control.designation && catalog.framework === 'hipaa' && (control.kind === 'standard' || control.kind === 'implementation-specification')) {
        context.addIssue({ code: 'custom', path: at('kind'), message: `HIPAA ${control.kind} ${control.id} needs designation: required or addressable` });
      }
      if (control.future_dated && catalog.framework !== 'pci-dss-4.0.1') {
        context.addIssue({ code: 'custom', path: at('future_dated'), message: 'future_dated belongs to PCI DSS requirements only' });
      }
    });
  });
export type CatalogFile = z.infer<typeof CatalogFile>;

/**
 * A supplement adds controls to a framework's catalog, e.g. a client-specific control
 * (`content/frameworks/*.yaml` or a client's own folder). Its controls follow the same rules.
 */
export const SupplementFile = z.strictObject({
  supplements: Framework,
  title: z.string().min(1).meta({ description: 'What these controls are, e.g. "Smile Dental internal controls"' }),
  cite_as: citeAs,
  controls: z.array(Control.omit({ designation: true, future_dated: true })).min(1),
});
export type SupplementFile = z.infer<typeof SupplementFile>;

/** A control as loaded: its framework and citation resolved, where it was defined kept. */
export interface Control {
  framework: Framework;
  id: ControlId;
  parent: ControlId | null;
  kind: ControlKind;
  title: string;
  citation: string;
  designation: 'required' | 'addressable' | null;
  futureDated: boolean;
  owner: OwnerRole | null;
  note: string | null;
  /** File (relative to the folder it was read from) and 1-based line of its definition. */
  definedAt: { file: string; line: number };
}

export interface Catalog {
  framework: Framework;
  title: string;
  version: string;
  source: { citation: string; url: string | null };
  controls: readonly Control[];
}
