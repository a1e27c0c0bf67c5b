/**
 * Links that leave the app. The app itself makes no network call (window.ts cancels every request);
 * a link can only be handed to the person's own browser, and only when it is one of the app's help
 * pages (HELP_URLS), the person clicked it, and then confirmed it in a native dialog — which the page
 * cannot draw, click or fake. A page spamming window.open gets one dialog at a time, never a browser.
 */
import { HELP_URLS } from '../shared/help';

export type LinkOutcome = 'opened' | 'declined' | 'refused' | 'busy';

export interface LinkDoor {
  allowList: readonly string[];
  /** Ask the person (native dialog); true only when they chose to open it. */
  confirm(url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
}

/** The canonical form of `url` when it is exactly one of the allowed https pages, else null. */
export function allowedHelpUrl(url: string, allowList: readonly string[] = HELP_URLS): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // No credentials (https://help@evil.example), no other scheme; the whole address must match.
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  const canonical = parsed.href;
  return allowList.some((allowed) => new URL(allowed).href === canonical) ? canonical : null;
}

let asking = false;

/** Offer to open a help link in the system browser; says what happened (for the log and the tests). */
export async function offerHelpLink(url: string, door: LinkDoor): Promise<LinkOutcome> {
  const allowed = allowedHelpUrl(url, door.allowList);
  if (allowed === null) return 'refused';
  if (asking) return 'busy';
  asking = true;
  try {
    if (!(await door.confirm(allowed))) return 'declined';
    await door.openExternal(allowed);
    return 'opened';
  } finally {
    asking = false;
  }
}
