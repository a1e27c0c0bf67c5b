/**
 * The pairing rule of `handle`, held by the type-checker: each line under `@ts-expect-error` must stay
 * a compile error, or `npm run typecheck` fails with "Unused '@ts-expect-error' directive". The
 * run-time half (a validator stamped for another call throws) is checked here too.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VALIDATORS, type AppInfo } from '../shared/contract';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { handle } = await import('./ipc');

const info: AppInfo = { version: '0', platform: 'linux', shell: 'electron' };

beforeEach(() => electron.ipcMain.handle.mockClear());

describe('handle pairs a call with its own validator only', () => {
  it('refuses saveFile’s validator for printToPdf, although its request would fit structurally', () => {
    // @ts-expect-error the validator is stamped for saveFile, not printToPdf
    expect(() => handle('printToPdf', VALIDATORS.saveFile, async () => ({ saved: false }))).toThrow('validator of saveFile given for printToPdf');
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('refuses a no-argument validator for a call that takes a request, and the reverse', () => {
    // @ts-expect-error getAppInfo's validator cannot guard saveFile
    expect(() => handle('saveFile', VALIDATORS.getAppInfo, async () => ({ saved: false }))).toThrow();
    // @ts-expect-error openFiles's validator cannot guard getAppInfo, even if the handler ignores its argument
    expect(() => handle('getAppInfo', VALIDATORS.openFiles, () => info)).toThrow();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('refuses an unstamped, hand-made validator', () => {
    // @ts-expect-error a plain function is not a CallValidator: validators come from VALIDATORS
    expect(() => handle('getAppInfo', () => undefined, () => info)).toThrow();
  });

  it('types the handler by the call: its request and its result', () => {
    // @ts-expect-error getAppInfo resolves to AppInfo, not to a save result
    handle('getAppInfo', VALIDATORS.getAppInfo, () => ({ saved: true }));
    handle('printToPdf', VALIDATORS.printToPdf, (request) => {
      // @ts-expect-error printToPdf's request has a name and no bytes
      void request.bytes;
      return { saved: false };
    });
    // The matching pairs register, on the channel of their call.
    handle('openFiles', VALIDATORS.openFiles, async (request) => (request.multiple ? [] : []));
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual([
      'relais:get-app-info',
      'relais:print-to-pdf',
      'relais:open-files',
    ]);
  });
});
