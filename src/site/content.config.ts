import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { ZodType } from 'zod';
import { ReportModel } from '../model/report.ts';
import { PeriodSummary } from '../portal/summary.ts';

/**
 * The entries of one collection, id `<client>/<period>`, read from the JSON files that `buildSites`
 * stages in `<PROOFBOOK_MODELS_DIR>/<folder>/` and validated by the schema they were written from.
 */
function stagedJson(folder: 'reports' | 'summaries', schema: ZodType) {
  return defineCollection({
    schema,
    loader: {
      name: `proofbook-${folder}`,
      async load({ store, parseData }) {
        const root = process.env.PROOFBOOK_MODELS_DIR;
        if (!root) {
          throw new Error('PROOFBOOK_MODELS_DIR is not set: build the portal with buildSites() (src/portal/build-sites.ts), which stages the report models and sets it.');
        }
        const dir = join(root, folder);
        store.clear();
        // Sorted, so the store and everything built from it has the same order on every machine.
        const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
        for (const name of files) {
          const filePath = join(dir, name);
          const raw = JSON.parse(await readFile(filePath, 'utf8')) as { client: { id: string }; period: { id: string } };
          const id = `${raw.client.id}/${raw.period.id}`;
          store.set({ id, data: await parseData({ id, data: raw, filePath }) });
        }
      },
    },
  });
}

/**
 * `reports`: the models rendered now, one set of period pages each. `summaries`: the figures of every
 * period known for the clients built now (this build's and earlier builds' `report.json`) and of the
 * latest period of every other client on disk, for trends, comparisons and the MSP overview.
 */
export const collections = { reports: stagedJson('reports', ReportModel), summaries: stagedJson('summaries', PeriodSummary) };
