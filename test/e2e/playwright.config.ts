import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// Debian's Chromium, never a Playwright browser download (impossible here). The flags keep Chromium
// from reaching for the network at start, which this machine refuses.
export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  outputDir: fileURLToPath(new URL('../../test-results/e2e', import.meta.url)),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: fileURLToPath(new URL('../../test-results/reports/playwright.json', import.meta.url)) }]],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
