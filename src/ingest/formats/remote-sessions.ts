import { z } from 'zod';
import type { RemoteSession } from '../../model/evidence.ts';
import { flag, quantity, requiredText, text, timestamp } from '../fields.ts';
import type { CsvFormat } from '../format.ts';

const schema = (timezone: string) =>
  z
    .object({
      id: text,
      user: requiredText,
      party: text,
      target: requiredText,
      start: timestamp(timezone, true),
      end: timestamp(timezone, false),
      durationMinutes: quantity('duration'),
      recorded: flag('recorded'),
      approvalTicket: text,
    })
    .superRefine((row, ctx) => {
      if (row.start && row.end && row.end < row.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${row.end}) is before start (${row.start})`, params: { rule: 'session/time-order' } });
    });
type Row = z.output<ReturnType<typeof schema>>;

/** The documented privileged / vendor remote sessions CSV (from a PAM, RMM or remote-access tool). */
export const genericRemoteSessionsCsv: CsvFormat<Row, RemoteSession> = {
  id: 'generic-remote-sessions-csv',
  syntax: 'csv',
  kind: 'remote-sessions',
  title: 'Generic privileged / vendor remote sessions CSV',
  signature: [['user'], ['target'], ['start'], ['recorded']],
  columns: {
    id: { headers: ['session_id'], required: false, description: 'Session id in the tool' },
    user: { headers: ['user'], required: true, description: 'Who connected' },
    party: { headers: ['party'], required: false, description: 'msp, internal or the vendor\'s name' },
    target: { headers: ['target'], required: true, description: 'System connected to' },
    start: { headers: ['start'], required: true, description: 'Session start' },
    end: { headers: ['end'], required: false, description: 'Session end' },
    durationMinutes: { headers: ['duration_minutes'], required: false, description: 'Length in minutes (derived from start and end when empty)' },
    recorded: { headers: ['recorded'], required: true, description: 'yes when the session was recorded' },
    approvalTicket: { headers: ['approval_ticket'], required: false, description: 'Ticket that approved the session' },
  },
  rowSchema: ({ timezone }) => schema(timezone),
  toRecord: (row, { source }) => {
    const start = row.start!;
    const derived = row.end ? Math.round((Date.parse(row.end) - Date.parse(start)) / 60_000) : null;
    return { ...row, id: row.id || `${row.user}@${row.target}@${start}`, start, durationMinutes: row.durationMinutes ?? derived, source };
  },
  key: (session) => session.id.toLowerCase(),
};
