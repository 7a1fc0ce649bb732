import { defineConfig } from 'vitest/config';

// Issue 15's acceptance: a streaming replica, two server processes, Redis (server/test/cluster.ts).
// On the machine's PostgreSQL 15; not part of the per-backend suites (`npm run test:cluster`).
export default defineConfig({
  test: {
    include: ['server/test/cluster.acceptance.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
