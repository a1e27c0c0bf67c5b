import { describe, expect, it } from 'vitest';
import {
  BRIDGE_ERRORS,
  bridgeErrorCode,
  IPC_CHANNELS,
  MAX_FILE_BYTES,
  MAX_NAME_LENGTH,
  validateFileName,
  VALIDATORS,
  type BridgeCall,
} from './contract';

const validateSaveFileRequest = VALIDATORS.saveFile;
const validateOpenFilesRequest = VALIDATORS.openFiles;
const validatePrintToPdfRequest = VALIDATORS.printToPdf;

const bytes = new Uint8Array([1, 2, 3]);
const good = { suggestedName: 'export.relais', kind: 'bundle', bytes };

function rejects(run: () => unknown): void {
  expect(run).toThrow(BRIDGE_ERRORS.invalidArgument);
}

describe('IPC_CHANNELS and VALIDATORS', () => {
  it('has one distinct, namespaced channel per operation', () => {
    const names = Object.values(IPC_CHANNELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^relais:/);
  });

  it('has one validator per call, stamped with that call and frozen', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    for (const [call, validate] of Object.entries(VALIDATORS)) {
      expect(validate.forCall).toBe(call);
      expect(Object.isFrozen(validate)).toBe(true);
    }
  });
});

describe('validateSaveFileRequest', () => {
  it('accepts a well-formed request and returns its fields', () => {
    expect(validateSaveFileRequest([good])).toEqual(good);
  });

  it('accepts a Buffer (a Uint8Array subclass, as IPC may deliver)', () => {
    expect(validateSaveFileRequest([{ ...good, bytes: Buffer.from('x') }]).bytes).toBeInstanceOf(Uint8Array);
  });

  it.each([
    ['an absolute POSIX path', '/etc/passwd'],
    ['a relative path', '../../.bashrc'],
    ['a Windows path', 'C:\\Users\\me\\evil.exe'],
    ['a Windows drive-relative name', 'C:evil'],
    ['a UNC path', '\\\\server\\share\\x'],
    ['a name with NUL', 'a\u0000b'],
    ['a dot-only name', '..'],
    ['an empty name', ''],
    ['a blank name', '   '],
  ])('rejects %s as suggestedName', (_label, suggestedName) => {
    rejects(() => validateSaveFileRequest([{ ...good, suggestedName }]));
  });

  it('rejects a name longer than MAX_NAME_LENGTH and accepts one exactly at it', () => {
    rejects(() => validateSaveFileRequest([{ ...good, suggestedName: 'a'.repeat(MAX_NAME_LENGTH + 1) }]));
    expect(validateFileName('a'.repeat(MAX_NAME_LENGTH))).toHaveLength(MAX_NAME_LENGTH);
  });

  it('rejects a smuggled path field', () => {
    rejects(() => validateSaveFileRequest([{ ...good, path: '/etc/passwd' }]));
  });

  it.each([
    ['a number array', [1, 2, 3]],
    ['a string', 'abc'],
    ['an ArrayBuffer', new ArrayBuffer(3)],
    ['a Uint16Array', new Uint16Array(3)],
    ['a plain object', { 0: 1, length: 1 }],
    ['undefined', undefined],
  ])('rejects %s as bytes', (_label, value) => {
    rejects(() => validateSaveFileRequest([{ ...good, bytes: value }]));
  });

  it('rejects bytes over MAX_FILE_BYTES without allocating them', () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    rejects(() => validateSaveFileRequest([{ ...good, bytes: huge }]));
  });

  it.each([
    ['an unknown kind', { ...good, kind: 'exe' }],
    ['a number kind', { ...good, kind: 1 }],
    ['a number name', { ...good, suggestedName: 42 }],
  ])('rejects %s', (_label, value) => {
    rejects(() => validateSaveFileRequest([value]));
  });

  it.each([
    ['no argument', []],
    ['two arguments', [good, good]],
    ['null', [null]],
    ['an array', [[good]]],
    ['a string', ['export.relais']],
    ['a class instance', [new (class Request { suggestedName = 'a'; kind = 'json'; bytes = bytes })()]],
  ])('rejects %s', (_label, args) => {
    rejects(() => validateSaveFileRequest(args as unknown[]));
  });
});

describe('validateOpenFilesRequest', () => {
  it('accepts kind + multiple', () => {
    expect(validateOpenFilesRequest([{ kind: 'csv', multiple: true }])).toEqual({ kind: 'csv', multiple: true });
  });

  it.each([
    ['a path', { kind: 'csv', multiple: false, path: '/home' }],
    ['a default directory', { kind: 'csv', multiple: false, defaultPath: '/home' }],
    ['a string multiple', { kind: 'csv', multiple: 'yes' }],
    ['a missing multiple', { kind: 'csv' }],
    ['an unknown kind', { kind: 'exe', multiple: false }],
  ])('rejects %s', (_label, value) => {
    rejects(() => validateOpenFilesRequest([value]));
  });
});

describe('validatePrintToPdfRequest and calls without arguments', () => {
  it('accepts a name and refuses a path', () => {
    expect(validatePrintToPdfRequest([{ suggestedName: 'rapport.pdf' }])).toEqual({ suggestedName: 'rapport.pdf' });
    rejects(() => validatePrintToPdfRequest([{ suggestedName: '/tmp/rapport.pdf' }]));
  });

  it('getAppInfo takes no argument at all', () => {
    expect(() => VALIDATORS.getAppInfo([])).not.toThrow();
    rejects(() => VALIDATORS.getAppInfo([{}]));
  });
});

describe('diagnostics and shell language requests', () => {
  it('take the language of the interface, and nothing else', () => {
    expect(VALIDATORS.getDiagnostics([{ language: 'fr' }])).toEqual({ language: 'fr' });
    expect(VALIDATORS.copyDiagnostics([{ language: 'en' }])).toEqual({ language: 'en' });
    expect(VALIDATORS.setShellLanguage([{ language: 'en' }])).toEqual({ language: 'en' });
    // The shell's language becomes a Chromium switch at the next start: nothing but a known code passes.
    for (const bad of [[], [{}], [{ language: 'de' }], [{ language: 'fr', lines: 500 }], ['fr'], [{ language: 'fr --inspect' }]]) {
      rejects(() => VALIDATORS.getDiagnostics(bad));
      rejects(() => VALIDATORS.copyDiagnostics(bad));
      rejects(() => VALIDATORS.setShellLanguage(bad));
    }
  });

  it('takeOpenFileRequests takes no argument: the page cannot name a file to open', () => {
    expect(VALIDATORS.takeOpenFileRequests([])).toBeUndefined();
    rejects(() => VALIDATORS.takeOpenFileRequests(['/home/marie/a.relais']));
    rejects(() => VALIDATORS.takeOpenFileRequests([{ path: '/home/marie/a.relais' }]));
  });
});

describe('streamed saves', () => {
  const stream = '0123456789abcdef0123456789abcdef';
  it('names a save by a token of 32 hex digits, never a path or anything else', () => {
    expect(VALIDATORS.finishSave([{ stream }])).toEqual({ stream });
    for (const bad of ['../x', stream.toUpperCase(), `${stream}0`, '', 42, null]) rejects(() => VALIDATORS.abortSave([{ stream: bad }]));
    rejects(() => VALIDATORS.finishSave([{ stream, path: '/tmp/x' }]));
  });
  it('begins with a plain file name and a known kind, and writes bytes only', () => {
    expect(VALIDATORS.beginSave([{ suggestedName: 'cra.csv', kind: 'csv' }])).toEqual({ suggestedName: 'cra.csv', kind: 'csv' });
    rejects(() => VALIDATORS.beginSave([{ suggestedName: '../cra.csv', kind: 'csv' }]));
    rejects(() => VALIDATORS.beginSave([{ suggestedName: 'cra.exe', kind: 'exe' }]));
    rejects(() => VALIDATORS.writeSave([{ stream, bytes: 'text' }]));
    rejects(() => VALIDATORS.writeSave([{ stream, bytes: new Uint16Array(2) }]));
  });
});

describe('bridgeErrorCode', () => {
  it('finds the code in an error crossing IPC', () => {
    const wrapped = new Error(`Error invoking remote method 'x': Error: ${BRIDGE_ERRORS.fileTooLarge}: too big`);
    expect(bridgeErrorCode(wrapped)).toBe(BRIDGE_ERRORS.fileTooLarge);
    expect(bridgeErrorCode(new Error('other'))).toBeUndefined();
  });
});

describe('synced folders: the page holds handles and tokens, never paths', () => {
  it.each([
    ['a path as the role', VALIDATORS.chooseSyncFolder, [{ role: '/media/usb' }]],
    ['a path as the handle', VALIDATORS.writeOutboxFile, [{ handle: '/media/usb/relais', suggestedName: 'a.relais', bytes }]],
    ['a path as the name', VALIDATORS.writeOutboxFile, [{ handle: 'a'.repeat(32), suggestedName: '../../.bashrc', bytes }]],
    ['a short token', VALIDATORS.readInboxFile, [{ token: 'abc' }]],
    ['an upper-case token', VALIDATORS.readInboxFile, [{ token: 'A'.repeat(32) }]],
    ['an unknown outcome', VALIDATORS.settleInboxFile, [{ token: 'a'.repeat(32), outcome: 'delete' }]],
    ['a path as a chosen file', VALIDATORS.readChosenFile, [{ token: '/media/usb/relais/aicha.relais' }]],
    ['a chosen file token with a path beside it', VALIDATORS.readChosenFile, [{ token: 'a'.repeat(32), path: '/etc/passwd' }]],
  ])('refuses %s', (_label, validate, args) => {
    rejects(() => (validate as (a: readonly unknown[]) => unknown)(args));
  });
});

describe('the data folder is text to show, never something the page can hand back', () => {
  /** One well-formed argument list per call; typed by BridgeCall, so a new call must add its own. */
  const SAMPLES: { [K in BridgeCall]: unknown[] } = {
    getAppInfo: [],
    saveFile: [good],
    beginSave: [{ suggestedName: 'activites.xlsx', kind: 'xlsx' }],
    writeSave: [{ stream: 'a'.repeat(32), bytes }],
    finishSave: [{ stream: '0123456789abcdef0123456789abcdef' }],
    abortSave: [{ stream: '0123456789abcdef0123456789abcdef' }],
    openFiles: [{ kind: 'bundle', multiple: true }],
    openFolder: [{ kind: 'bundle' }],
    readChosenFile: [{ token: 'c'.repeat(32) }],
    printToPdf: [{ suggestedName: 'rapport.pdf' }],
    getDiagnostics: [{ language: 'fr' }],
    copyDiagnostics: [{ language: 'en' }],
    setShellLanguage: [{ language: 'fr' }],
    takeOpenFileRequests: [],
    writeBackup: [{ bytes }],
    listBackups: [],
    readBackup: [{ name: 'relais-2026-11-30-162233.relaisbackup' }],
    secretStorageAvailable: [],
    sealSecret: [{ bytes: new Uint8Array(32) }],
    unsealSecret: [{ bytes: new Uint8Array(48) }],
    getSyncFolders: [],
    chooseSyncFolder: [{ role: 'inbox' }],
    forgetSyncFolder: [{ role: 'outbox' }],
    writeOutboxFile: [{ handle: 'b'.repeat(32), suggestedName: 'relais-mediatheque-2026-01-01-1200.relais', bytes }],
    takeInboxFiles: [],
    readInboxFile: [{ token: 'c'.repeat(32) }],
    settleInboxFile: [{ token: 'd'.repeat(32), outcome: 'retry' }],
    rescanInbox: [],
    quitReady: [],
  };
  const FOLDERS = ['/home/marie/.config/Relais', 'C:\\Users\\marie\\AppData\\Roaming\\Relais', '/Users/marie/Library/Application Support/Relais'];
  const calls = Object.keys(SAMPLES) as BridgeCall[];

  it.each(calls)('%s accepts its sample (so the refusals below are about the folder)', (call) => {
    expect(() => VALIDATORS[call](SAMPLES[call])).not.toThrow();
  });

  it.each(calls)('%s refuses the folder in place of any of its string fields', (call) => {
    const [request] = SAMPLES[call] as [Record<string, unknown> | undefined];
    const fields = Object.entries(request ?? {}).filter(([, value]) => typeof value === 'string');
    for (const [field] of fields) {
      for (const folder of FOLDERS) rejects(() => VALIDATORS[call]([{ ...request, [field]: folder }]));
    }
  });

  it.each(calls)('%s refuses the folder as an extra field or an extra argument', (call) => {
    const args = SAMPLES[call];
    for (const folder of FOLDERS) {
      rejects(() => VALIDATORS[call]([...args, folder]));
      if (args.length === 1) {
        for (const key of ['path', 'folder', 'dataFolderForDisplay', 'defaultPath']) {
          rejects(() => VALIDATORS[call]([{ ...(args[0] as object), [key]: folder }]));
        }
      }
    }
  });
});
