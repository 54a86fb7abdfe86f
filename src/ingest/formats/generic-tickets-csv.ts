import { z } from 'zod';
import type { OwnerSide, Priority } from '../../model/client.ts';
import type { Ticket } from '../../model/evidence.ts';
import type { CsvFormat } from '../csv-format.ts';
import { oneOf, requiredText, text, timestamp } from '../fields.ts';

const priority: Record<string, Priority> = {
  p1: 'P1', '1': 'P1', critical: 'P1', urgent: 'P1',
  p2: 'P2', '2': 'P2', high: 'P2',
  p3: 'P3', '3': 'P3', medium: 'P3', normal: 'P3',
  p4: 'P4', '4': 'P4', low: 'P4',
};
const side: Record<string, OwnerSide> = { msp: 'msp', internal: 'internal', client: 'internal' };

const schema = (timezone: string) =>
  z
    .object({
      id: requiredText,
      title: text,
      priority: oneOf(priority, 'priority'),
      created: timestamp(timezone, true),
      acknowledged: timestamp(timezone, false),
      resolved: timestamp(timezone, false),
      ownerSide: oneOf(side, 'owner side'),
      assignee: text,
    })
    .superRefine((row, ctx) => {
      for (const field of ['acknowledged', 'resolved'] as const) {
        if (row.created && row[field] && row[field]! < row.created) {
          ctx.addIssue({ code: 'custom', path: [field], message: `${field} (${row[field]}) is before created (${row.created})`, params: { rule: 'ticket/time-order' } });
        }
      }
    });
type Row = z.output<ReturnType<typeof schema>>;

/** The documented tickets CSV: one row per PSA ticket with its timestamps and owner side. */
export const genericTicketsCsv: CsvFormat<Row, Ticket> = {
  id: 'generic-tickets-csv',
  kind: 'tickets',
  title: 'Generic tickets CSV',
  signature: [['ticket_id'], ['priority'], ['created']],
  columns: {
    id: { headers: ['ticket_id'], required: true, description: 'Ticket number in the PSA' },
    title: { headers: ['title'], required: false, description: 'Summary; untrusted text' },
    priority: { headers: ['priority'], required: true, description: 'P1–P4 (also 1–4, critical/high/medium/low)' },
    created: { headers: ['created'], required: true, description: 'Opened at; ISO 8601, or YYYY-MM-DD HH:MM in the client time zone' },
    acknowledged: { headers: ['acknowledged'], required: true, description: 'First response; empty while unacknowledged' },
    resolved: { headers: ['resolved'], required: true, description: 'Resolved at; empty while open' },
    ownerSide: { headers: ['owner_side'], required: true, description: 'msp or internal: who owns the ticket' },
    assignee: { headers: ['assignee'], required: false, description: 'Person or queue' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, { source }) => ({
    id: row.id,
    title: row.title,
    priority: row.priority,
    ownerSide: row.ownerSide,
    assignee: row.assignee,
    created: row.created!,
    acknowledged: row.acknowledged,
    resolved: row.resolved,
    source,
  }),
  key: (ticket) => ticket.id,
};
