import { getCollection } from 'astro:content';
import { comparePeriods } from '../../model/period.ts';

/** `getStaticPaths` of every per-period page: one page per model, the model as its only prop. */
export async function periodPaths() {
  const reports = await getCollection('reports');
  return reports.map(({ data }) => ({
    params: { client: data.client.id, period: data.period.id },
    props: { report: data },
  }));
}

/**
 * `getStaticPaths` of the client index: per client, the model of its latest period, which lists
 * every period of that client; no other client's model is in reach of the page.
 */
export async function clientPaths() {
  const reports = await getCollection('reports');
  const latest = new Map<string, (typeof reports)[number]['data']>();
  for (const { data } of reports) {
    const seen = latest.get(data.client.id);
    if (!seen || comparePeriods(data.period.id, seen.period.id) > 0) latest.set(data.client.id, data);
  }
  return [...latest.values()].map((report) => ({ params: { client: report.client.id }, props: { report } }));
}
