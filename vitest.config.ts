import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and PDF tests launch Chromium and render real packets.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
