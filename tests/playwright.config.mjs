// Playwright's configuration for Strata's end-to-end tests.
//
// The browser is Debian's Chromium (/usr/bin/chromium): Playwright's own
// browser downloads are not reachable, so never run `npx playwright install`.
// The app is the release build in ../dist (`cargo xtask build`), served by
// the dependency-free serve.mjs.

import { defineConfig } from '@playwright/test';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const PORT = 4173;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  // Everything a run leaves (traces, screenshots, the HTML report) is under artifacts/.
  outputDir: './artifacts/results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // Two cores: one worker per core at most.
  workers: isCI ? 1 : 2,
  reporter: isCI ? [['list']] : [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'phone',
      use: {
        viewport: { width: 360, height: 640 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  webServer: {
    command: `node serve.mjs --root ../dist --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !isCI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
