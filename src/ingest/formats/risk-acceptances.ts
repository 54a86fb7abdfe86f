import { z } from 'zod';
import type { RiskAcceptance } from '../../model/evidence.ts';
import { day, list, requiredText, text } from '../fields.ts';
import type { YamlFormat } from '../format.ts';
import { pick } from '../json-values.ts';

const schema = () =>
  z
    .object({
      id: requiredText,
      title: requiredText,
      owner: requiredText,
      approvedBy: text,
      accepted: day(true),
      expires: day(true),
      scope: list(/;/),
      reason: text,
    })
    .superRefine((row, ctx) => {
      if (row.accepted && row.expires && row.expires < row.accepted) {
        ctx.addIssue({ code: 'custom', path: ['expires'], message: `expires (${row.expires}) is before accepted (${row.accepted})`, params: { rule: 'risk/expiry-order' } });
      }
    });
type Row = z.output<ReturnType<typeof schema>>;

const fields = { id: 'id', title: 'title', owner: 'owner', approvedBy: 'approved_by', accepted: 'accepted', expires: 'expires', scope: 'scope', reason: 'reason' } as const;

/**
 * `risk-acceptances.yaml`: the risk register's accepted risks and exceptions, each with an owner
 * and an expiry, kept by the client's compliance owner.
 */
export const riskAcceptancesYaml: YamlFormat<Row, RiskAcceptance> = {
  id: 'risk-acceptances-yaml',
  syntax: 'yaml',
  kind: 'risk-acceptances',
  title: 'Risk acceptances and exceptions (YAML)',
  records: 'risk_acceptances',
  columns: {
    id: { headers: ['id'], required: true, description: 'Register id, e.g. RA-2026-004' },
    title: { headers: ['title'], required: true, description: 'The risk accepted' },
    owner: { headers: ['owner'], required: true, description: 'Who owns the risk' },
    approvedBy: { headers: ['approved_by'], required: false, description: 'Who approved the acceptance' },
    accepted: { headers: ['accepted'], required: true, description: 'Date accepted, YYYY-MM-DD' },
    expires: { headers: ['expires'], required: true, description: 'Date it expires, YYYY-MM-DD' },
    scope: { headers: ['scope'], required: false, description: 'List of finding keys, hosts or control ids it covers' },
    reason: { headers: ['reason'], required: false, description: 'Why, and the compensating controls' },
  },
  values: (item) => Object.fromEntries(Object.entries(fields).map(([key, name]) => [key, pick(item, name)])),
  rowSchema: schema,
  toRecord: (row, { source }) => ({ ...row, accepted: row.accepted!, expires: row.expires!, source }),
  key: (risk) => risk.id.toLowerCase(),
};
