import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Live-server setups. Each does nothing unless files of its test/live/<server>/ directory run.
    globalSetup: ['test/live/kube-global-setup.ts', 'test/live/global-setup.ts'],
  },
});
