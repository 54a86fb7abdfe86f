import { createHash } from 'node:crypto';
import type { Browser } from 'puppeteer-core';
import type { ReportModel } from '../model/report.ts';
import type { PdfMetadata } from './assemble.ts';
import { printPacket } from './print.ts';
import type { PacketStage } from './print.ts';
import { renderHtml } from './render-html.ts';
import { signPdf } from './sign.ts';
import { loadTemplates } from './templates.ts';

/**
 * The packet stage: report model → HTML → Chromium → PDF binder → signature. Reads the
 * templates and fonts; writes nothing (the pipeline decides where the bytes go).
 */

export interface PacketOptions {
  /**
   * The browsers that print, side by side, a tab each. A single-process Chromium prints on one
   * core, so as many as there are spare cores make the packet that much faster.
   */
  browsers: readonly Browser[];
  /** A templates folder overlaying the bundled one (which is the default). */
  templatesDir?: string;
  key: { p12: Buffer; passphrase: string };
  /** Puts a "not for submission" notice on the cover and every page header. */
  signedWithDevelopmentKey: boolean;
  /** When the signature is made; defaults to now. */
  signingTime?: Date;
  /** Estimated lines of table text per printed part (parts.ts); tests make it small. */
  partLines?: number;
  /** Tags the PDF for screen readers (print.ts). */
  tagged?: boolean;
  /** Called as each step begins, for a caller that measures them. */
  onStage?: (stage: PacketStage) => void;
}

export interface Packet {
  /** Byte-identical for the same model and options. */
  unsigned: Uint8Array;
  signed: Uint8Array;
  pages: number;
  /** Every section of the contents with the page its heading stands on (the cover is page 1). */
  sections: { title: string; page: number }[];
}

function packetMetadata(report: ReportModel, signedWithDevelopmentKey: boolean): PdfMetadata {
  const { client, period } = report;
  // Derived from the content, so the same model always yields the same ID and another model another.
  const documentId = createHash('sha256').update(JSON.stringify({ report, signedWithDevelopmentKey })).digest('hex').slice(0, 32);
  return {
    title: `${client.name} — compliance packet ${period.id}`,
    author: report.msp.name,
    subject: `Quarterly compliance evidence of ${client.name} for ${period.id} (${period.start} to ${period.end})`,
    keywords: [client.id, period.id, ...client.frameworks.map((f) => f.id)],
    creator: `Proofbook ${report.toolVersion}`,
    producer: 'Proofbook',
    date: new Date(report.generatedAt),
    language: 'en-US',
    documentId,
  };
}

export async function buildPacket(report: ReportModel, options: PacketOptions): Promise<Packet> {
  const templates = await loadTemplates(options.templatesDir);
  const { signedWithDevelopmentKey } = options;
  const printed = await printPacket(
    options.browsers,
    renderHtml(report, templates, { signedWithDevelopmentKey, partLines: options.partLines }),
    packetMetadata(report, signedWithDevelopmentKey),
    { tagged: options.tagged, onStage: options.onStage },
  );
  options.onStage?.('signature');
  const signed = await signPdf(printed.pdf, options.key, {
    reason: `Compliance packet of ${report.client.name} for ${report.period.id}, prepared by ${report.msp.name}`,
    location: '',
    name: report.msp.name,
    signingTime: options.signingTime ?? new Date(),
  }, printed.document);
  return { unsigned: printed.pdf, signed, pages: printed.pages, sections: printed.sections };
}
