import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClientId, comparePeriods, PeriodId } from '../model/period.ts';
import { PeriodSummary, reportFileName } from './summary.ts';

/**
 * What earlier builds left in the portal folder, for the pages built now: the summary of every
 * period of a built client that this build does not render (for its trends and comparison), and of
 * the latest period of every other client (for the MSP overview). Each is read from the
 * `report.json` beside that period's pages; a period folder without one (built before the portal
 * kept it) is left out.
 */
export async function readHistory(outDir: string, built: Map<string, Set<string>>): Promise<PeriodSummary[]> {
  const summaries: PeriodSummary[] = [];
  for (const client of await clientsOnDisk(outDir)) {
    const periods = (await periodsOnDisk(join(outDir, client))).sort(comparePeriods);
    const renderedNow = built.get(client);
    const wanted = renderedNow ? periods.filter((period) => !renderedNow.has(period)) : periods.reverse();
    for (const period of wanted) {
      const summary = await readSummary(join(outDir, client, period, reportFileName));
      if (summary) summaries.push(summary);
      // Another client's overview needs only its latest readable period.
      if (summary && !renderedNow) break;
    }
  }
  return summaries;
}

async function readSummary(file: string): Promise<PeriodSummary | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = PeriodSummary.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${file} does not hold a report model this version can read (${issue.path.join('.')}: ${issue.message}). ` +
        'Rebuild that client and period with this version, or remove the folder if the period is no longer kept.',
    );
  }
  return parsed.data;
}

async function clientsOnDisk(outDir: string): Promise<string[]> {
  return (await subfolders(outDir)).filter((name) => ClientId.safeParse(name).success).sort();
}

export async function periodsOnDisk(clientDir: string): Promise<string[]> {
  return (await subfolders(clientDir)).filter((name) => PeriodId.safeParse(name).success);
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}
