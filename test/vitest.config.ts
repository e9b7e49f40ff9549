import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/sandbox/server/**/*.test.ts', 'test/sandbox/web/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
