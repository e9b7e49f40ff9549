import { defineConfig } from 'vitest/config';

// The panel as a plain page in headless Chromium, fed by a scripted data source.
export default defineConfig({
  test: {
    include: ['test/ui/**/*.ui.ts'],
    environment: 'node',
    globalSetup: ['test/generatedCode.setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
