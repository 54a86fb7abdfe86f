import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { ReportModel } from '../../src/model/report.ts';
import { launchBrowser } from '../../src/packet/browser.ts';
import { buildPacket } from '../../src/packet/packet.ts';
import type { Packet } from '../../src/packet/packet.ts';
import { createTestKey } from './test-key.ts';

/** A packet printed once for a test file, with the text of each page as pdftotext lays it out. */
export interface Printed {
  packet: Packet;
  /** Text of each page (index 0 is page 1). */
  pages: string[];
  close: () => Promise<void>;
}

export async function printReport(report: ReportModel, name: string): Promise<Printed> {
  const key = await createTestKey();
  // Two printers, as a one-job build on two cores has: the parts come back out of order and must be bound in order.
  const [browsers, dir]: [Browser[], string] = await Promise.all([Promise.all([launchBrowser(), launchBrowser()]), mkdtemp(join(tmpdir(), `proofbook-${name}-`))]);
  const close = async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const packet = await buildPacket(report, { browsers, key, signedWithDevelopmentKey: false });
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, packet.unsigned);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (text.error) throw new Error('pdftotext could not run (install poppler-utils)', { cause: text.error });
    return { packet, pages: text.stdout.split('\f').slice(0, packet.pages), close };
  } catch (error) {
    await close();
    throw error;
  }
}
