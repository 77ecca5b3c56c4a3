import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Live-server setups. The Kubernetes one does nothing unless test/live/kubernetes/ files run.
    globalSetup: ['test/live/kube-global-setup.ts'],
  },
});
