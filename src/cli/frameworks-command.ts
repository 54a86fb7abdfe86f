import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, Control } from '../frameworks/catalog-schema.ts';
import { loadFrameworks } from '../frameworks/load.ts';
import { packageRoot, type Command } from './run.ts';
import { UserError } from './user-error.ts';

const help = `Usage: proofbook frameworks [options]

Lists the control catalogs (HIPAA Security Rule, PCI DSS v4.0.1, NYDFS 23 NYCRR 500, FTC Safeguards
Rule) with every control: its id as the source writes it, a short title and the citation.

Options:
  --json             print an array of {"id", "title", "version", "controls": [{"id", "title", "citation"}]}
  --catalogs DIR     catalog folder (default: the bundled content/frameworks)
  -h, --help         this help
`;

/** The JSON shape promised to scripts: stable, and only these keys. */
export function frameworksJson(catalogs: readonly Catalog[]) {
  return catalogs.map((catalog) => ({
    id: catalog.framework,
    title: catalog.title,
    version: catalog.version,
    controls: catalog.controls.map(({ id, title, citation }) => ({ id, title, citation })),
  }));
}

/** One line per control, indented by depth, with the marks an auditor looks for. */
export function frameworksText(catalogs: readonly Catalog[]): string {
  return catalogs
    .map((catalog) => {
      const depth = new Map<string, number>();
      const lines = catalog.controls.map((control) => {
        const level = control.parent === null ? 0 : (depth.get(control.parent) ?? 0) + 1;
        depth.set(control.id, level);
        return `${'  '.repeat(level + 1)}${control.id}  ${control.title}${marks(control)}`;
      });
      return `${catalog.title} — ${catalog.version} (${catalog.framework}, ${catalog.controls.length} controls)\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

function marks(control: Control): string {
  const tags = [control.designation, control.futureDated ? 'since 31 March 2025' : null, control.owner ? `owner: ${control.owner}` : null, control.note];
  const shown = tags.filter((tag) => tag !== null);
  return shown.length > 0 ? `  [${shown.join('; ')}]` : '';
}

export const runFrameworks: Command = {
  help,
  allowPositionals: false,
  options: { json: { type: 'boolean' }, catalogs: { type: 'string' } },
  async run(values, _positionals, io) {
    const folder = typeof values.catalogs === 'string' ? path.resolve(io.cwd, values.catalogs) : path.join(packageRoot, 'content', 'frameworks');
    if (!existsSync(folder)) throw new UserError(`catalog folder ${folder} does not exist`, 'Give the folder holding the catalog YAML files, or leave --catalogs out for the bundled ones.');
    const { catalogs } = await loadFrameworks(folder);
    io.stdout.write(values.json ? `${JSON.stringify(frameworksJson(catalogs), null, 2)}\n` : frameworksText(catalogs));
    return 0;
  },
};
