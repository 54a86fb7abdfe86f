import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSites } from '../../src/portal/build-sites.ts';
import { buildSample, listFiles, sampleModels, type BuiltSite } from './support.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSample();
}, 120_000);
afterAll(() => site?.remove());

it('replaces only the client periods it builds, and that client index', async () => {
  // An earlier period built long ago, which the models given now do not mention.
  const old = join(site.outDir, 'beta-cpa/2026-Q1/index.html');
  await mkdir(dirname(old), { recursive: true });
  await writeFile(old, 'built in an earlier quarter');
  const before = new Map<string, string>();
  for (const file of await listFiles(site.outDir)) before.set(file, await readFile(join(site.outDir, file), 'utf8'));

  const betaQ3 = sampleModels().find((m) => m.client.id === 'beta-cpa' && m.period.id === '2026-Q3')!;
  const rebuilt = { ...betaQ3, client: { ...betaQ3.client, name: 'Beta CPA, renamed' } };
  const result = await buildSites([rebuilt], { outDir: site.outDir, workDir: join(dirname(site.outDir), 'work-again') });

  const changed: string[] = [];
  for (const [file, text] of before) {
    if ((await readFile(join(site.outDir, file), 'utf8')) !== text) changed.push(file);
  }
  const expected = ['beta-cpa/index.html', ...['findings', 'index', 'ingest', 'raci', 'tickets'].map((p) => `beta-cpa/2026-Q3/${p}.html`)];
  expect(result.files).toEqual(expected.sort());
  expect(changed.sort()).toEqual(expected.sort());
  expect(await listFiles(site.outDir)).toEqual([...before.keys()]);
}, 120_000);

it('keeps the client index of a later period when an older period is rebuilt', async () => {
  const index = join(site.outDir, 'alpha-dental/index.html');
  const before = await readFile(index, 'utf8');
  const alphaQ2 = sampleModels().find((m) => m.client.id === 'alpha-dental' && m.period.id === '2026-Q2')!;
  const result = await buildSites([alphaQ2], { outDir: site.outDir, workDir: join(dirname(site.outDir), 'work-older') });
  expect(result.files).not.toContain('alpha-dental/index.html');
  expect(result.pages).toBe(5);
  expect(await readFile(index, 'utf8')).toBe(before);
}, 120_000);
