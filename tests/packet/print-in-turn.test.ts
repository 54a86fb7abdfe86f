import { describe, expect, it } from 'vitest';
import { printInTurn } from '../../src/packet/print-in-turn.ts';
import type { Printer } from '../../src/packet/print-in-turn.ts';

/** What the fake printers saw: which documents each printed, and how many prints were under way or waiting at most. */
interface Log {
  printedBy: Map<number, string[]>;
  rendered: string[];
  mostAhead: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Printers that take `delay(document)` ms to print a document and return its name as bytes; each
 * checks it never prints two documents at once. `taken` is how many prints `take` has finished.
 */
function fakePrinters(count: number, delay: (html: string) => number, log: Log, taken: () => number, failOn?: string): Printer[] {
  return Array.from({ length: count }, (_, p) => {
    let busy = false;
    return async (html: string) => {
      if (busy) throw new Error(`printer ${p} was given a second document while printing`);
      busy = true;
      const started = Number(html.slice(4));
      log.mostAhead = Math.max(log.mostAhead, started - taken());
      log.printedBy.set(p, [...(log.printedBy.get(p) ?? []), html]);
      await sleep(delay(html));
      busy = false;
      if (html === failOn) throw new Error(`${html} could not be printed`);
      return new TextEncoder().encode(html);
    };
  });
}

function documents(count: number, log: Log): (() => string)[] {
  return Array.from({ length: count }, (_, i) => () => {
    log.rendered.push(`doc ${i}`);
    return `doc ${i}`;
  });
}

const newLog = (): Log => ({ printedBy: new Map(), rendered: [], mostAhead: 0 });

describe('printing in turn on several printers', () => {
  it('hands every print to take in order though later ones finish first, and uses every printer', async () => {
    const log = newLog();
    const takenNames: string[] = [];
    // Even documents take long, odd ones are quick: prints finish out of order.
    const printers = fakePrinters(2, (html) => (Number(html.slice(4)) % 2 === 0 ? 15 : 2), log, () => takenNames.length);
    await printInTurn(documents(12, log), printers, async (printed, index) => {
      takenNames.push(`${index}:${new TextDecoder().decode(printed)}`);
      await sleep(1);
    });
    expect(takenNames).toEqual(Array.from({ length: 12 }, (_, i) => `${i}:doc ${i}`));
    expect(log.rendered).toEqual(Array.from({ length: 12 }, (_, i) => `doc ${i}`));
    expect([...log.printedBy.values()].every((docs) => docs.length >= 3)).toBe(true);
  });

  it('starts no print more than one per printer ahead of what take has finished, however slow take is', async () => {
    for (const count of [1, 2, 3]) {
      const log = newLog();
      let taken = 0;
      await printInTurn(documents(10, log), fakePrinters(count, () => 1, log, () => taken), async () => {
        await sleep(10);
        taken++;
      });
      expect(log.mostAhead, `${count} printer(s)`).toBe(count);
    }
  });

  it('fails with the first failure in document order, starts nothing after it and waits for the prints under way', async () => {
    const log = newLog();
    let taken = 0;
    const printers = fakePrinters(2, (html) => (html === 'doc 3' ? 1 : 20), log, () => taken, 'doc 3');
    const under = printInTurn(documents(20, log), printers, async () => {
      taken++;
    });
    await expect(under).rejects.toThrow('doc 3 could not be printed');
    const printed = [...log.printedBy.values()].flat().length;
    // Nothing is printing now: nothing more is started after the failure was met.
    await sleep(50);
    expect([...log.printedBy.values()].flat()).toHaveLength(printed);
    expect(printed).toBeLessThan(8);
    expect(taken).toBe(3);
  });

  it('reports a document that cannot be rendered as that document failing', async () => {
    const log = newLog();
    const docs = documents(6, log).map((render, i) => (i === 2 ? () => { throw new Error('"misspelt" not defined'); } : render));
    let taken = 0;
    await expect(printInTurn(docs, fakePrinters(2, () => 2, log, () => taken), async () => { taken++; })).rejects.toThrow('"misspelt" not defined');
    expect(taken).toBe(2);
  });
});
