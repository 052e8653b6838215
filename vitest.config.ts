import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit tests see the test build's readable page contract unless they pass the private mode explicitly
        // (src/content/contract.ts); both modes have their own tests.
        define: { __REDLINE_TEST_BUILD__: 'true' },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          environment: 'node',
          // Node has no extension i18n API; the English catalogue stands in (src/ui/i18n.ts).
          setupFiles: ['test/unit/i18n-setup.ts'],
          testTimeout: 60_000,
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts', 'test/unit/**/*.test-d.ts'] },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Real browsers start slowly on a 2-core machine; each file drives one browser.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
