/**
 * The chain of quarters: each period's manifest records the SHA-256 of the previous period's
 * manifest of the same client. Checking a client's sealed periods in order finds the first link
 * that does not hold: an earlier quarter replaced, rebuilt or removed after a later one was sealed.
 */

export interface ChainLink {
  period: string;
  manifestSha256: string;
  previous: { period: string; manifestSha256: string } | null;
}

export interface ChainCheck {
  client: string;
  /** The periods found, in order. */
  periods: string[];
  /** The first link that does not hold, or null when the whole chain holds. */
  broken: { from: string; to: string; problem: string } | null;
  notes: string[];
}

const short = (digest: string) => `${digest.slice(0, 12)}…`;

export function checkChain(client: string, links: ChainLink[]): ChainCheck {
  const sorted = [...links].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const notes: string[] = [];
  const periods = sorted.map((l) => l.period);
  const first = sorted[0];
  if (first?.previous) notes.push(`${first.period} links to ${first.previous.period}, which is not here: the chain is checked from ${first.period} on`);
  for (let i = 1; i < sorted.length; i++) {
    const [before, link] = [sorted[i - 1]!, sorted[i]!];
    const problem = linkProblem(before, link);
    if (problem) return { client, periods, broken: { from: before.period, to: link.period, problem }, notes };
  }
  return { client, periods, broken: null, notes };
}

function linkProblem(before: ChainLink, link: ChainLink): string | null {
  if (link.period === before.period) {
    return link.manifestSha256 === before.manifestSha256 ? null : `two different sealed copies of ${link.period} are here`;
  }
  if (!link.previous) return `${link.period} names no previous period, but ${before.period} is sealed here`;
  if (link.previous.period !== before.period) return `${link.period} was chained to ${link.previous.period}, but the period before it here is ${before.period}`;
  if (link.previous.manifestSha256 !== before.manifestSha256) {
    return `${link.period} was sealed after a ${before.period} whose manifest has SHA-256 ${short(link.previous.manifestSha256)}, but the ${before.period} here has ${short(before.manifestSha256)}: ${before.period} was replaced or rebuilt after ${link.period} was sealed`;
  }
  return null;
}

/** One line per chain, as `proofbook verify` prints it. */
export function describeChain(chain: ChainCheck): string {
  return chain.broken
    ? `BROKEN chain of ${chain.client}: first broken link ${chain.broken.from} → ${chain.broken.to}: ${chain.broken.problem}`
    : `OK     chain of ${chain.client}: ${chain.periods.join(' → ')}`;
}
