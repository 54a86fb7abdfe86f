// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

/**
 * The evidence portal. `src/portal/build-sites.ts` runs this config with its own `root`, `outDir` and
 * `cacheDir` under a scratch folder, so paths here are absolute rather than relative to `root`.
 * The models come from the folder named by PROOFBOOK_MODELS_DIR (see src/site/content.config.ts).
 */
export default defineConfig({
  srcDir: fileURLToPath(new URL('./src/site/', import.meta.url)),
  // Nothing is public: a file here would land outside every client folder, shared by all clients.
  publicDir: fileURLToPath(new URL('./src/site/public/', import.meta.url)),
  // `preserve`: `[period]/index.astro` → `<period>/index.html`, `findings.astro` → `findings.html`,
  // so every page is a file that relative links can name, from file:// as from any static host.
  build: { format: 'preserve', inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
