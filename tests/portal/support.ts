import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { ReportModel } from '../../src/model/report.ts';
import { buildSites, type BuildSitesResult } from '../../src/portal/build-sites.ts';
import { sampleReport } from '../support/sample-report.ts';

/** The portal fixture: two clients × two periods, a marker in client A, hostile text in one finding. */
export const clients = ['alpha-dental', 'beta-cpa'] as const;
export const periods = ['2026-Q2', '2026-Q3'] as const;
export const markerA = 'MARKER-ALPHA-5d1c';
export const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
export const pageNames = ['index', 'findings', 'tickets', 'ingest', 'raci'] as const;

export function sampleModels(): ReportModel[] {
  return clients.flatMap((clientId) =>
    periods.map((period, i) => {
      const model = sampleReport({ clientId, period, marker: clientId === 'alpha-dental' ? markerA : '' });
      // Each period knows itself and the periods before it, as when it was first built.
      model.periods = periods.slice(0, i + 1);
      model.previousPeriod = periods[i - 1] ?? null;
      if (clientId === 'alpha-dental' && period === '2026-Q3') {
        model.findings.open[0] = { ...model.findings.open[0]!, title: hostile, output: `${hostile}\nsecond line` };
      }
      return model;
    }),
  );
}

export interface BuiltSite {
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
  return { outDir, result, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Every file below `dir`, relative and `/`-separated, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** The values of every href and src attribute in a page. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
}
