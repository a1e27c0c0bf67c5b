import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// Two projects: the renderer in Chromium (always: CHROMIUM_PATH, Debian's, Playwright's own or an
// installed Chrome, see e2e/support/chromium.ts), and the real Electron shell (skipped, with a visible
// reason, where the Electron binary was not downloaded).
// E2E_PORT and E2E_DIST let several checkouts or helpers run the suite side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist/renderer';

/** With no browser, one line says which command installs one, rather than a stack trace. */
function launchOptionsOrExplain() {
  try {
    return chromiumLaunchOptions();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/serve-static.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      testDir: './e2e/ui',
      use: { launchOptions: launchOptionsOrExplain() },
    },
    {
      name: 'electron',
      testDir: './e2e/electron',
    },
  ],
});
