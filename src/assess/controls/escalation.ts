import type { Priority } from '../../model/client.ts';
import type { SiemAlert } from '../../model/evidence.ts';
import { hoursBetween } from '../percentile.ts';
import { atMostPartial } from './at-most.ts';
import type { Check } from './checks.ts';
import { fileEvidence } from './file-evidence.ts';
import { counted } from './wording.ts';

/** client.yaml sets no alert SLA: a critical alert is held to the P1 acknowledgment target, a high one to P2. */
const priorityOf = { critical: 'P1', high: 'P2' } as const satisfies Partial<Record<SiemAlert['severity'], Priority>>;
type Urgent = keyof typeof priorityOf;
const isUrgent = (a: SiemAlert): a is SiemAlert & { severity: Urgent } => a.severity in priorityOf;

const ids = (alerts: readonly SiemAlert[]) => alerts.map((a) => a.id).join(', ');

/**
 * Critical and high alerts were handled as the incident response plan says: each acknowledged
 * within the acknowledgment target of its priority, every critical one escalated, and every
 * escalation recorded with whom or which ticket it went to. High alerts are escalated at the
 * analyst's judgement, so an unescalated high alert is no fault. An export without acknowledgment
 * times (Wazuh's alerts.json) says nothing about response: the check then credits nothing.
 */
const incidentEscalation: Check = (context, ttlDays) => {
  const files = fileEvidence(context, 'alerts', 'msp', ttlDays);
  if (files.files.length === 0) return { status: 'gap', reason: 'no SIEM or EDR alert export in this period', evidence: [] };
  const alerts = context.records.alerts;
  if (alerts.every((a) => a.acknowledged === undefined)) return null;
  const urgent = alerts.filter(isUrgent);
  if (urgent.length === 0) return { status: 'partial', reason: `${counted(alerts.length, 'alert')} in the period, none critical or high: the response to one is not shown`, evidence: files.evidence };
  const target = (a: SiemAlert & { severity: Urgent }) => context.tickets.byPriority.find((p) => p.priority === priorityOf[a.severity])?.ackTargetHours ?? 0;
  const late = urgent.filter((a) => typeof a.acknowledged !== 'string' || hoursBetween(a.time, a.acknowledged) > target(a));
  const unescalated = urgent.filter((a) => a.severity === 'critical' && a.escalated !== true);
  const unrecorded = urgent.filter((a) => a.escalated === true && !a.escalatedTo);
  const faults = [
    late.length > 0 ? `${late.length} not acknowledged within target (${ids(late)})` : null,
    unescalated.length > 0 ? `${unescalated.length} critical not escalated (${ids(unescalated)})` : null,
    unrecorded.length > 0 ? `${unrecorded.length} escalated without saying to whom (${ids(unrecorded)})` : null,
  ].filter((f): f is string => f !== null);
  const escalated = urgent.filter((a) => a.escalated === true).length;
  if (faults.length > 0) return { status: 'partial', reason: `of ${urgent.length} critical or high, ${faults.join('; ')}`, evidence: files.evidence };
  return { status: 'satisfied', reason: `${counted(urgent.length, 'critical or high alert')}, each acknowledged within target (P1 for critical, P2 for high), ${escalated} escalated with a recorded ticket or recipient`, evidence: files.evidence };
};

export const escalationChecks = {
  'incident-escalation': incidentEscalation,
  // HIPAA 164.308(a)(6)(ii) also asks to mitigate harmful effects and to document incidents and their outcomes.
  'incident-escalation-hipaa': atMostPartial(incidentEscalation, 'mitigation of harmful effects, and the documentation of incidents and their outcomes'),
};
