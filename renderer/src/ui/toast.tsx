/**
 * Short notices at the bottom of the window, announced to screen readers. A notice may carry an
 * "Undo" action (after a delete), which stays for a few seconds.
 *
 * A change refused because only its author may make it (db/repository.ts, `NotAuthorError`) is said
 * here, wherever a screen started it: an edit of another computer's activity, series or session. So is
 * a write refused because the database is open read-only (db/readOnlyGuard.ts).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnlyRefusal } from '../db/readOnlyGuard';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  undo?: () => void | Promise<void>;
}

interface ToastApi {
  notify: (message: string, tone?: Toast['tone']) => void;
  notifyWithUndo: (message: string, undo: () => void | Promise<void>) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const DURATION_MS = 8000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const { t } = useTranslation();
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const push = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-2), { ...toast, id }]);
    setTimeout(() => dismiss(id), DURATION_MS);
  }, [dismiss]);
  useEffect(() => {
    // Writes the database refuses and no screen handled: said in words, never silent.
    const onRefused = (event: PromiseRejectionEvent) => {
      const readOnly = isReadOnlyRefusal(event.reason);
      if (!readOnly && (event.reason as Error | undefined)?.name !== 'NotAuthorError') return;
      event.preventDefault();
      push({ message: readOnly ? t('readOnly:refused') : t('errors.notAuthor'), tone: 'error' });
    };
    window.addEventListener('unhandledrejection', onRefused);
    return () => window.removeEventListener('unhandledrejection', onRefused);
  }, [push, t]);
  const api = useMemo<ToastApi>(() => ({
    notify: (message, tone = 'info') => push({ message, tone }),
    notifyWithUndo: (message, undo) => push({ message, tone: 'info', undo }),
  }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>{toast.message}</span>
            {toast.undo ? (
              <button type="button" className="button button--small" onClick={async () => { dismiss(toast.id); await toast.undo?.(); }}>
                {t('actions.undo')}
              </button>
            ) : null}
            <button type="button" className="toast-close" aria-label={t('actions.dismiss')} onClick={() => dismiss(toast.id)}>×</button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
