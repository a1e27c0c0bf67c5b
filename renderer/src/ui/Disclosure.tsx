/**
 * A section that folds: its heading is a button with an arrow that turns and `aria-expanded`, so it
 * looks and reads as expandable. Folded content stays in the page, hidden: a form keeps its fields,
 * and a field asked for by the error summary opens its section (REVEAL_EVENT, ui/form.tsx).
 * With `rememberAs`, the open/closed state is kept on this device (ui/usePreference.ts).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { REVEAL_EVENT } from './form';
import { isBoolean, usePreference } from './usePreference';

interface DisclosureProps {
  title: ReactNode;
  children: ReactNode;
  /** Open at first (before any remembered choice). */
  defaultOpen?: boolean;
  /** Open when the page opens, whatever was remembered (it holds something to see: an edited record's values). */
  openAtFirst?: boolean;
  /** Remember the state on this device under this key. */
  rememberAs?: string;
  /** Heading level of the title (2 for a page section, 3 inside one). */
  level?: 2 | 3;
  className?: string;
  /** Shown beside the title while folded (e.g. what the section holds). */
  summary?: ReactNode;
}

function useOpenState(defaultOpen: boolean, rememberAs: string | undefined): [boolean, (open: boolean) => void] {
  const remembered = usePreference(`open.${rememberAs ?? 'none'}`, defaultOpen, isBoolean);
  const local = useState(defaultOpen);
  return rememberAs ? remembered : local;
}

export function Disclosure({ title, children, defaultOpen = false, openAtFirst = false, rememberAs, level = 2, className, summary }: DisclosureProps) {
  const [chosen, setChosen] = useOpenState(defaultOpen, rememberAs);
  const [forced, setForced] = useState(openAtFirst);
  const open = chosen || forced;
  const setOpen = useCallback((next: boolean) => {
    setForced(false);
    setChosen(next);
  }, [setChosen]);
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const Heading = level === 2 ? 'h2' : 'h3';
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const reveal = () => setOpen(true);
    element.addEventListener(REVEAL_EVENT, reveal);
    return () => element.removeEventListener(REVEAL_EVENT, reveal);
  }, [setOpen]);
  return (
    <section className={`disclosure${open ? ' is-open' : ''} ${className ?? ''}`}>
      <Heading className="disclosure-heading">
        <button type="button" className="disclosure-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <span className="disclosure-arrow" aria-hidden="true" />
          <span>{title}</span>
          {!open && summary ? <span className="disclosure-summary">{summary}</span> : null}
        </button>
      </Heading>
      <div id={panelId} ref={panel} className="disclosure-panel" hidden={!open}>{children}</div>
    </section>
  );
}
