import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ReportModel } from '../../src/model/report.ts';
import { buildSites, type BuildSitesResult } from '../../src/portal/build-sites.ts';
import { sampleReport } from '../support/sample-report.ts';
import { controlSlug } from '../../src/site/lib/paths.ts';
import { withControls } from './with-controls.ts';
import { withOperations } from './with-operations.ts';

/**
 * The portal fixture: two clients × two periods, a marker of its own in every text field of each
 * client, hostile text in one finding. Markers are single words, so the search index (which stores
 * words, not phrases) holds them whole.
 */
export const clients = ['alpha-dental', 'beta-cpa'] as const;
export const periods = ['2026-Q2', '2026-Q3'] as const;
export const markers: Record<(typeof clients)[number], string> = { 'alpha-dental': 'mkralpha5d1c', 'beta-cpa': 'mkrbeta9e7f' };
export const markerA = markers['alpha-dental'];
export const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
export const pageNames = ['index', 'controls', 'regulatory', 'findings', 'tickets', 'operations', 'documents', 'compare', 'evidence', 'ingest', 'raci'] as const;
/** The page of each document the sample models hold (tests/portal/with-operations.ts), under `<period>/documents/`. */
export const documentPages = ['security-policy', 'incident-response'] as const;
/** The file names of the control pages of each period: one per control the sample's assessment lists. */
export const controlPages = withControls(sampleReport()).controls.controls.map(controlSlug);
/** A finding whose plugin id only alpha-dental has, for search. */
export const alphaOnlyPlugin = '77123';

export function sampleModels(): ReportModel[] {
  return clients.flatMap((clientId) =>
    periods.map((period, i) => {
      const model = withOperations(withControls(sampleReport({ clientId, period, marker: markers[clientId] }), markers[clientId]), markers[clientId]);
      // Each period knows itself and the periods before it, as when it was first built.
      model.periods = periods.slice(0, i + 1);
      model.previousPeriod = periods[i - 1] ?? null;
      // Figures that move between the periods, so trends and the comparison have something to show.
      model.findings.totals = { ...model.findings.totals, open: 10 + 4 * i, breached: 5 - 2 * i };
      if (clientId === 'alpha-dental' && period === '2026-Q3') {
        model.findings.open[0] = { ...model.findings.open[0]!, title: hostile, output: `${hostile}\nsecond line` };
        model.findings.open[1] = { ...model.findings.open[1]!, pluginId: alphaOnlyPlugin };
      }
      return model;
    }),
  );
}

/**
 * A model whose every free-text field holds `payload`: each string of the sample model gets it
 * appended, kept wherever the schema accepts it (so ids, dates and codes stay valid). New text
 * fields added to the model are covered without changing this function.
 */
export function hostileModel(payload: string, clientId = 'hostile-clinic'): ReportModel {
  const model = withOperations(withControls(sampleReport({ clientId, period: '2026-Q3' }))) as unknown as Record<string, unknown>;
  const visit = (node: Record<string, unknown> | unknown[]) => {
    for (const key of Object.keys(node)) {
      const container = node as Record<string, unknown>;
      const value = container[key];
      if (typeof value === 'string') {
        container[key] = value + payload;
        if (!ReportModel.safeParse(model).success) container[key] = value;
      } else if (value && typeof value === 'object') {
        visit(value as Record<string, unknown>);
      }
    }
  };
  visit(model);
  return ReportModel.parse(model);
}

export interface BuiltSite {
  /** Holds `sites/` (the client portals) and `msp/` (the MSP overview). */
  root: string;
  outDir: string;
  result: BuildSitesResult;
  /** Removes the build's scratch and output folders. */
  remove(): Promise<void>;
}

/** Builds into a fresh folder under `.proofbook/` (buildSites wants its workDir inside the cwd). */
export async function buildSample(models: ReportModel[] = sampleModels()): Promise<BuiltSite> {
  await mkdir('.proofbook', { recursive: true });
  const root = await mkdtemp(join(process.cwd(), '.proofbook', 'test-portal-'));
  const outDir = join(root, 'sites');
  const result = await buildSites(models, { outDir, workDir: join(root, 'work') });
  return { root, outDir, result, remove: () => rm(root, { recursive: true, force: true }) };
}

export { listFiles } from '../../src/portal/build-sites.ts';

/** The values of every href and src attribute in a page. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((match) => match[1]!);
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
};

/** A static file server on 127.0.0.1 over `root`, as any static host would serve the portal. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    const info = path.startsWith(root) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
