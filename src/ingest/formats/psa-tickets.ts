import type { TicketColumns } from '../../model/client.ts';
import { ticketsCsv } from './generic-tickets-csv.ts';

/**
 * Ticket exports of the PSA tools MSPs run, by the column names of their list/report exports.
 * None carries an owner side: tickets in the MSP's PSA are the MSP's unless a column says otherwise.
 */
export const connectwiseTicketsCsv = ticketsCsv('connectwise-tickets-csv', 'ConnectWise Manage service tickets export', {
  id: ['Ticket #', 'Ticket Number', 'Ticket'],
  title: ['Summary Description', 'Summary'],
  priority: ['Priority'],
  created: ['Date Entered', 'Entered', 'Opened Date'],
  acknowledged: ['Date Responded', 'Responded', 'First Response'],
  resolved: ['Date Resolved', 'Resolved Date', 'Closed Date', 'Date Closed'],
  ownerSide: ['Owner Side'],
  assignee: ['Resources', 'Assigned To', 'Owner'],
}, 'msp');

export const autotaskTicketsCsv = ticketsCsv('autotask-tickets-csv', 'Autotask (Datto) tickets export', {
  id: ['Ticket Number'],
  title: ['Title', 'Ticket Title'],
  priority: ['Priority'],
  created: ['Created', 'Create Date', 'Created Date'],
  acknowledged: ['First Response Date', 'First Response', 'First Response Date/Time'],
  resolved: ['Complete Date', 'Completed Date', 'Resolved Date'],
  ownerSide: ['Owner Side'],
  assignee: ['Primary Resource', 'Resource', 'Assigned Resource'],
}, 'msp');

export const halopsaTicketsCsv = ticketsCsv('halopsa-tickets-csv', 'HaloPSA tickets export', {
  id: ['Ticket ID', 'Ticket Number'],
  title: ['Summary', 'Subject'],
  priority: ['Priority'],
  created: ['Date Logged', 'Date Opened', 'Logged'],
  acknowledged: ['Response Date', 'Date Responded', 'First Response Date'],
  resolved: ['Date Closed', 'Resolved Date', 'Date Resolved'],
  ownerSide: ['Owner Side'],
  assignee: ['Agent', 'Assigned Agent', 'Technician'],
}, 'msp');

/** A client's own tickets CSV, mapped column by column in client.yaml (`ticket_columns`). */
export function mappedTicketsCsv(mapping: TicketColumns) {
  const header = (name: string | undefined) => (name ? [name] : []);
  return ticketsCsv('client-mapped-tickets-csv', 'Tickets CSV mapped in client.yaml', {
    id: [mapping.ticket_id],
    title: header(mapping.title),
    priority: [mapping.priority],
    created: [mapping.created],
    acknowledged: [mapping.acknowledged],
    resolved: [mapping.resolved],
    ownerSide: header(mapping.owner_side),
    assignee: header(mapping.assignee),
  }, mapping.owner_side ? undefined : mapping.default_owner_side);
}
