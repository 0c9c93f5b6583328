import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/setup/vitest-global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB files and LibreOffice conversions are heavy; two cores are all this machine has.
    maxWorkers: 2,
  },
});
