/**
 * A stand-in for the desktop shell in Chromium: `window.relais` set before the page loads, so the
 * renderer runs its Electron paths (synced folders, an OS keychain) without Electron. Files it "saves"
 * become downloads; the synced folders are in memory: the test puts files in the inbox and takes what
 * the outbox received. The real shell's folder rules (stability, temporary names, atomic writes) are
 * tested in Node (electron/main/syncFolders) and with real Syncthing (db/sync/syncthing.integration.test.ts).
 */
import type { Page } from '@playwright/test';

/** Runs in the page, before its scripts: plain JavaScript, no import. */
function installShell(): void {
  type Listener = () => void;
  const folders: Record<string, { handle: string; displayName: string; available: boolean }> = {};
  const inbox = new Map<string, { token: string; name: string; sha256: string; size: number; bytes: Uint8Array }>();
  const outbox: Array<{ fileName: string; bytes: number[] }> = [];
  const changed = new Set<Listener>();
  const quitListeners = new Set<() => Promise<void>>();
  const backups: Array<{ name: string; bytes: Uint8Array; createdAt: string }> = [];
  const printed: Array<Array<{ caption: string; rows: number }>> = [];
  const hex = (bytes: ArrayBuffer | Uint8Array) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const token = () => hex(crypto.getRandomValues(new Uint8Array(16)));
  const seal = (bytes: Uint8Array) => bytes.map((b) => b ^ 0x5a); // a pretend keychain: reversible, never clear
  const names = { inbox: 'Nextcloud / Relais-arrivee', outbox: 'Nextcloud / Relais-envoi' } as Record<string, string>;
  const tell = () => changed.forEach((listener) => listener());
  const api = {
    shell: 'electron',
    getAppInfo: async () => ({ version: 'e2e', platform: 'linux', shell: 'electron', dataFolderForDisplay: '/home/berenice/.config/Relais' }),
    saveFile: async ({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes as BlobPart]));
      link.download = suggestedName;
      link.click();
      return { saved: true, fileName: suggestedName };
    },
    beginSave: async () => ({}), writeSave: async () => undefined, finishSave: async () => ({ saved: false }), abortSave: async () => undefined,
    // The open dialog, as a file input (Playwright answers it like the shell's dialog).
    openFiles: ({ multiple }: { multiple: boolean }) => new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      input.addEventListener('change', () => {
        void Promise.all([...(input.files ?? [])].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))).then(resolve);
      }, { once: true });
      input.click();
    }),
    // What the PDF would hold: every table of the page as the shell lays it out, by caption and row count.
    printToPdf: async () => {
      printed.push([...document.querySelectorAll('table')].map((table) => ({ caption: table.caption?.textContent ?? '', rows: table.tBodies[0]?.rows.length ?? 0 })));
      return { saved: false };
    },
    getDiagnostics: async () => '', copyDiagnostics: async () => undefined, setShellLanguage: async () => undefined,
    secretStorageAvailable: async () => true,
    sealSecret: async ({ bytes }: { bytes: Uint8Array }) => seal(bytes),
    unsealSecret: async ({ bytes }: { bytes: Uint8Array }) => seal(bytes),
    onOpenFileRequest: () => () => undefined,
    getSyncFolders: async () => ({ ...folders }),
    chooseSyncFolder: async ({ role }: { role: string }) => {
      folders[role] = { handle: token(), displayName: names[role], available: true };
      return { ...folders };
    },
    forgetSyncFolder: async ({ role }: { role: string }) => {
      delete folders[role];
      return { ...folders };
    },
    writeOutboxFile: async ({ handle, suggestedName, bytes }: { handle: string; suggestedName: string; bytes: Uint8Array }) => {
      if (folders.outbox?.handle !== handle) throw new Error('RELAIS_FOLDER_CHANGED');
      if (!folders.outbox.available) throw new Error('RELAIS_FOLDER_ABSENT');
      outbox.push({ fileName: suggestedName, bytes: [...bytes] });
      return { fileName: suggestedName };
    },
    takeInboxFiles: async () => [...inbox.values()].map(({ token: t, name, sha256, size }) => ({ token: t, name, sha256, size })),
    readInboxFile: async ({ token: t }: { token: string }) => inbox.get(t)!.bytes,
    settleInboxFile: async ({ token: t }: { token: string }) => { inbox.delete(t); },
    rescanInbox: async () => undefined,
    onSyncFoldersChanged: (listener: Listener) => {
      changed.add(listener);
      return () => changed.delete(listener);
    },
    onQuitRequested: (listener: () => Promise<void>) => {
      quitListeners.add(listener);
      return () => { quitListeners.delete(listener); };
    },
    // Automatic backups, in memory (the real folder and its rotation: electron/main/backups.test.ts).
    writeBackup: async ({ bytes }: { bytes: Uint8Array }) => {
      const createdAt = new Date().toISOString();
      const name = `relais-${createdAt.slice(0, 10)}-${createdAt.slice(11, 19).replace(/:/g, '')}.relaisbackup`;
      backups.unshift({ name, bytes, createdAt });
      return { fileName: name };
    },
    listBackups: async () => backups.map(({ name, bytes, createdAt }) => ({ name, bytes: bytes.byteLength, createdAt })),
    readBackup: async ({ name }: { name: string }) => backups.find((b) => b.name === name)!.bytes,
  };
  Object.defineProperty(window, 'relais', { value: Object.freeze(api) });
  Object.defineProperty(window, 'fakeShell', {
    value: {
      /** A file arrives in the inbox (the sync engine finished writing it). */
      async arrive(name: string, bytes: number[]) {
        const data = new Uint8Array(bytes);
        const t = token();
        inbox.set(t, { token: t, name, sha256: hex(await crypto.subtle.digest('SHA-256', data)), size: data.length, bytes: data });
        tell();
      },
      /** What the outbox received, and empties it. */
      takeOutbox() {
        return outbox.splice(0);
      },
      /** The person quits: the page's last work (every listener), as the shell waits for it. */
      async quit() {
        await Promise.allSettled([...quitListeners].map((listener) => listener()));
      },
      /** How many automatic backups the page handed over. */
      /** The tables of each page printed to PDF since the last call. */
      takePrinted() {
        return printed.splice(0);
      },
      backupCount() {
        return backups.length;
      },
      setAvailable(role: string, available: boolean) {
        if (folders[role]) folders[role].available = available;
        tell();
      },
    },
  });
}

export async function useFakeDesktopShell(page: Page): Promise<void> {
  await page.addInitScript(installShell);
}

/** Put a file in the inbox folder of `page`'s fake shell. */
export async function arriveInInbox(page: Page, name: string, bytes: number[] | Buffer): Promise<void> {
  await page.evaluate(({ n, b }) => (window as unknown as { fakeShell: { arrive(n: string, b: number[]): Promise<void> } }).fakeShell.arrive(n, b), { n: name, b: [...bytes] });
}

/** The files `page`'s outbox received since the last call. */
export async function takeOutbox(page: Page): Promise<Array<{ fileName: string; bytes: number[] }>> {
  return page.evaluate(() => (window as unknown as { fakeShell: { takeOutbox(): Array<{ fileName: string; bytes: number[] }> } }).fakeShell.takeOutbox());
}

export async function setFolderAvailable(page: Page, role: 'inbox' | 'outbox', available: boolean): Promise<void> {
  await page.evaluate(({ r, a }) => (window as unknown as { fakeShell: { setAvailable(r: string, a: boolean): void } }).fakeShell.setAvailable(r, a), { r: role, a: available });
}

/** The person quits the app: resolves once the page finished what it does before quitting. */
export async function quitApp(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { fakeShell: { quit(): Promise<void> } }).fakeShell.quit());
}

/** The tables (caption, rows) of each page `page` printed to PDF since the last call. */
export async function takePrinted(page: Page): Promise<Array<Array<{ caption: string; rows: number }>>> {
  return page.evaluate(() => (window as unknown as { fakeShell: { takePrinted(): Array<Array<{ caption: string; rows: number }>> } }).fakeShell.takePrinted());
}
