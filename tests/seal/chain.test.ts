import { describe, expect, it } from 'vitest';
import { checkChain, type ChainLink } from '../../src/seal/chain.ts';

/** The chain of quarters as plain data: manifests as digests and links. */

const digestOf = (period: string, version = 1) => `${period}-v${version}`.padEnd(64, '0');
const link = (period: string, previous: string | null, previousVersion = 1): ChainLink => ({
  period,
  manifestSha256: digestOf(period),
  previous: previous ? { period: previous, manifestSha256: digestOf(previous, previousVersion) } : null,
});
const quarters = [link('2026-Q1', null), link('2026-Q2', '2026-Q1'), link('2026-Q3', '2026-Q2'), link('2026-Q4', '2026-Q3')];

describe('checkChain', () => {
  it('holds for quarters each linked to the one before, in any order given', () => {
    const check = checkChain('acme', [...quarters].reverse());
    expect(check).toEqual({ client: 'acme', periods: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], broken: null, notes: [] });
  });

  it('names the first broken link when a middle quarter was replaced', () => {
    const replaced = quarters.map((l) => (l.period === '2026-Q2' ? { ...l, manifestSha256: digestOf('2026-Q2', 2) } : l));
    const check = checkChain('acme', replaced);
    expect(check.broken).toMatchObject({ from: '2026-Q2', to: '2026-Q3' });
    expect(check.broken!.problem).toMatch(/^2026-Q3 was sealed after a 2026-Q2 whose manifest has SHA-256 2026-Q2-v100…, but the 2026-Q2 here has 2026-Q2-v200…/);
    expect(check.broken!.problem).toMatch(/2026-Q2 was replaced or rebuilt after 2026-Q3 was sealed$/);
  });

  it('reports only the first of several broken links', () => {
    const broken = [link('2026-Q1', null), link('2026-Q2', '2026-Q1', 9), link('2026-Q3', '2026-Q2', 9)];
    expect(checkChain('acme', broken).broken).toMatchObject({ from: '2026-Q1', to: '2026-Q2' });
  });

  it('breaks where a quarter was removed from the middle', () => {
    const check = checkChain('acme', quarters.filter((l) => l.period !== '2026-Q3'));
    expect(check.broken).toEqual({ from: '2026-Q2', to: '2026-Q4', problem: '2026-Q4 was chained to 2026-Q3, but the period before it here is 2026-Q2' });
  });

  it('breaks where a later quarter names no previous one', () => {
    const check = checkChain('acme', [link('2026-Q1', null), link('2026-Q2', null)]);
    expect(check.broken?.problem).toBe('2026-Q2 names no previous period, but 2026-Q1 is sealed here');
  });

  it('starts from the earliest quarter present, with a note, when earlier ones are elsewhere', () => {
    const check = checkChain('acme', quarters.slice(2));
    expect(check.broken).toBeNull();
    expect(check.notes).toEqual(['2026-Q3 links to 2026-Q2, which is not here: the chain is checked from 2026-Q3 on']);
  });

  it('accepts two identical copies of a quarter and flags two different ones', () => {
    expect(checkChain('acme', [...quarters, quarters[1]!]).broken).toBeNull();
    const other = { ...quarters[1]!, manifestSha256: digestOf('2026-Q2', 2) };
    expect(checkChain('acme', [...quarters, other]).broken?.problem).toBe('two different sealed copies of 2026-Q2 are here');
  });
});
