import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/assess/percentile.ts';
import { assessTickets } from '../../src/assess/tickets.ts';
import type { Ticket } from '../../src/model/evidence.ts';
import { periodBounds } from '../../src/model/period.ts';

const targets = {
  P1: { acknowledge_hours: 1, resolve_hours: 8 },
  P2: { acknowledge_hours: 4, resolve_hours: 24 },
  P3: { acknowledge_hours: 8, resolve_hours: 72 },
  P4: { acknowledge_hours: 24, resolve_hours: 168 },
};

const at = (hours: number) => new Date(Date.parse('2026-07-01T00:00:00Z') + hours * 3_600_000).toISOString();
const ticket = (id: string, priority: Ticket['priority'], ack: number | null, resolve: number | null, ownerSide: Ticket['ownerSide'] = 'msp'): Ticket => ({
  id, title: id, priority, ownerSide, assignee: 'tech', created: at(0), acknowledged: ack === null ? null : at(ack), resolved: resolve === null ? null : at(resolve), source: { file: 'c/p/t.csv', line: 2 },
});

describe('percentile', () => {
  it('uses the nearest rank, so the figure is an observed value', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('assessTickets', () => {
  const tickets = [
    ...Array.from({ length: 19 }, (_, i) => ticket(`A${i}`, 'P1', 0.5, 4)),
    ticket('LATE', 'P1', 3, 9, 'internal'),
    ticket('Q1', 'P2', 1, 10),
    ticket('WAITING', 'P3', null, null),
  ];
  const section = assessTickets(tickets, periodBounds('2026-Q3'), targets);

  it('computes P50/P95 per priority against the targets', () => {
    const p1 = section.byPriority.find((p) => p.priority === 'P1')!;
    expect(p1).toMatchObject({ tickets: 20, open: 0, ackP50: 0.5, ackP95: 0.5, resolveP95: 4, ackMet: true, resolveMet: true, ackBreaches: 1, resolveBreaches: 1 });
    expect(section.byPriority.find((p) => p.priority === 'P4')).toMatchObject({ tickets: 0, ackP95: null, ackMet: null });
  });

  it('counts a ticket never acknowledged with its wait at the period end, as a breach', () => {
    const p3 = section.byPriority.find((p) => p.priority === 'P3')!;
    expect(p3).toMatchObject({ open: 1, ackMet: false, ackP95: 2208 });
    expect(section.breaches.filter((b) => b.id === 'WAITING').map((b) => [b.measure, b.outstanding])).toEqual([['acknowledgment', true], ['resolution', true]]);
  });

  it('lists every breach with the owner side', () => {
    expect(section.breaches.map((b) => `${b.id}:${b.measure}`)).toEqual(['LATE:acknowledgment', 'LATE:resolution', 'WAITING:acknowledgment', 'WAITING:resolution']);
    expect(section.bySide).toEqual([{ side: 'msp', tickets: 21, breaches: 1 }, { side: 'internal', tickets: 1, breaches: 1 }]);
  });
});
