import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256File } from '../ingest/drop.ts';
import { PeriodId } from '../model/period.ts';
import { digestOf, folderDigest, type FileDigest } from './digest.ts';
import type { ClientInputs, PeriodInputs, SharedInputs } from './keys.ts';

/** The folder holding the tool's src/, content/ and astro.config.mjs. */
export const toolRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The tool's own code counts as its version: an edited checkout must not reuse stale outputs. */
export async function codeVersion(toolVersion: string, root: string = toolRoot): Promise<string> {
  return `${toolVersion}+${await folderDigest(path.join(root, 'src'))}`;
}

/** Digests of the tool's own inputs: site sources, content catalogs, and the templates in use. */
export async function toolDigests(templatesDir: string, root: string = toolRoot): Promise<Pick<SharedInputs, 'site' | 'content' | 'templates'>> {
  const [siteSources, astroConfig, content, templates] = await Promise.all([
    folderDigest(path.join(root, 'src', 'site')),
    sha256File(path.join(root, 'astro.config.mjs')),
    folderDigest(path.join(root, 'content')),
    folderDigest(templatesDir),
  ]);
  return { site: digestOf([siteSources, astroConfig]), content, templates };
}

/** The files a period's report is read from: every non-hidden file of its folder, drop.yaml included. */
export async function periodInputs(dataDir: string, client: string, period: PeriodId): Promise<PeriodInputs> {
  const folder = path.join(dataDir, client, period);
  const names = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const files: FileDigest[] = await Promise.all(
    names.map(async (name) => ({ path: `${client}/${period}/${name}`, sha256: await sha256File(path.join(folder, name)) })),
  );
  return { period, files };
}

/** client.yaml, raci.csv and the period folders of one client. */
export async function clientInputs(dataDir: string, client: string): Promise<ClientInputs> {
  const folder = path.join(dataDir, client);
  const raciPath = path.join(folder, 'raci.csv');
  const entries = await readdir(folder, { withFileTypes: true });
  return {
    client,
    clientYaml: await sha256File(path.join(folder, 'client.yaml')),
    raci: existsSync(raciPath) ? await sha256File(raciPath) : null,
    documents: await documentInputs(dataDir, client),
    periods: entries.filter((e) => e.isDirectory() && PeriodId.safeParse(e.name).success).map((e) => e.name).sort(),
  };
}

/** The client's Markdown documents, as the ingest reads them (`*.md`, `*.mdx` under policies/). */
async function documentInputs(dataDir: string, client: string): Promise<FileDigest[]> {
  const folder = path.join(dataDir, client, 'policies');
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((name) => /\.mdx?$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ path: `${client}/policies/${name}`, sha256: await sha256File(path.join(folder, name)) })));
}
