import { createHash } from 'node:crypto';
import { UserError } from '../cli/user-error.ts';

/** One of n CI jobs: `--shard i/n` builds the clients whose hash falls in slot i (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard ${JSON.stringify(text)}: expected i/n with 1 ≤ i ≤ n, e.g. 2/4`, 'In a CI matrix of n jobs, give job i the option --shard i/n.', 2);
  }
  return { index, count };
}

/**
 * Whether a client belongs to the shard: by a hash of its id, so the split never depends on which
 * other clients exist, on the order of folders, or on the machine, and adding a client moves no other.
 */
export function inShard(clientId: string, shard: Shard): boolean {
  const slot = createHash('sha256').update(clientId).digest().readUInt32BE(0) % shard.count;
  return slot === shard.index - 1;
}
