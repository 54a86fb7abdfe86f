import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';

/**
 * Finds and starts the Chromium that prints packets: PROOFBOOK_CHROME (an explicit path) →
 * the Chromium bundled in @sparticuz/chromium (linux x64 only) → a system Chrome or Chromium.
 */

/** The packet is self-contained: Chromium needs no network, and on these machines has none. */
const closedNetworkArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--dns-prefetch-disable',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Flags of @sparticuz/chromium meant for scraping other sites; a packet never needs them. */
const unwantedBundledArgs = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/**
 * @sparticuz/chromium runs everything in one process, which keeps one printer's memory low (a
 * 1,082-page packet peaks at 650-680 MB in all, against 987 MB multi-process) but puts every page on
 * one main thread. When several build workers print at once that thread serialises them, so a
 * shared browser runs multi-process: measured on 8 clients × 2 periods with 2 jobs, the packets'
 * time fell from 54 to 37 s and the build's speed-up over one job rose from 1.35× to 1.54×.
 */
const singleProcessArgs = new Set(['--single-process', '--no-zygote']);

/**
 * How many tabs print each packet side by side when `jobs` packets print at once: one per core
 * the jobs leave spare, since Chromium lays out and paints a document on one thread. At most two,
 * for memory: each printer holds a part, and a single-process Chromium of its own costs 140 MB
 * (a 1,082-page packet peaks at about 750 MB with two).
 */
export function printersPerPacket(jobs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, Math.floor(cores / jobs)));
}

export interface Printers {
  /** Every browser launched, to close at the end. */
  browsers: Browser[];
  /** What each packet prints on: a tab in each (the same browser may come more than once). */
  perPacket: Browser[];
}

/**
 * The browsers a build with `jobs` workers prints with. One job: a single-process Chromium per
 * printer. Several: one multi-process Chromium for all, in which every tab has a renderer of its
 * own, so a packet's printers are tabs of that one browser.
 */
export async function launchPrinters(jobs: number, cores = availableParallelism()): Promise<Printers> {
  const printers = printersPerPacket(jobs, cores);
  if (jobs > 1) {
    const shared = await launchBrowser({ shared: true });
    return { browsers: [shared], perPacket: Array.from({ length: printers }, () => shared) };
  }
  const launched = await Promise.allSettled(Array.from({ length: printers }, () => launchBrowser()));
  const browsers = launched.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  const failed = launched.find((l) => l.status === 'rejected');
  if (failed) {
    await Promise.all(browsers.map((browser) => browser.close()));
    throw failed.reason;
  }
  return { browsers, perPacket: browsers };
}

const systemPaths: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
};

export interface BrowserChoice {
  /** Where the executable came from, for messages. */
  source: string;
  executablePath: string;
  args: string[];
  /** The bundled binary is chrome-headless-shell; a full Chrome runs the new headless mode. */
  headless: true | 'shell';
}

export interface ResolveContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  /** Chromium's sandbox cannot start as root (containers, CI), so it is turned off there. */
  runningAsRoot: boolean;
  exists: (path: string) => boolean;
  /** Unpacks the bundled Chromium and returns its path and recommended flags. */
  bundled: () => Promise<{ executablePath: string; args: string[] }>;
}

const fix = 'Set PROOFBOOK_CHROME to the path of a Chrome or Chromium executable (version 120 or later).';

export interface LaunchOptions {
  /** Several processes print with this browser at the same time. */
  shared?: boolean;
}

export async function resolveBrowser(context: ResolveContext, options: LaunchOptions = {}): Promise<BrowserChoice> {
  const explicit = context.env['PROOFBOOK_CHROME'];
  if (explicit) {
    if (!context.exists(explicit)) {
      throw new Error(`PROOFBOOK_CHROME is set to ${explicit}, but there is no file there. ${fix} Or unset it to use the bundled Chromium.`);
    }
    return { source: 'PROOFBOOK_CHROME', executablePath: explicit, args: systemArgs(context), headless: true };
  }
  const tried = ['PROOFBOOK_CHROME: not set'];
  if (context.platform === 'linux' && context.arch === 'x64') {
    try {
      const bundled = await context.bundled();
      const args = bundled.args.filter((arg) => !unwantedBundledArgs.has(arg) && !(options.shared && singleProcessArgs.has(arg)));
      return { source: '@sparticuz/chromium', executablePath: bundled.executablePath, args: [...args, ...closedNetworkArgs], headless: 'shell' };
    } catch (error) {
      tried.push(`@sparticuz/chromium: could not be unpacked (${error instanceof Error ? error.message : String(error)})`);
    }
  } else {
    tried.push(`@sparticuz/chromium: only for linux x64, this is ${context.platform} ${context.arch}`);
  }
  for (const path of systemPaths[context.platform] ?? []) {
    if (context.exists(path)) return { source: 'system', executablePath: path, args: systemArgs(context), headless: true };
    tried.push(`${path}: not found`);
  }
  throw new Error(`No Chrome or Chromium found to print the packet. Tried:\n${tried.map((t) => `  - ${t}`).join('\n')}\n${fix}`);
}

function systemArgs(context: ResolveContext): string[] {
  return context.runningAsRoot ? ['--no-sandbox', ...closedNetworkArgs] : closedNetworkArgs;
}

function defaultContext(): ResolveContext {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    runningAsRoot: process.getuid?.() === 0,
    exists: existsSync,
    bundled: async () => {
      // Imported only here: other platforms never load it.
      const { default: chromium } = await import('@sparticuz/chromium');
      return { executablePath: await chromium.executablePath(), args: chromium.args };
    },
  };
}

export async function launchBrowser(options: LaunchOptions = {}, context: ResolveContext = defaultContext()): Promise<Browser> {
  const choice = await resolveBrowser(context, options);
  try {
    return await puppeteer.launch({ executablePath: choice.executablePath, args: choice.args, headless: choice.headless });
  } catch (cause) {
    throw new Error(`Chromium from ${choice.source} (${choice.executablePath}) did not start. ${fix}`, { cause });
  }
}
