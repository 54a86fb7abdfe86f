import { z } from 'zod';
import type { AccessReview } from '../../model/evidence.ts';
import { day, flag, oneOf, requiredText, text } from '../fields.ts';
import type { CsvFormat } from '../format.ts';

const decision = { keep: 'keep', keeps: 'keep', approve: 'keep', approved: 'keep', retain: 'keep', certify: 'keep', modify: 'modify', change: 'modify', revoke: 'revoke', revoked: 'revoke', remove: 'revoke' } as const;

const schema = () =>
  z.object({
    system: requiredText,
    account: requiredText,
    access: text,
    privileged: flag('privileged'),
    reviewer: requiredText,
    reviewed: day(true),
    decision: oneOf(decision, 'decision', ['keep', 'modify', 'revoke']),
  });
type Row = z.output<ReturnType<typeof schema>>;

/** The documented access review CSV: one row per account (and access) reviewed. */
export const genericAccessReviewsCsv: CsvFormat<Row, AccessReview> = {
  id: 'generic-access-reviews-csv',
  syntax: 'csv',
  kind: 'access-reviews',
  title: 'Generic access reviews CSV',
  signature: [['account'], ['reviewer'], ['decision']],
  columns: {
    system: { headers: ['system'], required: true, description: 'Application or directory reviewed' },
    account: { headers: ['account'], required: true, description: 'User or service account' },
    access: { headers: ['access'], required: false, description: 'Role, group or entitlement reviewed' },
    privileged: { headers: ['privileged'], required: false, description: 'yes for administrative access' },
    reviewer: { headers: ['reviewer'], required: true, description: 'Who reviewed it' },
    reviewed: { headers: ['reviewed'], required: true, description: 'Date of the review' },
    decision: { headers: ['decision'], required: true, description: 'keep, modify or revoke' },
  },
  rowSchema: schema,
  toRecord: (row, { source }) => ({ ...row, reviewed: row.reviewed!, source }),
  key: (review) => [review.system, review.account, review.access, review.reviewed].join('|').toLowerCase(),
};
