/**
 * Exchange files that arrive from outside the exchange screen: dropped anywhere on the window, or
 * double-clicked in the file manager (the desktop shell hands those over as name + bytes through
 * `platform.onOpenFileRequest`, never as a path). Bundles go to the import panel, which opens each in
 * its preview; cards go to the cards panel. On another screen the files are kept here and the app goes
 * to the exchange screen, whose panels take them on arrival. A file dropped on a window must never make
 * the page navigate to it (that would leave the app): every file drop is caught. A drop obeys the open
 * dialog's limits (how many files, how many bytes together): beyond them nothing is read, and the import
 * panel says which limit was passed.
 */
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { platform, readLocalFiles, type OpenableKind, type OpenedFile, type OpenFileRequest } from '../../platform';

type Listener = (files: OpenedFile[]) => void;
type RefusalListener = (error: unknown) => void;

const KINDS = ['bundle', 'card'] as const satisfies readonly OpenableKind[];
const pending: Record<OpenableKind, OpenedFile[]> = { bundle: [], card: [] };
const listeners: Partial<Record<OpenableKind, Listener>> = {};
/** Drops refused for their count or size, told by the import panel (kept until it shows). */
let pendingRefusals: unknown[] = [];
let refusalListener: RefusalListener | undefined;

/** A dropped file's panel, by its extension: cards to the cards, anything else to the bundle import (which says what it is not). */
function kindOfDropped(name: string): OpenableKind {
  return /\.relaiscard$/i.test(name) ? 'card' : 'bundle';
}

async function readDropped(event: DragEvent): Promise<OpenFileRequest[]> {
  const files = await readLocalFiles(Array.from(event.dataTransfer?.files ?? []));
  return files.map(({ name, bytes }) => ({ kind: kindOfDropped(name), name, bytes }));
}

/** Tell the import panel, or keep it for when it shows; false when it must wait. */
function refuse(error: unknown): boolean {
  if (refusalListener) {
    refusalListener(error);
    return true;
  }
  pendingRefusals = [...pendingRefusals, error];
  return false;
}

/** Hand each file to its panel, or keep it for later; false when some must wait (the caller then opens the exchange screen). */
function deliver(files: readonly OpenFileRequest[]): boolean {
  let allTaken = true;
  for (const kind of KINDS) {
    const group = files.filter((f) => f.kind === kind).map(({ name, bytes }) => ({ name, bytes }));
    if (group.length === 0) continue;
    const listener = listeners[kind];
    if (listener) listener(group);
    else {
      pending[kind] = [...pending[kind], ...group];
      allTaken = false;
    }
  }
  return allTaken;
}

/**
 * Open bundles in the import panel as if they had been dropped on the window (a held bundle from the
 * inbox folder, which a person now reviews): its preview shows who sent it and offers to enrol them.
 */
export function openInImportPanel(files: readonly OpenedFile[]): void {
  deliver(files.map(({ name, bytes }) => ({ kind: 'bundle', name, bytes })));
}

/** A panel registers here while it is shown; it receives what arrived before it opened. */
function useFileTarget(kind: OpenableKind, onFiles: Listener): void {
  useEffect(() => {
    listeners[kind] = onFiles;
    if (pending[kind].length > 0) {
      const waiting = pending[kind];
      pending[kind] = [];
      onFiles(waiting);
    }
    return () => {
      if (listeners[kind] === onFiles) delete listeners[kind];
    };
  }, [kind, onFiles]);
}

/** The import panel: bundles, drops refused for their limits, and "something is dragged over the window" for its highlight. */
export function useBundleDropTarget(onFiles: Listener, onDragging: (on: boolean) => void, onRefused: RefusalListener): void {
  useFileTarget('bundle', onFiles);
  useEffect(() => {
    refusalListener = onRefused;
    const waiting = pendingRefusals;
    pendingRefusals = [];
    waiting.forEach(onRefused);
    return () => {
      if (refusalListener === onRefused) refusalListener = undefined;
    };
  }, [onRefused]);
  useEffect(() => {
    const over = (event: DragEvent) => { if (event.dataTransfer?.types.includes('Files')) onDragging(true); };
    const leave = (event: DragEvent) => { if (event.relatedTarget === null) onDragging(false); };
    const drop = () => onDragging(false);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDragging]);
}

/** The cards panel: `.relaiscard` files dropped or opened from the file manager. */
export function useCardFileTarget(onFiles: Listener): void {
  useFileTarget('card', onFiles);
}

/** Mounted once in the app shell: catches every file drop and every file the OS opens, and routes them. */
export function GlobalBundleDrop() {
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  useEffect(() => {
    const route = (files: readonly OpenFileRequest[]) => {
      if (!deliver(files)) navigateRef.current('/sync');
    };
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      void readDropped(event).then(route, (error: unknown) => {
        if (!refuse(error)) navigateRef.current('/sync');
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    const unsubscribe = platform.onOpenFileRequest(route);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      unsubscribe();
    };
  }, []);
  return null;
}
