/**
 * Checks run in the page under a pseudo-language (see renderer/src/i18n/pseudo.ts), where every
 * translated letter is accented and every message is about 35 % longer:
 * - hard-coded text: any visible run of plain ASCII letters that is neither a translated message
 *   nor data (a value stored in IndexedDB, a month or weekday name written by Intl, or text the
 *   page marks `translate="no"`: a version number, a file path);
 * - cut-off labels: a button, label, link or heading whose text is wider than its box, a field's
 *   placeholder longer than the field, or a page that scrolls sideways.
 */
import type { Page } from '@playwright/test';

export const PSEUDO_STORAGE_KEY = 'relais.language';

/** Chooses a pseudo-language (or any language) before the app starts, as a saved choice would. */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PSEUDO_STORAGE_KEY, code]);
  await page.reload();
}

export interface I18nAudit {
  hardCoded: string[];
  cutOff: string[];
}

/** Every string stored by the app (IndexedDB): names of villages, places, the profile… are data, not UI text. */
async function storedStrings(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const strings = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        rows.forEach(collect);
      }
      db.close();
    }
    return [...strings];
  });
}

/** Live queries fill lists a moment after the title shows: wait until the text stops changing. */
async function settle(page: Page): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 20; i++) {
    const length = await page.evaluate(() => document.body.innerText.length);
    if (length === previous) return;
    previous = length;
    await page.waitForTimeout(150);
  }
}

export async function auditScreen(page: Page, screen: string): Promise<I18nAudit> {
  await settle(page);
  const data = await storedStrings(page);
  return page.evaluate(({ screen, data }) => {
    const lang = document.documentElement.lang;
    const intl = 'en-GB'; // pseudo-languages format dates and numbers as English does
    const words = new Set<string>();
    for (let m = 0; m < 12; m++) {
      for (const month of ['long', 'short'] as const) words.add(new Intl.DateTimeFormat(intl, { month, timeZone: 'UTC' }).format(Date.UTC(2026, m, 1)));
    }
    for (let d = 0; d < 7; d++) {
      for (const weekday of ['long', 'short'] as const) words.add(new Intl.DateTimeFormat(intl, { weekday, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + d)));
    }
    const known = [...data.filter((s) => s.trim().length > 1), ...words].sort((a, b) => b.length - a.length);
    const withoutData = (text: string) => known.reduce((rest, value) => rest.split(value).join(' '), text);
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${screen} ${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    // Text in another language on purpose (each language's name in itself) carries its own lang;
    // identifiers that no language translates are marked translate="no".
    const notTranslated = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? lang) !== lang || el.closest('[translate="no"]') !== null;
    const hardCoded: string[] = [];
    const check = (el: Element, text: string, where: string) => {
      if (!/[A-Za-z]{2,}/.test(withoutData(text))) return;
      hardCoded.push(`${describe(el)}${where}: "${text.trim().slice(0, 80)}"`);
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !visible(el) || notTranslated(el)) continue;
      check(el, node.textContent ?? '', '');
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      if (!visible(el) || notTranslated(el)) continue;
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attribute);
        if (value) check(el, value, ` [${attribute}]`);
      }
    }

    const cutOff: string[] = [];
    const labels = 'button, .button, .nav-link, label, legend, th, .tag, h1, h2, h3, [role="tab"], .choice';
    for (const el of document.body.querySelectorAll<HTMLElement>(labels)) {
      // A 1-pixel box is text for screen readers only (.visually-hidden): nobody sees it cut.
      if (!visible(el) || el.clientWidth <= 1) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        cutOff.push(`${describe(el)}: "${(el.textContent ?? '').trim().slice(0, 60)}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
      }
    }
    // A placeholder longer than its field is cut off too (measured with the field's own font).
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    for (const el of document.body.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!visible(el) || el.value) continue;
      const style = getComputedStyle(el);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      const needed = Math.ceil(context.measureText(el.placeholder).width);
      if (el instanceof HTMLInputElement && needed > room + 1) {
        cutOff.push(`${describe(el)} [placeholder]: "${el.placeholder.slice(0, 60)}" needs ${needed}px, has ${Math.floor(room)}px`);
      }
    }
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) cutOff.push(`${screen}: the page scrolls sideways (${page.scrollWidth}px in ${page.clientWidth}px)`);
    return { hardCoded, cutOff };
  }, { screen, data });
}
