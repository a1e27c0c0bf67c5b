import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_ERRORS, IPC_CHANNELS, type InboxFile, type SyncFoldersState } from '../shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  app: {
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/home/marie/.config/Relais/${name}`,
    getLocale: () => 'fr-FR',
    getSystemLocale: () => 'fr-FR',
    isPackaged: true,
  },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
  clipboard: { writeText: vi.fn() },
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    // A stand-in cipher: reversible, keyed by a "machine" so that another machine cannot unseal.
    machine: 'laptop-a',
    encryptString: vi.fn((text: string) => Buffer.from(`${electron.safeStorage.machine}|${[...text].reverse().join('')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const [machine, body] = sealed.toString().split('|');
      if (machine !== electron.safeStorage.machine) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...body].reverse().join('');
    }),
  },
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);
// A 16-byte budget lets the "all chosen files together" limit be tested without 512 MiB files.
vi.mock('../shared/contract', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../shared/contract')>()),
  MAX_FILE_BYTES: 16,
}));

const { registerHandlers } = await import('./handlers');
const { setTrustedWindow } = await import('./ipc');
const { openLog, log } = await import('./log');
const { OpenRequestQueue } = await import('./openRequests');
const { SyncFolderService } = await import('./syncFolders/service');
const { SyncFolderStore } = await import('./syncFolders/store');

const mainFrame = { url: 'app://relais/index.html', parent: null, frameTreeNodeId: 1 };
const window = {
  isDestroyed: () => false,
  webContents: { id: 1, mainFrame, printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) },
};
const trusted = { sender: window.webContents, senderFrame: mainFrame };

let dir: string;
let listeners: Map<string, Listener>;
let openRequests: InstanceType<typeof OpenRequestQueue>;
let syncFolders: InstanceType<typeof SyncFolderService>;
const onQuitReady = vi.fn();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relais-handlers-'));
  electron.ipcMain.handle.mockClear();
  electron.dialog.showSaveDialog.mockReset();
  electron.dialog.showOpenDialog.mockReset();
  electron.dialog.showMessageBox.mockClear();
  electron.clipboard.writeText.mockClear();
  openRequests = new OpenRequestQueue();
  syncFolders = new SyncFolderService(new SyncFolderStore(join(dir, 'sync-folders.json')), () => undefined, { watch: false, stableMs: 0 });
  await syncFolders.start();
  registerHandlers({ openRequests, syncFolders, onQuitReady, shellLanguageFile: join(dir, 'language.json') });
  listeners = new Map(electron.ipcMain.handle.mock.calls.map(([channel, fn]) => [channel, fn]));
  setTrustedWindow(window as never);
});

afterEach(async () => {
  syncFolders.stop();
  await rm(dir, { recursive: true, force: true });
});

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  return listeners.get(channel)!(trusted, ...args);
}

it('registers exactly one handler per contract channel', () => {
  expect([...listeners.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
});

it('getAppInfo tells version, shell and where the data lives', async () => {
  await expect(call(IPC_CHANNELS.getAppInfo)).resolves.toEqual({
    version: '0.1.0',
    platform: process.platform,
    shell: 'electron',
    dataFolderForDisplay: '/home/marie/.config/Relais/userData',
  });
});

describe('diagnostics', () => {
  it('are text in the language asked, with the data folder and the last log lines', async () => {
    openLog(join(dir, 'logs'));
    log('app-started', { version: '0.1.0' });
    const text = (await call(IPC_CHANNELS.getDiagnostics, { language: 'fr' })) as string;
    expect(text).toMatch(/^Diagnostic de Relais\nVersion\u00a0: 0\.1\.0\n/);
    expect(text).toContain(`Electron\u00a0: ${process.versions.electron ?? '?'}`);
    expect(text).toContain('Dossier des données\u00a0: /home/marie/.config/Relais/userData');
    expect(text).toMatch(/Dernières lignes du journal \(1\)\n.* app-started version=0\.1\.0\n$/);
  });

  it('are copied by main to the clipboard, the very text shown', async () => {
    openLog(join(dir, 'logs'));
    await call(IPC_CHANNELS.copyDiagnostics, { language: 'en' });
    expect(electron.clipboard.writeText).toHaveBeenCalledOnce();
    const copied = electron.clipboard.writeText.mock.calls[0][0] as string;
    expect(copied).toMatch(/^Relais diagnostics\nVersion: 0\.1\.0\n/);
    // The copy is logged, and shows in the next diagnostics.
    expect(await call(IPC_CHANNELS.getDiagnostics, { language: 'en' })).toMatch(/diagnostics-copied\n$/);
  });
});

describe('setShellLanguage', () => {
  /** The labels of the menu last set: File / Fichier first. */
  const menuLabels = () => (electron.Menu.setApplicationMenu.mock.lastCall?.[0] as Array<{ label?: string }> | undefined)?.map((item) => item.label);

  it('keeps the page’s language for the next start, and the menu and dialogs speak it at once', async () => {
    electron.Menu.setApplicationMenu.mockClear();
    try {
      // On a French system, the page in English.
      await call(IPC_CHANNELS.setShellLanguage, { language: 'en' });
      expect(JSON.parse(await readFile(join(dir, 'language.json'), 'utf8'))).toEqual({ language: 'en' });
      expect(menuLabels()?.[0]).toBe('File');
      electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
      await call(IPC_CHANNELS.saveFile, { suggestedName: 'cra.csv', kind: 'csv', bytes: new Uint8Array([1]) });
      expect(electron.dialog.showSaveDialog.mock.calls[0][1].title).toBe('Save');
      // Said again (every start says it): the menu is not rebuilt.
      await call(IPC_CHANNELS.setShellLanguage, { language: 'en' });
      expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    } finally {
      await call(IPC_CHANNELS.setShellLanguage, { language: 'fr' });
    }
    expect(menuLabels()?.[0]).toBe('Fichier');
    expect(JSON.parse(await readFile(join(dir, 'language.json'), 'utf8'))).toEqual({ language: 'fr' });
  });

  it('refuses a language the shell does not speak, and keeps nothing', async () => {
    await expect(call(IPC_CHANNELS.setShellLanguage, { language: 'de' })).rejects.toThrow();
    await expect(readFile(join(dir, 'language.json'), 'utf8')).rejects.toThrow();
  });
});

describe('takeOpenFileRequests', () => {
  it('hands the page the waiting files as kind, name and bytes', async () => {
    await writeFile(join(dir, 'echange.relais'), 'bundle bytes');
    openRequests.add([join(dir, 'echange.relais')]);
    const files = (await call(IPC_CHANNELS.takeOpenFileRequests)) as Array<{ kind: string; name: string; bytes: Uint8Array }>;
    expect(files.map((f) => ({ kind: f.kind, name: f.name, text: new TextDecoder().decode(f.bytes) }))).toEqual([
      { kind: 'bundle', name: 'echange.relais', text: 'bundle bytes' },
    ]);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    await expect(call(IPC_CHANNELS.takeOpenFileRequests)).resolves.toEqual([]);
  });

  it('tells the person, in a native dialog, which file was too large, and hands over the rest', async () => {
    await writeFile(join(dir, 'gros.relais'), 'x'.repeat(20));
    await writeFile(join(dir, 'carte.relaiscard'), 'card');
    openRequests.add([join(dir, 'gros.relais'), join(dir, 'carte.relaiscard')]);
    const files = (await call(IPC_CHANNELS.takeOpenFileRequests)) as Array<{ name: string }>;
    expect(files.map((f) => f.name)).toEqual(['carte.relaiscard']);
    const [parent, options] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { detail: string }];
    expect(parent).toBe(window);
    expect(options.detail).toMatch(/^«\u00a0gros\.relais\u00a0»\u00a0: trop volumineux \(plus de \d+\u00a0Mo\)\.$/);
  });

  it('takes no argument: the page cannot ask for a path of its choosing', async () => {
    await expect(call(IPC_CHANNELS.takeOpenFileRequests, '/etc/passwd')).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
  });
});

describe('saveFile', () => {
  it('writes where the user chose and returns the base name only', async () => {
    const target = join(dir, 'export.relais');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await call(IPC_CHANNELS.saveFile, { suggestedName: 'export', kind: 'bundle', bytes: new Uint8Array([4, 2]) });
    expect(result).toEqual({ saved: true, fileName: 'export.relais' });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([4, 2]));
    // The dialog proposes the name with the kind's extension, in French, with the kind's filter.
    const options = electron.dialog.showSaveDialog.mock.calls[0][1];
    expect(options.defaultPath).toMatch(/export\.relais$/);
    expect(options.title).toBe('Enregistrer');
    expect(options.filters).toEqual([{ name: 'Paquet de synchronisation Relais', extensions: ['relais'] }]);
  });

  it('writes nothing when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(call(IPC_CHANNELS.saveFile, { suggestedName: 'a.csv', kind: 'csv', bytes: new Uint8Array(1) })).resolves.toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('streamed saves (beginSave, writeSave, finishSave, abortSave)', () => {
  it('writes the pieces and shows the file at the chosen path only when finished', async () => {
    const target = join(dir, 'activites.xlsx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const { stream } = (await call(IPC_CHANNELS.beginSave, { suggestedName: 'activites', kind: 'xlsx' })) as { stream: string };
    expect(stream).toMatch(/^[0-9a-f]{32}$/);
    await call(IPC_CHANNELS.writeSave, { stream, bytes: new Uint8Array([1, 2]) });
    await call(IPC_CHANNELS.writeSave, { stream, bytes: new Uint8Array([3]) });
    expect((await readdir(dir)).filter((n) => !n.endsWith('.tmp'))).toEqual([]);
    await expect(call(IPC_CHANNELS.finishSave, { stream })).resolves.toEqual({ saved: true, fileName: 'activites.xlsx' });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(electron.dialog.showSaveDialog.mock.calls[0][1].filters).toEqual([{ name: 'Classeur Excel', extensions: ['xlsx'] }]);
    // The token is spent: nothing more can be written through it.
    await expect(call(IPC_CHANNELS.writeSave, { stream, bytes: new Uint8Array([4]) })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
  });

  it('leaves nothing behind when the export is stopped, and nothing is asked when the dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'cra.csv') });
    const { stream } = (await call(IPC_CHANNELS.beginSave, { suggestedName: 'cra.csv', kind: 'csv' })) as { stream: string };
    await call(IPC_CHANNELS.writeSave, { stream, bytes: new Uint8Array(100) });
    await call(IPC_CHANNELS.abortSave, { stream });
    expect(await readdir(dir)).toEqual([]);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(call(IPC_CHANNELS.beginSave, { suggestedName: 'cra.csv', kind: 'csv' })).resolves.toEqual({});
  });

  it('refuses a token it did not hand out', async () => {
    await expect(call(IPC_CHANNELS.writeSave, { stream: 'f'.repeat(32), bytes: new Uint8Array(1) })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
  });
});

describe('openFiles', () => {
  it('returns the chosen files as base names and bytes', async () => {
    await writeFile(join(dir, 'a.json'), '{}');
    await writeFile(join(dir, 'b.json'), '[1]');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'a.json'), join(dir, 'b.json')] });
    const files = (await call(IPC_CHANNELS.openFiles, { kind: 'json', multiple: true })) as Array<{ name: string; bytes: Uint8Array }>;
    expect(files.map((f) => f.name)).toEqual(['a.json', 'b.json']);
    expect(new TextDecoder().decode(files[1].bytes)).toBe('[1]');
    expect(electron.dialog.showOpenDialog.mock.calls[0][1].properties).toEqual(['openFile', 'multiSelections']);
  });

  it('returns [] on cancel', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(call(IPC_CHANNELS.openFiles, { kind: 'csv', multiple: false })).resolves.toEqual([]);
  });

  it('refuses a set of files whose total is over the limit', async () => {
    await writeFile(join(dir, 'a.csv'), 'x'.repeat(10));
    await writeFile(join(dir, 'b.csv'), 'y'.repeat(10));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [join(dir, 'a.csv'), join(dir, 'b.csv')] });
    await expect(call(IPC_CHANNELS.openFiles, { kind: 'csv', multiple: true })).rejects.toThrow(BRIDGE_ERRORS.fileTooLarge);
  });
});

describe('openFolder', () => {
  it('reads the files of the kind directly inside the chosen folder, sorted, as base names (no sub-folder, no other kind)', async () => {
    await writeFile(join(dir, 'b.relais'), 'B');
    await writeFile(join(dir, 'a.RELAIS'), 'A');
    await writeFile(join(dir, 'notes.txt'), 'not a bundle');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'deeper.relais'));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    const files = (await call(IPC_CHANNELS.openFolder, { kind: 'bundle' })) as Array<{ name: string; size: number; token: string }>;
    // Named and sized, not read: each is read by its token when the import comes to it.
    expect(files.map((f) => [f.name, f.size])).toEqual([['a.RELAIS', 1], ['b.relais', 1]]);
    expect(files.every((f) => /^[0-9a-f]{32}$/.test(f.token))).toBe(true);
    expect(electron.dialog.showOpenDialog.mock.calls[0][1].properties).toEqual(['openDirectory']);
    const read = async (token: string) => new TextDecoder().decode((await call(IPC_CHANNELS.readChosenFile, { token })) as Uint8Array);
    expect(await read(files[1].token)).toBe('B');
    expect(await read(files[0].token)).toBe('A');
  });

  it('reads a chosen file only while it is the file chosen, and only from the last choice', async () => {
    await writeFile(join(dir, 'aicha.relais'), 'bundle of Aïcha');
    await writeFile(join(dir, 'bruno.relais'), 'bundle of Bruno');
    await writeFile(join(dir, 'chloe.relais'), 'bundle of Chloé');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    const [aicha, bruno, chloe] = (await call(IPC_CHANNELS.openFolder, { kind: 'bundle' })) as Array<{ token: string }>;
    // Rewritten by a sync tool after it was chosen (another size), or gone: not read, said so.
    await writeFile(join(dir, 'aicha.relais'), 'bundle of Aïcha, longer now');
    await expect(call(IPC_CHANNELS.readChosenFile, { token: aicha.token })).rejects.toThrow(BRIDGE_ERRORS.chosenFileChanged);
    await rm(join(dir, 'bruno.relais'));
    await expect(call(IPC_CHANNELS.readChosenFile, { token: bruno.token })).rejects.toThrow(BRIDGE_ERRORS.chosenFileChanged);
    // Same size, touched since: not the file chosen either.
    const { utimes } = await import('node:fs/promises');
    await utimes(join(dir, 'chloe.relais'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    await expect(call(IPC_CHANNELS.readChosenFile, { token: chloe.token })).rejects.toThrow(BRIDGE_ERRORS.chosenFileChanged);
    // A token main never handed out, or one of a choice since replaced, reads nothing.
    await expect(call(IPC_CHANNELS.readChosenFile, { token: 'f'.repeat(32) })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    const again = (await call(IPC_CHANNELS.openFolder, { kind: 'bundle' })) as Array<{ token: string }>;
    expect(again).toHaveLength(2);
    await expect(call(IPC_CHANNELS.readChosenFile, { token: chloe.token })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    expect(new TextDecoder().decode((await call(IPC_CHANNELS.readChosenFile, { token: again[1].token })) as Uint8Array)).toBe('bundle of Chloé');
  });

  it('refuses a folder with more files of the kind than it takes, rather than cutting it short', async () => {
    await Promise.all(Array.from({ length: 1001 }, (_, i) => writeFile(join(dir, `m-${String(i).padStart(4, '0')}.relais`), 'x')));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    await expect(call(IPC_CHANNELS.openFolder, { kind: 'bundle' })).rejects.toThrow(`${BRIDGE_ERRORS.tooManyFiles}: 1001 files, at most 1000`);
    await rm(join(dir, 'm-1000.relais'));
    await expect(call(IPC_CHANNELS.openFolder, { kind: 'bundle' })).resolves.toHaveLength(1000);
  });

  it('returns [] on cancel, and refuses a path handed by the page', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(call(IPC_CHANNELS.openFolder, { kind: 'bundle' })).resolves.toEqual([]);
    await expect(call(IPC_CHANNELS.openFolder, { kind: 'bundle', path: dir })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
  });
});

it('printToPdf prints the page and saves the PDF where the user chose', async () => {
  const target = join(dir, 'rapport.pdf');
  electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
  await expect(call(IPC_CHANNELS.printToPdf, { suggestedName: 'rapport' })).resolves.toEqual({ saved: true, fileName: 'rapport.pdf' });
  expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
});

describe('sealing secrets with the OS (safeStorage), for the page', () => {
  const secret = new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff));

  beforeEach(() => {
    electron.safeStorage.machine = 'laptop-a';
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(true);
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  });

  it('seals opaque bytes into something else, and unseals them back on the same machine', async () => {
    await expect(call(IPC_CHANNELS.secretStorageAvailable)).resolves.toBe(true);
    const sealed = (await call(IPC_CHANNELS.sealSecret, { bytes: secret })) as Uint8Array;
    expect(sealed).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(electron.safeStorage.encryptString).toHaveBeenCalled();
    await expect(call(IPC_CHANNELS.unsealSecret, { bytes: sealed })).resolves.toEqual(secret);
  });

  it('says "unreadable" when the OS cannot unseal any more (another machine, keychain reset)', async () => {
    const sealed = (await call(IPC_CHANNELS.sealSecret, { bytes: secret })) as Uint8Array;
    electron.safeStorage.machine = 'laptop-b';
    await expect(call(IPC_CHANNELS.unsealSecret, { bytes: sealed })).rejects.toThrow(BRIDGE_ERRORS.secretUnreadable);
  });

  it('refuses to seal when the OS cannot, and treats Linux\'s fixed-password fallback as "cannot"', async () => {
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    await expect(call(IPC_CHANNELS.secretStorageAvailable)).resolves.toBe(false);
    await expect(call(IPC_CHANNELS.sealSecret, { bytes: secret })).rejects.toThrow(BRIDGE_ERRORS.secretStorageUnavailable);
    const { secretStorageAvailable } = await import('./secrets');
    const basicText = { ...electron.safeStorage, isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' as const };
    expect(secretStorageAvailable(basicText, 'linux')).toBe(false);
    expect(secretStorageAvailable({ ...basicText, getSelectedStorageBackend: () => 'kwallet6' as const }, 'linux')).toBe(true);
    expect(secretStorageAvailable(basicText, 'win32')).toBe(true); // the backend name means nothing off Linux
  });

  it('takes bytes only, within a key\'s size, from our window only', async () => {
    await expect(call(IPC_CHANNELS.sealSecret, { bytes: 'AGE-SECRET-KEY-1' })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    await expect(call(IPC_CHANNELS.sealSecret, { bytes: new Uint8Array(0) })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    await expect(call(IPC_CHANNELS.sealSecret, { bytes: new Uint8Array(4097) })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    await expect(call(IPC_CHANNELS.unsealSecret, { bytes: secret, path: '/tmp/key' })).rejects.toThrow(BRIDGE_ERRORS.invalidArgument);
    const stranger = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/', parent: null, frameTreeNodeId: 9 } };
    await expect(listeners.get(IPC_CHANNELS.unsealSecret)!(stranger, { bytes: secret })).rejects.toThrow(BRIDGE_ERRORS.untrustedSender);
  });
});

describe('synced folders through the bridge', () => {
  it('keeps the chosen path in main and gives the page a handle and a display name only', async () => {
    const outbox = join(dir, 'CLE-USB', 'relais-envoi');
    await mkdir(outbox, { recursive: true });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [outbox] });
    const state = (await call(IPC_CHANNELS.chooseSyncFolder, { role: 'outbox' })) as SyncFoldersState;
    expect(state.outbox).toEqual({ handle: expect.stringMatching(/^[0-9a-f]{32}$/), displayName: 'CLE-USB / relais-envoi', available: true });
    expect(JSON.stringify(state)).not.toContain(dir);

    const written = (await call(IPC_CHANNELS.writeOutboxFile, { handle: state.outbox!.handle, suggestedName: 'relais-a.relais', bytes: new Uint8Array([1, 2]) })) as { fileName: string };
    expect(written).toEqual({ fileName: 'relais-a.relais' });
    expect([...(await readFile(join(outbox, 'relais-a.relais')))]).toEqual([1, 2]);
  });

  it('refuses a handle that is not the outbox any more (the folder changed meanwhile)', async () => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    await mkdir(first);
    await mkdir(second);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [first] });
    const old = ((await call(IPC_CHANNELS.chooseSyncFolder, { role: 'outbox' })) as SyncFoldersState).outbox!.handle;
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [second] });
    await call(IPC_CHANNELS.chooseSyncFolder, { role: 'outbox' });
    await expect(call(IPC_CHANNELS.writeOutboxFile, { handle: old, suggestedName: 'x.relais', bytes: new Uint8Array([1]) })).rejects.toThrow('RELAIS_FOLDER_CHANGED');
  });

  it('says when the outbox is absent (a USB stick unplugged), through state and writes, until it is back', async () => {
    const stick = join(dir, 'CLE-USB');
    await mkdir(stick);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [stick] });
    const { handle } = ((await call(IPC_CHANNELS.chooseSyncFolder, { role: 'outbox' })) as SyncFoldersState).outbox!;
    await rm(stick, { recursive: true });
    expect(((await call(IPC_CHANNELS.getSyncFolders)) as SyncFoldersState).outbox?.available).toBe(false);
    await expect(call(IPC_CHANNELS.writeOutboxFile, { handle, suggestedName: 'x.relais', bytes: new Uint8Array([1]) })).rejects.toThrow('RELAIS_FOLDER_ABSENT');
    await mkdir(stick);
    expect(((await call(IPC_CHANNELS.getSyncFolders)) as SyncFoldersState).outbox?.available).toBe(true);
    await expect(call(IPC_CHANNELS.writeOutboxFile, { handle, suggestedName: 'x.relais', bytes: new Uint8Array([1]) })).resolves.toEqual({ fileName: 'x.relais' });
  });

  it('leaves the folders as they were when the dialog is cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(call(IPC_CHANNELS.chooseSyncFolder, { role: 'inbox' })).resolves.toEqual({});
  });

  it('hands inbox files as name, hash and token, and their bytes on request', async () => {
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    await writeFile(join(inbox, 'from-aicha.relais'), 'bundle bytes');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [inbox] });
    await call(IPC_CHANNELS.chooseSyncFolder, { role: 'inbox' });
    await syncFolders.rescan(); // first sighting
    await syncFolders.rescan(); // unchanged since: stable (stableMs 0 in this test)
    const [file] = (await call(IPC_CHANNELS.takeInboxFiles)) as InboxFile[];
    expect(file).toEqual({ token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'from-aicha.relais', size: 12, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(new TextDecoder().decode((await call(IPC_CHANNELS.readInboxFile, { token: file.token })) as Uint8Array)).toBe('bundle bytes');
    await call(IPC_CHANNELS.settleInboxFile, { token: file.token, outcome: 'done' });
    await expect(call(IPC_CHANNELS.takeInboxFiles)).resolves.toEqual([]);
  });

  it('lets the page say its last outbox write is done when quitting', async () => {
    await call(IPC_CHANNELS.quitReady);
    expect(onQuitReady).toHaveBeenCalledOnce();
  });
});
