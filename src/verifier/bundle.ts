import { readFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';

/**
 * Makes verify-packet.mjs, the single-file offline verifier, from the modules in this folder: the
 * same code vitest tests and `proofbook verify` runs, with types stripped, local imports dropped,
 * built-in imports merged, and a two-line entry point added. The modules import only `node:`
 * built-ins and one another, and keep their top-level names distinct, which makes this safe.
 */

/** In dependency order. */
const modules = ['der.ts', 'cms.ts', 'pdf.ts', 'trust.ts', 'packet.ts', 'chain.ts', 'zip.ts', 'earlier.ts', 'report.ts'];

const importLine = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'([^']+)';\s*$/;

export async function verifierScript(): Promise<string> {
  const defaults = new Map<string, string>();
  const named = new Map<string, Set<string>>();
  const bodies: string[] = [];
  for (const name of modules) {
    const source = await readFile(new URL(name, import.meta.url), 'utf8');
    const kept: string[] = [];
    for (const line of stripped(source).split('\n')) {
      const match = importLine.exec(line);
      if (!match) {
        kept.push(line.replace(/^export (?=const|function|interface|class|let)/, ''));
        continue;
      }
      const [, defaultName, names, from] = match;
      if (from!.startsWith('./')) continue;
      if (!from!.startsWith('node:')) throw new Error(`src/verifier/${name} imports ${from}; the offline verifier may use Node built-ins only`);
      if (defaultName) defaults.set(from!, defaultName);
      const set = named.get(from!) ?? new Set<string>();
      for (const n of (names ?? '').split(',').map((s) => s.trim()).filter(Boolean)) set.add(n);
      named.set(from!, set);
    }
    bodies.push(`// ---- src/verifier/${name}\n${kept.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`);
  }
  const specifiers = [...new Set([...defaults.keys(), ...named.keys()])].sort();
  const imports = specifiers.map((from) => {
    const parts = [defaults.get(from), named.get(from)?.size ? `{ ${[...named.get(from)!].sort().join(', ')} }` : undefined].filter(Boolean);
    return `import ${parts.join(', ')} from '${from}';`;
  });
  return [
    '#!/usr/bin/env node',
    '// Proofbook offline packet verifier. Needs Node.js 18 or newer and nothing else.',
    '// Usage: node verify-packet.mjs [PACKET-FOLDER] [--trust CA.pem] [--tsa-cert TSA.pem]   (default: the folder this file is in)',
    '// Generated from src/verifier/ of Proofbook; do not edit: change the sources instead.',
    ...imports,
    "import { fileURLToPath as __fileURLToPath } from 'node:url';",
    '',
    ...bodies,
    'process.exitCode = runVerifier(process.argv.slice(2), path.dirname(__fileURLToPath(import.meta.url)), (text) => process.stdout.write(text));',
    '',
  ].join('\n');
}

/** Node's own type stripping; it warns once that the API is experimental, which a build need not show. */
function stripped(source: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    // 'strip' blanks the types in place, so the output keeps the source's layout; trailing blanks go.
    return stripTypeScriptTypes(source, { mode: 'strip' }).replace(/[ \t]+$/gm, '');
  } finally {
    process.emitWarning = emitWarning;
  }
}
