import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { browserApi, readLocalFiles } from './browser';
import { MAX_FILE_BYTES, MAX_OPEN_FILES } from '../../../electron/shared/contract';

/** Just enough DOM for the fallback: elements are EventTargets that record what was set on them. */
type FakeElement = EventTarget & Record<string, unknown> & { click: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> };
let created: FakeElement[];

beforeEach(() => {
  created = [];
  vi.useFakeTimers();
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      const element = Object.assign(new EventTarget(), { tag, style: {}, click: vi.fn(), remove: vi.fn() });
      created.push(element as unknown as FakeElement);
      return element;
    },
    body: { append: vi.fn() },
  });
  vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('browser saveFile', () => {
  it('downloads the bytes under the suggested name with the kind extension', async () => {
    const result = await browserApi.saveFile({ suggestedName: 'export', kind: 'bundle', bytes: new Uint8Array([1]) });
    expect(result).toEqual({ saved: true, fileName: 'export.relais' });
    const anchor = created[0];
    expect(anchor.download).toBe('export.relais');
    expect(anchor.click).toHaveBeenCalledOnce();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:x');
  });
});

describe('browser streamed save', () => {
  it('gathers the pieces and downloads them as one file, under the kind\'s extension', async () => {
    const { stream } = await browserApi.beginSave({ suggestedName: 'relais-cra', kind: 'xlsx' });
    expect(stream).toMatch(/^[0-9a-f]{32}$/);
    await browserApi.writeSave({ stream: stream!, bytes: new TextEncoder().encode('ab') });
    await browserApi.writeSave({ stream: stream!, bytes: new TextEncoder().encode('c') });
    expect(created).toHaveLength(0); // nothing downloaded before the end
    await expect(browserApi.finishSave({ stream: stream! })).resolves.toEqual({ saved: true, fileName: 'relais-cra.xlsx' });
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob;
    expect(await blob.text()).toBe('abc');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect(browserApi.writeSave({ stream: stream!, bytes: new Uint8Array(1) })).rejects.toThrow('RELAIS_INVALID_ARGUMENT');
  });

  it('downloads nothing when aborted', async () => {
    const { stream } = await browserApi.beginSave({ suggestedName: 'cra.csv', kind: 'csv' });
    await browserApi.writeSave({ stream: stream!, bytes: new Uint8Array(3) });
    await browserApi.abortSave({ stream: stream! });
    expect(created).toHaveLength(0);
    await expect(browserApi.finishSave({ stream: stream! })).rejects.toThrow('RELAIS_INVALID_ARGUMENT');
  });
});

describe('browser openFiles', () => {
  it('resolves with the chosen files as Uint8Array', async () => {
    const pending = browserApi.openFiles({ kind: 'csv', multiple: true });
    const input = created[0];
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.csv');
    input.files = [new File(['a;b'], 'a.csv'), new File(['c'], 'c.csv')];
    input.dispatchEvent(new Event('change'));
    const files = await pending;
    expect(files.map((f) => f.name)).toEqual(['a.csv', 'c.csv']);
    expect(files[0].bytes).toEqual(new TextEncoder().encode('a;b'));
    expect(input.remove).toHaveBeenCalled();
  });

  it('resolves [] when the user cancels', async () => {
    const pending = browserApi.openFiles({ kind: 'json', multiple: false });
    created[0].dispatchEvent(new Event('cancel'));
    await expect(pending).resolves.toEqual([]);
  });

  it('refuses files over the size limit without reading them', async () => {
    const pending = browserApi.openFiles({ kind: 'bundle', multiple: false });
    const arrayBuffer = vi.fn();
    created[0].files = [{ name: 'huge.relais', size: 536_870_913, arrayBuffer }];
    created[0].dispatchEvent(new Event('change'));
    await expect(pending).rejects.toThrow('RELAIS_FILE_TOO_LARGE');
    expect(arrayBuffer).not.toHaveBeenCalled();
  });
});

it('getAppInfo says browser and has no data location', async () => {
  vi.stubGlobal('navigator', { platform: 'Linux x86_64' });
  const info = await browserApi.getAppInfo();
  expect(info).toMatchObject({ shell: 'browser', platform: 'Linux x86_64' });
  expect(info.dataFolderForDisplay).toBeUndefined();
  expect(typeof info.version).toBe('string');
});

describe('browser diagnostics', () => {
  beforeEach(async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await initI18n('fr');
    vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'Chromium/146', language: 'fr-FR', clipboard: { writeText: vi.fn(async () => undefined) } });
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:4173' });
  });

  it('describe the browser in the language asked, and say there is no log', async () => {
    const fr = await browserApi.getDiagnostics({ language: 'fr' });
    expect(fr.split('\n')).toEqual([
      'Diagnostic de Relais (navigateur)',
      'Version\u00a0: test',
      'Navigateur\u00a0: Chromium/146',
      'Système\u00a0: Linux x86_64',
      'Langue\u00a0: fr-FR',
      'Données\u00a0: dans le stockage de ce navigateur, pour http://127.0.0.1:4173',
      '',
      'Pas de journal dans le navigateur\u00a0: seule l’application de bureau en tient un.',
      '',
    ]);
    expect(await browserApi.getDiagnostics({ language: 'en' })).toContain('Data: in this browser’s storage, for http://127.0.0.1:4173');
  });

  it('copy the same text with the page’s clipboard', async () => {
    await browserApi.copyDiagnostics({ language: 'en' });
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(await browserApi.getDiagnostics({ language: 'en' }));
  });
});

it('a browser is never asked by the OS to open a file: the listener is never called', () => {
  const listener = vi.fn();
  const unsubscribe = browserApi.onOpenFileRequest(listener);
  expect(typeof unsubscribe).toBe('function');
  unsubscribe();
  expect(listener).not.toHaveBeenCalled();
});

it('a browser has no OS keychain: it says so, and sealing is refused (keys then use a passphrase)', async () => {
  await expect(browserApi.secretStorageAvailable()).resolves.toBe(false);
  await expect(browserApi.sealSecret({ bytes: new Uint8Array([1]) })).rejects.toThrow('RELAIS_SECRET_STORAGE_UNAVAILABLE');
  await expect(browserApi.unsealSecret({ bytes: new Uint8Array([1]) })).rejects.toThrow('RELAIS_SECRET_STORAGE_UNAVAILABLE');
});

describe('files dropped on the window obey the open dialog\'s limits', () => {
  const file = (name: string, size: number) => ({ name, size, arrayBuffer: vi.fn(async () => new ArrayBuffer(1)) });

  it('reads up to MAX_OPEN_FILES files, within one size budget for all of them', async () => {
    expect(MAX_OPEN_FILES).toBe(100);
    const files = Array.from({ length: MAX_OPEN_FILES }, (_, i) => file(`${i}.relais`, 10));
    await expect(readLocalFiles(files as unknown as File[])).resolves.toHaveLength(MAX_OPEN_FILES);
  });

  it('refuses one file more, without reading any, saying how many', async () => {
    const files = Array.from({ length: MAX_OPEN_FILES + 1 }, (_, i) => file(`${i}.relais`, 10));
    await expect(readLocalFiles(files as unknown as File[])).rejects.toThrow(/RELAIS_TOO_MANY_FILES: 101 files, at most 100/);
    for (const f of files) expect(f.arrayBuffer).not.toHaveBeenCalled();
  });

  it('refuses files that together pass the bridge\'s size cap, without reading any', async () => {
    const files = [file('a.relais', MAX_FILE_BYTES / 2), file('b.relais', MAX_FILE_BYTES / 2 + 1)];
    await expect(readLocalFiles(files as unknown as File[])).rejects.toThrow('RELAIS_FILE_TOO_LARGE');
    for (const f of files) expect(f.arrayBuffer).not.toHaveBeenCalled();
  });
});
