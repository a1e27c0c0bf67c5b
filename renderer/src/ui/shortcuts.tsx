/**
 * Keyboard shortcuts, declared once: the keys that trigger them, the words the help panel and the
 * buttons show (`<Shortcut>`), and `aria-keyshortcuts` for screen readers, all from this table.
 *
 * The keys avoid what the browser, Electron or the system keep for themselves: Ctrl+N and Ctrl+W
 * open and close windows, Alt+Shift switches the keyboard layout on Windows. Letters are matched by
 * their place on the keyboard (`event.code`), so Alt+N is the same key on AZERTY, QWERTY and on a Mac,
 * where Option+N types a dead key.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface KeyChord {
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** `KeyboardEvent.code` for letters and Enter (`KeyN`, `Enter`), else `KeyboardEvent.key` (`?`). */
  code?: string;
  key?: string;
}

export const SHORTCUTS = {
  newIndividual: { alt: true, code: 'KeyN' },
  newWorkshop: { alt: true, code: 'KeyW' },
  save: { mod: true, code: 'KeyS' },
  saveAndNew: { mod: true, shift: true, code: 'KeyS' },
  help: { key: '?' },
} as const satisfies Record<string, KeyChord>;

export type ShortcutName = keyof typeof SHORTCUTS;

/** In the order of the help panel: what works everywhere, then in the activity form. */
export const SHORTCUT_GROUPS: ReadonlyArray<{ titleKey: string; names: readonly ShortcutName[] }> = [
  { titleKey: 'shortcuts.everywhere', names: ['newIndividual', 'newWorkshop', 'help'] },
  { titleKey: 'shortcuts.inActivityForm', names: ['save', 'saveAndNew'] },
];

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matches(chord: KeyChord, event: KeyboardEvent): boolean {
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  if (chord.key !== undefined) return event.key === chord.key && !mod && !event.altKey;
  return event.code === chord.code && mod === Boolean(chord.mod) && event.altKey === Boolean(chord.alt)
    && event.shiftKey === Boolean(chord.shift);
}

/** A key press typed into a text field belongs to the text, not to a one-key shortcut such as "?". */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** The keys as their names read: `letter` is what is printed on the key (the code's last letter). */
function parts(chord: KeyChord): Array<{ nameKey?: string; text?: string }> {
  const keys: Array<{ nameKey?: string; text?: string }> = [];
  if (chord.mod) keys.push({ nameKey: isMac() ? 'keys.cmd' : 'keys.ctrl' });
  if (chord.alt) keys.push({ nameKey: isMac() ? 'keys.option' : 'keys.alt' });
  if (chord.shift) keys.push({ nameKey: 'keys.shift' });
  if (chord.code === 'Enter') keys.push({ nameKey: 'keys.enter' });
  else if (chord.code) keys.push({ text: chord.code.replace(/^Key/, '') });
  else if (chord.key) keys.push({ text: chord.key });
  return keys;
}

/** `aria-keyshortcuts` of a shortcut, in the attribute's own (English, fixed) vocabulary. */
export function ariaKeys(name: ShortcutName): string {
  const chord: KeyChord = SHORTCUTS[name];
  const keys = [chord.mod ? (isMac() ? 'Meta' : 'Control') : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : '', chord.code?.replace(/^Key/, '') ?? chord.key ?? ''];
  return keys.filter(Boolean).join('+');
}

/** The keys of a shortcut as the keyboard shows them: <kbd>Ctrl</kbd>+<kbd>S</kbd>. */
export function Shortcut({ name }: { name: ShortcutName }) {
  const { t } = useTranslation('common');
  return (
    <span className="shortcut">
      {parts(SHORTCUTS[name]).map((part, i) => (
        <span key={i}>
          {i > 0 ? '+' : null}
          {part.nameKey ? <kbd>{t(part.nameKey)}</kbd> : <kbd translate="no">{part.text}</kbd>}
        </span>
      ))}
    </span>
  );
}

/**
 * Run `handler` when the shortcut `name` is pressed anywhere in the page, while the calling component
 * is on screen. One-key shortcuts are ignored while the person types in a field.
 */
export function useShortcut(name: ShortcutName, handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => { latest.current = handler; });
  useEffect(() => {
    const chord: KeyChord = SHORTCUTS[name];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matches(chord, event)) return;
      if (chord.key !== undefined && isTyping(event.target)) return;
      event.preventDefault();
      latest.current(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [name]);
}
