import { describe, expect, it } from 'vitest';
import { chromeCandidates, findChromium, type ChromiumLookup } from './chromium';

const PLAYWRIGHT_LINUX = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const PLAYWRIGHT_MAC = '/Users/ana/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium';
const CHROME_MAC = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const WINDOWS_ENV = {
  LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  HOMEDRIVE: 'C:',
};

/** A machine where exactly `files` exist. */
function machine(
  files: string[],
  overrides: Partial<Omit<ChromiumLookup, 'exists'>> = {},
): ChromiumLookup {
  const present = new Set(files);
  return {
    env: {},
    platform: 'linux',
    playwrightChromium: () => PLAYWRIGHT_LINUX,
    ...overrides,
    exists: (path) => present.has(path),
  };
}

const everything = ['/opt/relais/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', PLAYWRIGHT_LINUX, '/opt/google/chrome/chrome'];

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when every other browser is installed', () => {
    expect(findChromium(machine(everything, { env: { CHROMIUM_PATH: '/opt/relais/chromium' } })))
      .toEqual({ found: true, source: 'CHROMIUM_PATH', path: '/opt/relais/chromium', launch: { executablePath: '/opt/relais/chromium' } });
  });

  it('reports a CHROMIUM_PATH that points nowhere instead of silently using another browser', () => {
    expect(findChromium(machine(everything, { env: { CHROMIUM_PATH: '/nowhere/chrome' } })))
      .toEqual({ found: false, message: 'CHROMIUM_PATH is set to "/nowhere/chrome", but there is no file there.' });
  });

  it("then Debian's chromium, then chromium-browser", () => {
    expect(findChromium(machine(everything))).toMatchObject({ source: 'debian', path: '/usr/bin/chromium' });
    expect(findChromium(machine(everything.slice(2)))).toMatchObject({ source: 'debian', path: '/usr/bin/chromium-browser' });
  });

  it("then Playwright's own Chromium, only when its file is really there", () => {
    expect(findChromium(machine([PLAYWRIGHT_LINUX, '/opt/google/chrome/chrome'])))
      .toEqual({ found: true, source: 'playwright', path: PLAYWRIGHT_LINUX, launch: { executablePath: PLAYWRIGHT_LINUX } });
    // Not installed: playwright-core still names the path it would use.
    expect(findChromium(machine(['/opt/google/chrome/chrome']))).toMatchObject({ source: 'chrome' });
    // playwright-core cannot say (unsupported host).
    expect(findChromium(machine(['/opt/google/chrome/chrome'], { playwrightChromium: () => undefined })))
      .toMatchObject({ source: 'chrome' });
  });

  it("then an installed Chrome, launched through Playwright's chrome channel", () => {
    expect(findChromium(machine(['/opt/google/chrome/chrome'])))
      .toEqual({ found: true, source: 'chrome', path: '/opt/google/chrome/chrome', launch: { channel: 'chrome' } });
    expect(findChromium(machine([CHROME_MAC], { platform: 'darwin', playwrightChromium: () => PLAYWRIGHT_MAC })))
      .toMatchObject({ source: 'chrome', path: CHROME_MAC, launch: { channel: 'chrome' } });
    expect(findChromium(machine([PLAYWRIGHT_MAC, CHROME_MAC], { platform: 'darwin', playwrightChromium: () => PLAYWRIGHT_MAC })))
      .toMatchObject({ source: 'playwright', path: PLAYWRIGHT_MAC });
  });

  it('finds Chrome on Windows per user before per machine', () => {
    const perUser = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const perMachine = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const windows = { platform: 'win32' as const, env: WINDOWS_ENV, playwrightChromium: () => undefined };
    expect(findChromium(machine([perMachine, perUser], windows))).toMatchObject({ source: 'chrome', path: perUser });
    expect(findChromium(machine([perMachine], windows))).toMatchObject({ source: 'chrome', path: perMachine });
  });

  it('says in one line which command installs a browser when there is none', () => {
    const linux = findChromium(machine([]));
    expect(linux).toEqual({
      found: false,
      message: 'No Chromium or Chrome found for the end-to-end tests: install one with `npx playwright install chromium` '
        + '(or `sudo apt-get install chromium` on Debian), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    });
    const mac = findChromium(machine([], { platform: 'darwin' }));
    expect(mac).toMatchObject({ found: false, message: expect.stringContaining('`npx playwright install chromium`') });
    expect(mac).not.toMatchObject({ message: expect.stringContaining('apt-get') });
    for (const choice of [linux, mac]) expect(choice.found || choice.message.includes('\n')).toBe(false);
  });
});

describe('chromeCandidates', () => {
  it("lists the places Playwright's chrome channel looks", () => {
    expect(chromeCandidates('linux', {})).toEqual(['/opt/google/chrome/chrome']);
    expect(chromeCandidates('darwin', {})).toEqual([CHROME_MAC]);
    expect(chromeCandidates('win32', WINDOWS_ENV)).toEqual([
      'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    ]);
    expect(chromeCandidates('freebsd', {})).toEqual([]);
  });
});
