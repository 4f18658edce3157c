import { defineConfig } from 'vitest/config';

// Three tiers (house-style.md): unit (pure), int (the real app on a real database per file),
// e2e (Chromium against a running server). One database engine per run: PGlite by default,
// PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['common/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/node_modules/**'] } },
      {
        test: {
          name: 'int',
          include: ['server/src/**/*.int.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 360_000, fileParallelism: false } },
    ],
  },
});
