import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/sandbox/server/**/*.test.ts', 'test/sandbox/web/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/generatedCode.setup.ts'],
    testTimeout: 20_000,
  },
  // Vitest 4 transforms with Vite 8's oxc and ignores `esbuild` options. Unit tests get the JSX transform the
  // build ships: Preact's automatic runtime (preact/jsx-runtime), not the dev runtime Vite would pick from
  // tsconfig in test mode. test/unit/scripts/jsx.test.tsx fails without this.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
});
