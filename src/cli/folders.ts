import path from 'node:path';

/** The scratch folder (--work, default .proofbook) and the cache in it (--cache overrides), as every command that builds resolves them. */
export function workFolders(values: Record<string, string | boolean | undefined>, cwd: string): { workDir: string; cacheDir: string } {
  const workDir = path.resolve(cwd, typeof values.work === 'string' ? values.work : '.proofbook');
  return { workDir, cacheDir: typeof values.cache === 'string' ? path.resolve(cwd, values.cache) : path.join(workDir, 'cache') };
}
