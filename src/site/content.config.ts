import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { ReportModel } from '../model/report.ts';

/**
 * One entry per client and period, read from the model files that `buildSites` stages in the folder
 * named by PROOFBOOK_MODELS_DIR and validated by the same zod schema `assess` produced them with.
 */
const reports = defineCollection({
  schema: ReportModel,
  loader: {
    name: 'proofbook-report-models',
    async load({ store, parseData }) {
      const dir = process.env.PROOFBOOK_MODELS_DIR;
      if (!dir) {
        throw new Error('PROOFBOOK_MODELS_DIR is not set: build the portal with buildSites() (src/portal/build-sites.ts), which stages the report models and sets it.');
      }
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

export const collections = { reports };
