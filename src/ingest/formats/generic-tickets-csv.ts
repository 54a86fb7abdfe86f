import { z } from 'zod';
import type { OwnerSide, Priority } from '../../model/client.ts';
import type { Ticket } from '../../model/evidence.ts';
import type { ColumnSpec, CsvFormat } from '../format.ts';
import { oneOf, requiredText, text, timestamp } from '../fields.ts';

const priorityWords: Record<string, Priority> = {
  critical: 'P1', urgent: 'P1', emergency: 'P1',
  high: 'P2',
  medium: 'P3', normal: 'P3', moderate: 'P3',
  low: 'P4', 'schedule maintenance': 'P4', planning: 'P4',
};

/**
 * P1–P4 as PSA tools write them: "P2", "2", "High", ConnectWise's "Priority 2 - Quick Response",
 * HaloPSA's "2 - High".
 */
const priority = z
  .string()
  .optional()
  .transform((s = '', ctx) => {
    const value = s.trim().toLowerCase();
    const digit = /^(?:priority\s*|p)?([1-4])(?:\b|$)/.exec(value)?.[1];
    const word = priorityWords[value] ?? priorityWords[value.replace(/^priority\s*/, '')];
    if (digit) return `P${digit}` as Priority;
    if (word) return word;
    ctx.addIssue({ code: 'custom', message: value ? `priority "${s.trim()}" is not one of P1, P2, P3, P4` : 'priority is missing', params: { rule: value ? 'field/invalid-value' : 'field/required' } });
    return z.NEVER;
  });

const sides: Record<string, OwnerSide> = { msp: 'msp', internal: 'internal', client: 'internal' };

/** The ticket row; `defaultSide` fills an owner side the export does not carry (PSA presets: the MSP's own PSA). */
const ticketSchema = (timezone: string, defaultSide?: OwnerSide) =>
  z
    .object({
      id: requiredText,
      title: text,
      priority,
      created: timestamp(timezone, true),
      acknowledged: timestamp(timezone, false),
      resolved: timestamp(timezone, false),
      ownerSide: oneOf(defaultSide ? { ...sides, '': defaultSide } : sides, 'owner side', ['msp', 'internal']),
      assignee: text,
    })
    .superRefine((row, ctx) => {
      for (const field of ['acknowledged', 'resolved'] as const) {
        if (row.created && row[field] && row[field]! < row.created) {
          ctx.addIssue({ code: 'custom', path: [field], message: `${field} (${row[field]}) is before created (${row.created})`, params: { rule: 'ticket/time-order' } });
        }
      }
    });
export type TicketRow = z.output<ReturnType<typeof ticketSchema>>;

const toTicket = (row: TicketRow, { source }: { source: Ticket['source'] }): Ticket => ({
  id: row.id,
  title: row.title,
  priority: row.priority,
  ownerSide: row.ownerSide,
  assignee: row.assignee,
  created: row.created!,
  acknowledged: row.acknowledged,
  resolved: row.resolved,
  source,
});

/** The headers a tickets export uses for each field, in that tool's words. */
export type TicketHeaders = { [K in keyof TicketRow]: readonly string[] };

const meanings: { [K in keyof TicketRow]: [required: boolean, description: string] } = {
  id: [true, 'Ticket number in the PSA'],
  title: [false, 'Summary; untrusted text'],
  priority: [true, 'P1–P4 (also 1–4, critical/high/medium/low, "Priority 1 - …")'],
  created: [true, 'Opened at; ISO 8601, YYYY-MM-DD HH:MM or M/D/YYYY h:mm AM in the client time zone'],
  acknowledged: [true, 'First response; empty while unacknowledged'],
  resolved: [true, 'Resolved or closed at; empty while open'],
  ownerSide: [true, 'msp or internal: who owns the ticket'],
  assignee: [false, 'Person or queue'],
};

/**
 * A tickets CSV format from the headers its tool writes. With `defaultSide`, the owner side column
 * is optional (PSA exports have none: the tickets are the MSP's).
 */
export function ticketsCsv(id: string, title: string, headers: TicketHeaders, defaultSide?: OwnerSide): CsvFormat<TicketRow, Ticket> {
  const columns = Object.fromEntries(
    Object.entries(meanings).map(([key, [required, description]]) => {
      const optionalSide = key === 'ownerSide' && defaultSide !== undefined;
      const spec: ColumnSpec = {
        headers: headers[key as keyof TicketRow],
        required: required && !optionalSide && headers[key as keyof TicketRow].length > 0,
        description: optionalSide ? `${description} (default ${defaultSide})` : description,
      };
      return [key, spec];
    }),
  ) as CsvFormat<TicketRow, Ticket>['columns'];
  return {
    id,
    syntax: 'csv',
    kind: 'tickets',
    title,
    signature: [headers.id, headers.priority, headers.created],
    columns,
    rowSchema: ({ timezone }) => ticketSchema(timezone, defaultSide),
    toRecord: toTicket,
    key: (ticket) => ticket.id,
  };
}

/** The documented tickets CSV: one row per PSA ticket with its timestamps and owner side. */
export const genericTicketsCsv = ticketsCsv('generic-tickets-csv', 'Generic tickets CSV', {
  id: ['ticket_id'],
  title: ['title'],
  priority: ['priority'],
  created: ['created'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  ownerSide: ['owner_side'],
  assignee: ['assignee'],
});
