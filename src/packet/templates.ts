import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UserError } from '../cli/user-error.ts';
import { rules } from '../model/rules.ts';
import { fontFaces } from './fonts.ts';

/**
 * Loads the packet's Handlebars templates and print CSS: the only disk access of the packet
 * stage besides the fonts. A user's templates folder overlays the bundled one file by file, so
 * branding can replace print.css or a single partial and keep everything else. Each load gets
 * its own Handlebars environment, so partials never leak between callers.
 */

export type Template = Handlebars.TemplateDelegate;

export interface PacketTemplates {
  /** A printable document: the shell around a run of blocks (cover, contents or body part). */
  packet: Template;
  /** The sheet of page heads (header and footer) laid over every page but the cover. */
  heads: Template;
  /** The embedded fonts' `@font-face` rules, then print.css. */
  css: string;
}

export const bundledTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

const topFiles = ['packet.hbs', 'heads.hbs', 'print.css'] as const;

// strict: a misspelt field fails the build instead of printing an empty cell. preventIndent: an
// indented partial would otherwise indent every line of multi-line text (scanner output) too.
const compileOptions = { strict: true, knownHelpersOnly: true, preventIndent: true } as const;

/** Files of a folder, or null when it does not exist. */
async function list(dir: string): Promise<string[] | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function templateError(rule: keyof typeof rules, file: string, line: number | null, message: string): UserError {
  return new UserError(`${file}${line === null ? '' : `:${line}`}: ${message} [${rule}]`, rules[rule].hint);
}

/** Every file of the user's folder must replace or add a template; anything else is likely a misnamed one. */
async function overlayFiles(dir: string): Promise<{ top: Set<string>; partials: string[] }> {
  // A user folder may hold no partials/ at all.
  const [top, partials = []] = await Promise.all([list(dir), list(join(dir, 'partials')).then((files) => files ?? undefined)]);
  if (top === null) throw new UserError(`the templates folder ${dir} does not exist`, 'Check the path given to --templates, or leave the option out to use the bundled templates.');
  for (const file of top) {
    if (!(topFiles as readonly string[]).includes(file)) {
      throw templateError('template/unknown-file', join(dir, file), null, `${file} is not a packet template; the top of a templates folder holds ${topFiles.join(', ')}, and partials go in partials/`);
    }
  }
  for (const file of partials) {
    if (!file.endsWith('.hbs')) throw templateError('template/unknown-file', join(dir, 'partials', file), null, `${file} is not a partial; partials are .hbs files`);
  }
  return { top: new Set(top), partials };
}

/** Checks the syntax now, so a mistake names its file and line rather than surfacing mid-print. */
function compile(handlebars: typeof Handlebars, source: string, file: string): Template {
  try {
    handlebars.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message);
    throw templateError('template/syntax', file, line ? Number(line[1]) : null, message.split('\n').at(-1)!);
  }
  return handlebars.compile(source, compileOptions);
}

/**
 * The bundled templates, overlaid by the files of `overlayDir` (the bundled folder itself, or a
 * user's folder holding any of packet.hbs, heads.hbs, print.css and partials/*.hbs).
 */
export async function loadTemplates(overlayDir: string = bundledTemplatesDir): Promise<PacketTemplates> {
  const overlay = await overlayFiles(overlayDir);
  const bundledPartials = ((await list(join(bundledTemplatesDir, 'partials'))) ?? []).filter((f) => f.endsWith('.hbs'));
  const pick = (file: string) => join(overlay.top.has(file) ? overlayDir : bundledTemplatesDir, file);
  const pickPartial = (file: string) => join(overlay.partials.includes(file) ? overlayDir : bundledTemplatesDir, 'partials', file);
  const read = async (path: string) => ({ path, source: await readFile(path, 'utf8') });

  const handlebars = Handlebars.create();
  // Sorted, so registration order never depends on the file system.
  const partialFiles = [...new Set([...bundledPartials, ...overlay.partials])].sort();
  const [partials, packet, heads, css, fonts] = await Promise.all([
    Promise.all(partialFiles.map((file) => read(pickPartial(file)))),
    read(pick('packet.hbs')),
    read(pick('heads.hbs')),
    read(pick('print.css')),
    fontFaces(),
  ]);
  const shown = (path: string) => relative(process.cwd(), path) || basename(path);
  for (const partial of partials) {
    handlebars.registerPartial(basename(partial.path, '.hbs'), compile(handlebars, partial.source, shown(partial.path)));
  }
  return {
    packet: compile(handlebars, packet.source, shown(packet.path)),
    heads: compile(handlebars, heads.source, shown(heads.path)),
    css: `${fonts}\n${css.source}`,
  };
}
