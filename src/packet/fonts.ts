import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The packet's fonts, shipped with the project: Source Sans 3 for text and Source Code Pro for
 * paths, hashes and scanner output, from the installed @fontsource packages. Inlined as data:
 * URIs, so Chromium embeds the same glyphs on every machine and fetches nothing. Each face keeps
 * its package's unicode-range, so only the subsets a packet uses are decoded and embedded.
 */

/** Family → the weights and styles the print CSS uses (fontsource's CSS file names). */
const faces = {
  '@fontsource/source-sans-3': ['400', '400-italic', '700', '700-italic'],
  '@fontsource/source-code-pro': ['400'],
} as const;

const require = createRequire(import.meta.url);

/** fontsource's CSS lists a woff2 and a woff source; the woff2 alone is inlined. */
const source = /src:\s*url\(\.\/files\/([\w.-]+\.woff2)\) format\('woff2'\)[^;]*;/g;

async function inline(css: string, filesDir: string): Promise<string> {
  const names = [...css.matchAll(source)].map((m) => m[1]!);
  const data = new Map(await Promise.all(names.map(async (name) => [name, (await readFile(join(filesDir, name))).toString('base64')] as const)));
  return css.replace(source, (_, name: string) => `src: url(data:font/woff2;base64,${data.get(name)}) format('woff2');`);
}

/** `@font-face` rules for every face of the packet, with the font files inlined. */
export async function fontFaces(): Promise<string> {
  const rules = await Promise.all(Object.entries(faces).flatMap(([pkg, variants]) => {
    const root = dirname(require.resolve(pkg));
    return variants.map(async (variant) => inline(await readFile(join(root, `${variant}.css`), 'utf8'), join(root, 'files')));
  }));
  return rules.join('\n');
}
