import { getCollection } from 'astro:content';
import { comparePeriods } from '../../model/period.ts';
import type { ReportModel } from '../../model/report.ts';
import type { PeriodSummary } from '../../portal/summary.ts';
import { controlSlug } from './paths.ts';

/**
 * `getStaticPaths` of every per-period page: one page per model, with the summaries of that client's
 * periods up to and including this one (oldest first) for trends and the comparison. Nothing of any
 * other client is in reach of the page.
 */
export async function periodPaths() {
  const reports = (await getCollection('reports')).map(({ data }) => data as ReportModel);
  const summaries = (await getCollection('summaries')).map(({ data }) => data as PeriodSummary);
  return reports.map((report) => ({
    params: { client: report.client.id, period: report.period.id },
    props: { report, history: historyOf(summaries, report.client.id, report.period.id), inPortal: periodsInPortal(summaries, report.client.id) },
  }));
}

/**
 * `getStaticPaths` of the control pages: one per assessed control of every model (each an obligation
 * of an in-scope framework; grouping sections are not assessed and have none). Two controls whose
 * names would share a file stop the build rather than one page silently replacing the other.
 */
export async function controlPaths() {
  return (await periodPaths()).flatMap(({ params, props }) => {
    const seen = new Map<string, string>();
    return props.report.controls.controls.map((control) => {
      const slug = controlSlug(control);
      const other = seen.get(slug);
      if (other !== undefined) {
        throw new Error(`Controls ${other} and ${control.framework} ${control.id} of ${params.client} ${params.period} would share the page controls/${slug}.html: give one of them a distinct id in its catalog.`);
      }
      seen.set(slug, `${control.framework} ${control.id}`);
      return { params: { ...params, control: slug }, props: { ...props, control } };
    });
  });
}

/**
 * The periods of a client whose pages the portal holds once this build is in place (built now or
 * before): a model may list a period that was never built, and a link to it would lead nowhere.
 */
export function periodsInPortal(summaries: PeriodSummary[], client: string): string[] {
  return summaries.filter((s) => s.client.id === client).map((s) => s.period.id).sort(comparePeriods);
}

/** A client's summaries up to `period`, oldest first. */
export function historyOf(summaries: PeriodSummary[], client: string, period: string): PeriodSummary[] {
  return summaries
    .filter((s) => s.client.id === client && comparePeriods(s.period.id, period) <= 0)
    .sort((a, b) => comparePeriods(a.period.id, b.period.id));
}

/**
 * `getStaticPaths` of the client pages (index, search): per client, the model of its latest period,
 * which lists every period of that client.
 */
export async function clientPaths() {
  const reports = (await getCollection('reports')).map(({ data }) => data as ReportModel);
  const latest = new Map<string, ReportModel>();
  for (const report of reports) {
    const seen = latest.get(report.client.id);
    if (!seen || comparePeriods(report.period.id, seen.period.id) > 0) latest.set(report.client.id, report);
  }
  const summaries = (await getCollection('summaries')).map(({ data }) => data as PeriodSummary);
  return [...latest.values()].map((report) => ({ params: { client: report.client.id }, props: { report, inPortal: periodsInPortal(summaries, report.client.id) } }));
}

/** The MSP overview's data: the latest summary of every client known to this build, by client id. */
export async function latestSummaries(): Promise<PeriodSummary[]> {
  const latest = new Map<string, PeriodSummary>();
  for (const { data } of await getCollection('summaries')) {
    const summary = data as PeriodSummary;
    const seen = latest.get(summary.client.id);
    if (!seen || comparePeriods(summary.period.id, seen.period.id) > 0) latest.set(summary.client.id, summary);
  }
  return [...latest.values()].sort((a, b) => (a.client.id < b.client.id ? -1 : 1));
}
