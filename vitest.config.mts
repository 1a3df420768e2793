import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// NestJS needs legacy decorators with emitted design-type metadata; Vite's Oxc transformer
// produces both (it reads experimentalDecorators/emitDecoratorMetadata like tsc).
const plugins: [] = [];
const oxc = { decorator: { legacy: true, emitDecoratorMetadata: true } };

export default defineConfig({
  plugins,
  oxc,
  test: {
    projects: [
      {
        plugins,
        oxc,
        test: {
          name: 'unit',
          include: ['apps/api/src/**/*.spec.ts', 'apps/bot-sim/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        plugins,
        oxc,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        plugins,
        oxc,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The SPA's component and unit tests: jsdom, the SPA's own aliases, React's automatic JSX.
        oxc: { jsx: { runtime: 'automatic' } },
        resolve: {
          alias: {
            '@dnb/contracts': fileURLToPath(new URL('./libs/contracts/src/index.ts', import.meta.url)),
            '@': fileURLToPath(new URL('./apps/web/src', import.meta.url)),
          },
        },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/testing/setup.ts'],
        },
      },
      {
        plugins,
        oxc,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
