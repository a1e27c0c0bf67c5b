import { useEffect, type ReactNode } from 'react';

/** A screen: one h1 (also the window title) and its main actions. */
export function Page({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  useEffect(() => {
    document.title = `${title} — Relais`;
  }, [title]);
  return (
    <section className={`page ${className ?? ''}`}>
      <header className="page-header">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
