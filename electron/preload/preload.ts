/**
 * The only bridge between the page and the desktop: one frozen object, `window.relais`, whose
 * methods each invoke one contract channel. Bundled into a single CJS file because a sandboxed
 * preload can require nothing but `electron` (and a few Node built-ins).
 *
 * No ipcRenderer, no event objects and no Node value ever reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  type AppInfo,
  type DesktopApi,
  type OpenedFile,
  type SaveFileResult,
} from '../shared/contract';

const api = {
  shell: 'electron',
  getAppInfo: (): Promise<AppInfo> => ipcRenderer.invoke(IPC_CHANNELS.getAppInfo),
  saveFile: (req): Promise<SaveFileResult> => ipcRenderer.invoke(IPC_CHANNELS.saveFile, req),
  openFiles: (req): Promise<OpenedFile[]> => ipcRenderer.invoke(IPC_CHANNELS.openFiles, req),
  printToPdf: (req): Promise<SaveFileResult> => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, req),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('relais', api);
