import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSample, listFiles, type BuiltSite } from './support.ts';

const sites: BuiltSite[] = [];
afterAll(() => Promise.all(sites.map((site) => site.remove())));

it('builds the same models into byte-identical sites, whatever the folders', async () => {
  // One after the other: buildSites runs one build per process at a time.
  sites.push(await buildSample());
  sites.push(await buildSample());
  const [a, b] = sites as [BuiltSite, BuiltSite];
  // The portals, their search indexes and models, and the MSP overview.
  const outputs = async (site: BuiltSite) => (await listFiles(site.root)).filter((file) => !file.startsWith('work/'));
  const files = await outputs(a);
  expect(files).toContain('msp/index.html');
  expect(await outputs(b)).toEqual(files);
  for (const file of files) {
    const [bytesA, bytesB] = await Promise.all([readFile(join(a.root, file)), readFile(join(b.root, file))]);
    expect(bytesA.equals(bytesB), file).toBe(true);
  }
}, 120_000);
