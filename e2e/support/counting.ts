/**
 * Counts what a person does: every click and every key press goes through here. A click is only
 * allowed on a control that is wholly on screen and not covered (no scroll wheel, no hidden scroll by
 * the test tool), so "N clicks" means N clicks and nothing else.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class EffortCounter {
  clicks = 0;
  /** Key presses, a chord such as Ctrl+S counting as one. */
  presses = 0;
  /** Keys pressed, each key of a chord counted (Ctrl+S is two). */
  keys = 0;

  constructor(private readonly page: Page) {}

  /** One click, on a control the person can see and reach without scrolling. */
  async click(target: Locator): Promise<void> {
    await expect(target).toBeInViewport({ ratio: 1 });
    const box = await target.boundingBox();
    if (!box) throw new Error('no box to click');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Nothing on top of it (a sticky bar, a toast): the person would click that instead.
    const reachable = await target.evaluate((el, [px, py]) => {
      const top = document.elementFromPoint(px, py);
      return top !== null && (el === top || el.contains(top) || top.contains(el) || (el as HTMLElement & { labels?: NodeList }).labels?.[0]?.contains(top) === true);
    }, [x, y]);
    expect(reachable, 'the control is covered by something else').toBe(true);
    const scrolled = await this.page.evaluate(() => window.scrollY);
    await this.page.mouse.click(x, y);
    expect(await this.page.evaluate(() => window.scrollY), 'a click must not scroll the page').toBe(scrolled);
    this.clicks += 1;
  }

  /** A select, as a mouse user works it: one click to open it, one to choose. */
  async choose(select: Locator, label: string): Promise<void> {
    await expect(select).toBeInViewport({ ratio: 1 });
    await select.selectOption({ label });
    this.clicks += 2;
  }

  /** One key press, or one chord ("Control+S", "Alt+KeyN"). */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
    this.presses += 1;
    this.keys += keys.split('+').length;
  }

  /** Typing text: one press per character. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.presses += text.length;
    this.keys += text.length;
  }

  summary(): string {
    return `${this.clicks} clicks, ${this.presses} key presses (${this.keys} keys counting each key of a chord)`;
  }
}
