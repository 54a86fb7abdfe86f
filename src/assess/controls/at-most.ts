import type { Check } from './checks.ts';

/**
 * A check whose evidence shows only part of what its controls ask: its "satisfied" becomes
 * "partial", naming what the evidence cannot show, so a rule never credits more than it sees.
 * Another rule that satisfies the same control (a policy naming the security official) shows the
 * rest, so such a partial does not hold that control down (see assess-controls.ts).
 */
export function atMostPartial(check: Check, unshown: string): Check {
  return (context, ttlDays) => {
    const outcome = check(context, ttlDays);
    if (outcome?.status !== 'satisfied') return outcome;
    return { ...outcome, status: 'partial', reason: `${outcome.reason}; not shown by this evidence: ${unshown}`, unshown };
  };
}
