import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { chromium, type LaunchOptions } from 'playwright-core';

/** Where the browser for the end-to-end tests and the benchmarks came from, in the order we look. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'debian' | 'playwright' | 'chrome';

export type ChromiumChoice =
  | { found: true; source: ChromiumSource; path: string; launch: Pick<LaunchOptions, 'executablePath' | 'channel'> }
  | { found: false; message: string };

/** What the lookup may ask of the machine: injected so the order is unit-tested on any system. */
export interface ChromiumLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Where Playwright's own Chromium is (or would be) installed; undefined when Playwright cannot say. */
  playwrightChromium: () => string | undefined;
}

const DEBIAN_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Where Playwright's `channel: 'chrome'` looks for an installed Google Chrome (the same places as
 * playwright-core's registry), so that what we detect is what Playwright will launch.
 */
export function chromeCandidates(platform: NodeJS.Platform, env: ChromiumLookup['env']): string[] {
  if (platform === 'linux') return ['/opt/google/chrome/chrome'];
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform !== 'win32') return [];
  const prefixes = [
    env.LOCALAPPDATA,
    env.PROGRAMFILES,
    env['PROGRAMFILES(X86)'],
    env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files`,
    env.HOMEDRIVE && `${env.HOMEDRIVE}\\Program Files (x86)`,
  ].filter((prefix): prefix is string => Boolean(prefix));
  const paths = prefixes.map((prefix) => win32.join(prefix, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  return [...new Set(paths)];
}

/** The one line a person reads when no browser is found: which command installs one. */
export function missingChromiumMessage(platform: NodeJS.Platform): string {
  const debian = platform === 'linux' ? ' (or `sudo apt-get install chromium` on Debian)' : '';
  return 'No Chromium or Chrome found for the end-to-end tests: install one with '
    + `\`npx playwright install chromium\`${debian}, or set CHROMIUM_PATH to a Chromium or Chrome executable.`;
}

/**
 * Finds a browser in this order: CHROMIUM_PATH, Debian's chromium, Playwright's own Chromium when it
 * was installed, an installed Google Chrome. Playwright cannot download browsers on our build machines,
 * so we never rely on its download; a newcomer's machine may have any one of these.
 */
export function findChromium({ env, platform, exists, playwrightChromium }: ChromiumLookup): ChromiumChoice {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    // A path set by hand that is wrong is a mistake to report, not a reason to launch another browser.
    return exists(explicit)
      ? { found: true, source: 'CHROMIUM_PATH', path: explicit, launch: { executablePath: explicit } }
      : { found: false, message: `CHROMIUM_PATH is set to "${explicit}", but there is no file there.` };
  }
  const debian = DEBIAN_CHROMIUM.find((path) => exists(path));
  if (debian) return { found: true, source: 'debian', path: debian, launch: { executablePath: debian } };

  const playwright = playwrightChromium();
  if (playwright && exists(playwright)) {
    return { found: true, source: 'playwright', path: playwright, launch: { executablePath: playwright } };
  }
  const chrome = chromeCandidates(platform, env).find((path) => exists(path));
  if (chrome) return { found: true, source: 'chrome', path: chrome, launch: { channel: 'chrome' } };

  return { found: false, message: missingChromiumMessage(platform) };
}

/** Playwright's own Chromium path; playwright-core throws on hosts it does not support. */
function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The browser of this machine, or an error whose message is the one line that says what to install. */
export function chromiumOnThisMachine(): Extract<ChromiumChoice, { found: true }> {
  const choice = findChromium({
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    playwrightChromium: playwrightChromiumPath,
  });
  if (!choice.found) throw new Error(choice.message);
  return choice;
}

/** Launch options shared by the e2e tests and the benchmarks: same browser, same quiet flags. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    ...chromiumOnThisMachine().launch,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  };
}
