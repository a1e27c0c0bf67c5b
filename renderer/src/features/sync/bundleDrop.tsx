/**
 * Bundle files dropped anywhere on the window. On the exchange screen the import panel takes them at
 * once; on any other screen they are kept here and the app goes to the exchange screen, whose panel
 * takes them on arrival. A file dropped on a window must never make the page navigate to it (that
 * would leave the app): every file drop is caught.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import type { OpenedFile } from '../../platform';

type Listener = (files: OpenedFile[]) => void;

let pending: OpenedFile[] = [];
let listener: Listener | undefined;

async function readDropped(event: DragEvent): Promise<OpenedFile[]> {
  const files = Array.from(event.dataTransfer?.files ?? []);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function deliver(files: OpenedFile[]): boolean {
  if (files.length === 0) return true;
  if (listener) {
    listener(files);
    return true;
  }
  pending = [...pending, ...files];
  return false;
}

/** The import panel registers here while it is shown; it receives what was dropped before it opened. */
export function useBundleDropTarget(onFiles: Listener, onDragging: (on: boolean) => void): void {
  useEffect(() => {
    listener = onFiles;
    if (pending.length > 0) {
      const waiting = pending;
      pending = [];
      onFiles(waiting);
    }
    const over = (event: DragEvent) => { if (event.dataTransfer?.types.includes('Files')) onDragging(true); };
    const leave = (event: DragEvent) => { if (event.relatedTarget === null) onDragging(false); };
    const drop = () => onDragging(false);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      if (listener === onFiles) listener = undefined;
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles, onDragging]);
}

/** Mounted once in the app shell: catches every file drop and routes bundles to the exchange screen. */
export function GlobalBundleDrop() {
  const navigate = useNavigate();
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      void readDropped(event).then((files) => {
        if (!deliver(files)) navigate('/sync');
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);
  return null;
}
