import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientInputs, periodInputs, toolDigests } from '../../src/build/inputs.ts';
import { packetKey, reportKeys, siteKey, type SharedInputs } from '../../src/build/keys.ts';
import { sha256File } from '../../src/ingest/drop.ts';
import { generatedDrop, repo } from './support.ts';

/**
 * Cache keys change exactly when one of their inputs changes. Real files: a generated drop, a copy
 * of the packet templates and a stand-in tool folder (src/site/, content/, astro.config.mjs),
 * each edited in turn; every key of every stage is compared before and after.
 */
const { root, data } = generatedDrop('keys');
const templates = path.join(root, 'templates');
const tool = path.join(root, 'tool');
const clients = ['smile-dental', 'ledger-cpa'];

type Keys = Record<string, string>;

/** Every key of every client, period and stage, named `<stage> <client> <period>`. */
async function allKeys(version = '1.0.0'): Promise<Keys> {
  const shared: SharedInputs = {
    version,
    ...(await toolDigests(templates, tool)),
    msp: await sha256File(path.join(data, 'msp.yaml')),
    sourceDateEpoch: null,
    signer: 'f'.repeat(64),
  };
  const keys: Keys = {};
  for (const client of clients) {
    const inputs = await clientInputs(data, client);
    const periods = await Promise.all(inputs.periods.map((p) => periodInputs(data, client, p)));
    reportKeys(shared, inputs, periods).forEach((report, i) => {
      const at = `${client} ${inputs.periods[i]}`;
      keys[`report ${at}`] = report;
      keys[`site ${at}`] = siteKey(shared, report);
      keys[`packet ${at}`] = packetKey(shared, report);
    });
  }
  return keys;
}

/** The names of the keys that differ after `edit`. */
async function changedBy(edit: () => void): Promise<string[]> {
  const before = await allKeys();
  edit();
  const after = await allKeys();
  return Object.keys(before).filter((name) => before[name] !== after[name]).sort();
}

const every = (stage: string) => clients.flatMap((c) => ['2026-Q2', '2026-Q3'].map((p) => `${stage} ${c} ${p}`));

beforeAll(() => {
  cpSync(path.join(repo, 'templates'), templates, { recursive: true });
  for (const folder of ['src/site/pages', 'content/frameworks']) mkdirSync(path.join(tool, folder), { recursive: true });
  writeFileSync(path.join(tool, 'src', 'site', 'pages', 'index.astro'), '<h1>portal</h1>\n');
  writeFileSync(path.join(tool, 'content', 'frameworks', 'hipaa.yaml'), 'id: hipaa\ncontrols: []\n');
  writeFileSync(path.join(tool, 'astro.config.mjs'), 'export default {};\n');
});

describe('cache keys', () => {
  it('are the same when nothing changed', async () => {
    expect(await changedBy(() => {})).toEqual([]);
  });

  it('a template edit changes every packet key and nothing else', async () => {
    expect(await changedBy(() => appendFileSync(path.join(templates, 'print.css'), '\n/* edited */\n'))).toEqual(every('packet').sort());
  });

  it('a site source edit changes every site key and nothing else', async () => {
    expect(await changedBy(() => appendFileSync(path.join(tool, 'src', 'site', 'pages', 'index.astro'), '<p>edited</p>\n'))).toEqual(every('site').sort());
  });

  it('a catalog edit changes every report, and so every site and packet', async () => {
    const changed = await changedBy(() => appendFileSync(path.join(tool, 'content', 'frameworks', 'hipaa.yaml'), '# edited\n'));
    expect(changed).toEqual([...every('report'), ...every('site'), ...every('packet')].sort());
  });

  it("a data edit changes that client's period and the later periods, which compare with it; no other client", async () => {
    const changed = await changedBy(() => appendFileSync(path.join(data, 'ledger-cpa', '2026-Q2', 'tickets.csv'), 'EDIT-1,edited,P3,2026-05-01 10:00,2026-05-01 11:00,2026-05-02 10:00,msp,alex\n'));
    expect(changed).toEqual(['report', 'site', 'packet'].flatMap((stage) => [`${stage} ledger-cpa 2026-Q2`, `${stage} ledger-cpa 2026-Q3`]).sort());
  });

  it("a data edit in the newest period changes only that period's keys", async () => {
    const changed = await changedBy(() => appendFileSync(path.join(data, 'smile-dental', '2026-Q3', 'tickets.csv'), 'EDIT-2,edited,P3,2026-08-01 10:00,2026-08-01 11:00,2026-08-02 10:00,msp,alex\n'));
    expect(changed).toEqual(['packet smile-dental 2026-Q3', 'report smile-dental 2026-Q3', 'site smile-dental 2026-Q3']);
  });

  it("a client.yaml edit changes that client's keys only", async () => {
    const changed = await changedBy(() => appendFileSync(path.join(data, 'smile-dental', 'client.yaml'), '# edited\n'));
    const all = [...every('report'), ...every('site'), ...every('packet')];
    expect(changed).toEqual(all.filter((name) => name.includes('smile-dental')).sort());
  });

  it('a version bump changes every key', async () => {
    const all = [...every('report'), ...every('site'), ...every('packet')].sort();
    const [before, after] = [await allKeys('1.0.0'), await allKeys('1.0.1')];
    expect(Object.keys(before).filter((k) => before[k] !== after[k]).sort()).toEqual(all);
  });
});
