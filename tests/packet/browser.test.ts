import { describe, expect, it } from 'vitest';
import { launchPrinters, printersPerPacket, resolveBrowser } from '../../src/packet/browser.ts';
import type { ResolveContext } from '../../src/packet/browser.ts';

const context = (overrides: Partial<ResolveContext> = {}): ResolveContext => ({
  env: {},
  platform: 'linux',
  arch: 'x64',
  runningAsRoot: false,
  exists: () => false,
  bundled: async () => ({ executablePath: '/tmp/chromium', args: ['--no-sandbox', '--disable-web-security', '--allow-running-insecure-content', '--single-process'] }),
  ...overrides,
});

describe('browser resolution', () => {
  it('prefers PROOFBOOK_CHROME and fails clearly when it names nothing', async () => {
    const chosen = await resolveBrowser(context({ env: { PROOFBOOK_CHROME: '/opt/chrome' }, exists: (p) => p === '/opt/chrome' }));
    expect(chosen).toMatchObject({ source: 'PROOFBOOK_CHROME', executablePath: '/opt/chrome' });
    await expect(resolveBrowser(context({ env: { PROOFBOOK_CHROME: '/missing/chrome' } }))).rejects.toThrow(/PROOFBOOK_CHROME is set to \/missing\/chrome, but there is no file there/);
  });

  it('uses the bundled Chromium on linux x64, without its web-security exemptions and with the network closed', async () => {
    const chosen = await resolveBrowser(context());
    expect(chosen.source).toBe('@sparticuz/chromium');
    expect(chosen.headless).toBe('shell');
    expect(chosen.args).toContain('--single-process');
    expect(chosen.args).not.toContain('--disable-web-security');
    expect(chosen.args).not.toContain('--allow-running-insecure-content');
    expect(chosen.args).toContain('--disable-background-networking');
  });

  it('runs the bundled Chromium multi-process when several workers print with it at once', async () => {
    const bundled = async () => ({ executablePath: '/tmp/chromium', args: ['--no-sandbox', '--single-process', '--no-zygote', '--in-process-gpu'] });
    expect((await resolveBrowser(context({ bundled }), { shared: true })).args).toEqual(expect.not.arrayContaining(['--single-process', '--no-zygote']));
    expect((await resolveBrowser(context({ bundled }), { shared: true })).args).toContain('--in-process-gpu');
    expect((await resolveBrowser(context({ bundled }))).args).toEqual(expect.arrayContaining(['--single-process', '--no-zygote']));
  });

  it('falls back to a system Chromium, without the sandbox only as root', async () => {
    const bundled = async () => Promise.reject(new Error('disk full'));
    const exists = (p: string) => p === '/usr/bin/google-chrome';
    expect(await resolveBrowser(context({ bundled, exists }))).toMatchObject({ source: 'system', executablePath: '/usr/bin/google-chrome', headless: true });
    expect((await resolveBrowser(context({ bundled, exists }))).args).not.toContain('--no-sandbox');
    expect((await resolveBrowser(context({ bundled, exists, runningAsRoot: true }))).args).toContain('--no-sandbox');
  });

  it('names everything it tried and how to fix it', async () => {
    const failure = resolveBrowser(context({ platform: 'darwin', arch: 'arm64' }));
    await expect(failure).rejects.toThrow('PROOFBOOK_CHROME: not set');
    await expect(failure).rejects.toThrow('@sparticuz/chromium: only for linux x64, this is darwin arm64');
    await expect(failure).rejects.toThrow('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome: not found');
    await expect(failure).rejects.toThrow(/Set PROOFBOOK_CHROME to the path of a Chrome or Chromium executable/);
  });
});

describe('printers per packet', () => {
  it('gives a packet the cores its job leaves spare, at most two', () => {
    expect([printersPerPacket(1, 1), printersPerPacket(1, 2), printersPerPacket(1, 8), printersPerPacket(2, 2), printersPerPacket(3, 2), printersPerPacket(2, 4)]).toEqual([1, 2, 2, 1, 1, 2]);
  });

  it('launches a single-process Chromium per printer for one job, one multi-process Chromium for several', async () => {
    const alone = await launchPrinters(1, 2);
    const shared = await launchPrinters(2, 4);
    try {
      expect(alone.browsers).toHaveLength(2);
      expect(alone.perPacket).toEqual(alone.browsers);
      expect(alone.browsers.every((b) => b.process()?.spawnargs.includes('--single-process'))).toBe(true);
      expect(shared.browsers).toHaveLength(1);
      expect(shared.perPacket).toEqual([shared.browsers[0], shared.browsers[0]]);
      expect(shared.browsers[0]!.process()?.spawnargs).not.toContain('--single-process');
    } finally {
      await Promise.all([...alone.browsers, ...shared.browsers].map((b) => b.close()));
    }
  });
});
