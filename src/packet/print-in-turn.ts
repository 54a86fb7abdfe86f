/** Prints one document at a time: a tab in a browser of its own. */
export type Printer = (html: string) => Promise<Uint8Array>;

/**
 * Prints `documents` on every printer at once, each printer taking the next document as soon as
 * it is free, and hands the prints to `take` in order while the printers go on: Chromium's time
 * and Node's overlap instead of adding up. Each document's HTML is rendered as its print starts,
 * and at most one print per printer waits for `take`, so memory stays bounded.
 */
export async function printInTurn(documents: readonly (() => string)[], printers: readonly Printer[], take: (printed: Uint8Array, index: number) => Promise<void>): Promise<void> {
  const idle = [...printers];
  const prints: Promise<Uint8Array>[] = [];
  let taken = 0;
  let stopped = false;
  const start = () => {
    while (!stopped && idle.length > 0 && prints.length < documents.length && prints.length <= taken + printers.length) {
      const print = idle.pop()!;
      const document = documents[prints.length]!;
      // The printer is idle again before its print is taken, so the next print can start at once.
      const printed = (async () => print(document()))().finally(() => {
        idle.push(print);
        start();
      });
      // Awaited only in its turn: a print failing before then must not count as unhandled.
      printed.catch(() => undefined);
      prints.push(printed);
    }
  };
  try {
    start();
    for (let i = 0; i < documents.length; i++) {
      await take(await prints[i]!, i);
      taken++;
      start();
    }
  } finally {
    // A failure leaves prints under way: they must not outlive the packet.
    stopped = true;
    await Promise.allSettled(prints);
  }
}
