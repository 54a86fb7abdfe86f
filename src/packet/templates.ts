import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';

/**
 * Loads the packet's Handlebars templates and print CSS: the only disk access of the packet
 * stage. Each load gets its own Handlebars environment, so partials never leak between callers.
 */

export type Template = Handlebars.TemplateDelegate;

export interface PacketTemplates {
  /** The whole binder: cover, contents and chapters. */
  packet: Template;
  /** Chromium's header and footer templates, drawn in the page margins. */
  pageHeader: Template;
  pageFooter: Template;
  css: string;
}

// strict: a misspelt field fails the build instead of printing an empty cell. preventIndent: an
// indented partial would otherwise indent every line of multi-line text (scanner output) too.
const compileOptions = { strict: true, knownHelpersOnly: true, preventIndent: true } as const;

/** Runs a read, turning a missing file into a message that says what the folder must hold. */
async function read<T>(path: string, reading: () => Promise<T>): Promise<T> {
  try {
    return await reading();
  } catch (cause) {
    throw new Error(`Cannot read packet template ${path}; the templates folder must hold packet.hbs, page-header.hbs, page-footer.hbs, print.css and partials/*.hbs`, { cause });
  }
}

const readTemplate = (path: string) => read(path, () => readFile(path, 'utf8'));

export async function loadTemplates(dir: string): Promise<PacketTemplates> {
  const handlebars = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  // Sorted, so registration order never depends on the file system.
  const partialFiles = (await read(partialsDir, () => readdir(partialsDir))).filter((f) => f.endsWith('.hbs')).sort();
  for (const file of partialFiles) {
    handlebars.registerPartial(basename(file, '.hbs'), handlebars.compile(await readTemplate(join(partialsDir, file)), compileOptions));
  }
  const [packet, pageHeader, pageFooter, css] = await Promise.all(
    ['packet.hbs', 'page-header.hbs', 'page-footer.hbs', 'print.css'].map((file) => readTemplate(join(dir, file))),
  );
  return {
    packet: handlebars.compile(packet!, compileOptions),
    pageHeader: handlebars.compile(pageHeader!, compileOptions),
    pageFooter: handlebars.compile(pageFooter!, compileOptions),
    css: css!,
  };
}
