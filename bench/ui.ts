/**
 * Scenario 7: the real app (built renderer, served at /app/ on the bench origin) with 100k activities
 * seeded into its IndexedDB by the bench page. Timings are taken inside the page with performance.now():
 * the action (a click, a keystroke) and the wait for its result run in one `evaluate`, so the figures hold
 * no DevTools round trip. A screen that does not exist yet is reported "not available", never a crash.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type Until = 'app' | 'home' | 'activities' | 'changed' | 'dashboard' | 'dashboardChanged' | 'drill' | 'pagedFirst' | 'pagedGrew' | 'pagedChanged';
export interface UiStep {
  action: 'click' | 'input' | 'select' | 'none';
  selector: string;
  value?: string;
  until: Until;
  timeoutMs: number;
}
export interface UiTiming { ms: number | null; detail: string }

/**
 * Runs in the page (serialised by Playwright: everything it needs is defined inside). Returns the time
 * from the action to the first frame after the awaited content is in the DOM.
 */
function stepInPage(step: UiStep): Promise<UiTiming> {
  const main = () => document.querySelector('main');
  const signature = () => {
    const m = main();
    if (!m) return '';
    const status = m.querySelector('[role="status"]')?.textContent ?? '';
    const rows = [...m.querySelectorAll('.row-link')].slice(0, 3).map((r) => r.textContent).join('|');
    return `${status}#${rows}`;
  };
  const figures = () => main()?.querySelector('.dashboard-figures')?.textContent ?? '';
  // The paged activity list (above its in-memory ceiling): its rows held (the virtual list draws only
  // those in view, each says how many there are) and whether a step is still reading.
  const pagedRows = () => Number(main()?.querySelector('.virtual-row')?.getAttribute('aria-setsize') ?? 0);
  const pagedSettled = () => main()?.querySelector('.activity-results')?.getAttribute('aria-busy') === 'false';
  const before = signature();
  const rowsBefore = pagedRows();
  const figuresBefore = figures();
  const ready: Record<Until, () => boolean> = {
    app: () => Boolean(document.querySelector('nav') && main()?.querySelector('h1')),
    home: () => {
      const stats = [...(main()?.querySelectorAll('.stat') ?? [])];
      return stats.length > 0 && stats.every((s) => /\d/.test(s.textContent ?? ''));
    },
    activities: () => Boolean(main()?.querySelector('h1') && main()?.querySelector('.row-link')),
    changed: () => signature() !== before,
    // Issue 10: the dashboard's figures (numbers) and the tables under its charts are on screen.
    dashboard: () => /\d/.test(figures()) && Boolean(main()?.querySelector('.figure-table tbody tr')),
    // Issue 10's "figures and charts": the figures changed and every chart drew the numbers it was given.
    dashboardChanged: () => figures() !== figuresBefore && /\d/.test(figures())
      && [...(main()?.querySelectorAll<HTMLElement>('.chart') ?? [])].every((c) => c.dataset.drawn === c.dataset.want),
    drill: () => Boolean(main()?.querySelector('.drill-list .row-link')),
    pagedFirst: () => Boolean(main()?.querySelector('.paged-bar') && main()?.querySelector('.row-link')) && pagedSettled(),
    pagedGrew: () => pagedRows() > rowsBefore && pagedSettled(),
    pagedChanged: () => signature() !== before && pagedSettled() && pagedRows() > 0,
  };
  const act = () => {
    const element = document.querySelector(step.selector) as HTMLElement | null;
    if (!element) return false;
    if (step.action === 'click') element.click();
    if (step.action === 'input' || step.action === 'select') {
      // React listens to the native value setter + an input/change event, as a real keystroke fires.
      const proto = step.action === 'input' ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, step.value ?? '');
      element.dispatchEvent(new Event(step.action === 'input' ? 'input' : 'change', { bubbles: true }));
    }
    return true;
  };
  return new Promise((resolve) => {
    const start = performance.now();
    if (step.action !== 'none' && !act()) {
      resolve({ ms: null, detail: `not available: no element ${step.selector}` });
      return;
    }
    let done = false;
    const finish = (timing: UiTiming) => {
      if (done) return;
      done = true;
      observer.disconnect();
      resolve(timing);
    };
    const check = () => {
      if (done || !ready[step.until]()) return;
      // The content is in the DOM: the next animation frame is the one that paints it.
      requestAnimationFrame(() => finish({ ms: performance.now() - start, detail: 'ok' }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-drawn'] });
    check();
    setTimeout(() => finish({ ms: null, detail: `not available: "${step.until}" not shown within ${step.timeoutMs} ms` }), step.timeoutMs);
  });
}

export function uiStep(page: Page, step: UiStep): Promise<UiTiming> {
  return page.evaluate(stepInPage, step);
}

/** App start to interactive: navigation start (performance time origin) to the shell and a page title. */
export async function appStart(page: Page, url: string, timeoutMs: number): Promise<{ app: UiTiming; home: UiTiming }> {
  await page.goto(url, { waitUntil: 'commit' });
  const at = async (until: Until): Promise<UiTiming> => {
    try {
      await page.waitForFunction((name) => {
        const main = document.querySelector('main');
        const ok = name === 'app'
          ? Boolean(document.querySelector('nav') && main?.querySelector('h1'))
          : [...(main?.querySelectorAll('.stat') ?? [])].some((s) => /\d/.test(s.textContent ?? ''));
        const w = window as unknown as Record<string, number>;
        if (ok && w[`__at_${name}`] === undefined) w[`__at_${name}`] = performance.now();
        return ok;
      }, until, { polling: 'raf', timeout: timeoutMs });
      const ms = await page.evaluate((name) => (window as unknown as Record<string, number>)[`__at_${name}`], until);
      return { ms, detail: 'ok' };
    } catch {
      return { ms: null, detail: `not available: "${until}" not shown within ${timeoutMs} ms` };
    }
  };
  const app = await at('app');
  const home = await at('home');
  return { app, home };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface UiResult {
  activities: number;
  seedMs: number;
  appStart: UiTiming;
  homeCold: UiTiming;
  listFirstScreen: UiTiming[];
  homeCounts: UiTiming[];
  searchKeystroke: UiTiming[];
  filterChange: UiTiming[];
  /** Issue 10: dashboard first render, a filter change, a drill-down's first screen. */
  dashboardFirst: UiTiming[];
  dashboardFilter: UiTiming[];
  drillFirst: UiTiming[];
  /** Above the list's in-memory ceiling (a region's million): the paged list's first screen, its "next 200", a type filter's first page. */
  pagedFirst?: UiTiming[];
  pagedNext?: UiTiming[];
  pagedTypeFilter?: UiTiming[];
  /** Scenario 10's data side alone (informative): places' communes, one filter's figures, in ms. */
  dashboardProbe?: { placesMs: number; filterMs: number; rows: number; places: number };
}

const NAV = (path: string) => `nav a[href="#${path}"]`;

/**
 * BENCH_PROFILE=prefix: a CPU profile (open it in DevTools) of each timed step of the groups named in
 * BENCH_PROFILE_STEPS (comma-separated: list, home, dashboardFirst, dashboardFilter, drill, pagedFirst,
 * pagedNext, pagedTypeFilter; default
 * dashboardFilter), written to `prefix-<group>-<n>.cpuprofile` (or to `prefix` itself when it ends in
 * `.cpuprofile` and one step is profiled). The profiler runs outside the timed `evaluate`, only around it.
 */
function profiler(page: Page) {
  const prefix = process.env.BENCH_PROFILE;
  const groups = new Set((process.env.BENCH_PROFILE_STEPS ?? 'dashboardFilter').split(',').map((g) => g.trim()));
  const counts = new Map<string, number>();
  return async (group: string, step: UiStep): Promise<UiTiming> => {
    if (!prefix || !groups.has(group)) return uiStep(page, step);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const timing = await uiStep(page, step);
    await new Promise((r) => setTimeout(r, 300));
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const n = (counts.get(group) ?? 0) + 1;
    counts.set(group, n);
    const file = prefix.endsWith('.cpuprofile') ? prefix.replace(/\.cpuprofile$/, `-${group}-${n}.cpuprofile`) : `${prefix}-${group}-${n}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    return timing;
  };
}

/**
 * The measured walk through the app, three times each: list, home, search keystrokes, filters, then the
 * dashboard. `dashboardOnly` (`--ui-walk=dashboard`) times scenario 10 alone, for work on the dashboard.
 */
export async function walkApp(page: Page, appUrl: string, dashboardOnly = false, activities = 100_000): Promise<Omit<UiResult, 'activities' | 'seedMs'>> {
  const { app, home } = await appStart(page, appUrl, 20_000);
  // Up to 100k, the dashboard is opened from the activities list, as before. Above, it is opened from the
  // home page, as in the first 1M runs (the list then held every activity in memory once its first screen
  // was shown; it is paged there now, features/activities/listLimit.ts), so the figures stay comparable.
  const from = activities > 100_000 ? '/' : '/activities';
  // Above the ceiling the list is paged: timed on its own, in both walks, before anything else fills the memory.
  const paged = activities > 100_000 ? await walkPagedList(page) : {};
  if (dashboardOnly) {
    const none: UiTiming[] = [];
    return { appStart: app, homeCold: home, listFirstScreen: none, homeCounts: none, searchKeystroke: none, filterChange: none, ...paged, ...(await walkDashboard(page, from)) };
  }
  const profiled = profiler(page);
  const listFirstScreen: UiTiming[] = [];
  const homeCounts: UiTiming[] = [];
  for (let i = 0; i < 3; i++) {
    listFirstScreen.push(await profiled('list', { action: 'click', selector: NAV('/activities'), until: 'activities', timeoutMs: 20_000 }));
    homeCounts.push(await profiled('home', { action: 'click', selector: NAV('/'), until: 'home', timeoutMs: 20_000 }));
  }
  await uiStep(page, { action: 'click', selector: NAV('/activities'), until: 'activities', timeoutMs: 20_000 });
  const searchKeystroke: UiTiming[] = [];
  const search = 'main input[type="search"]';
  // One letter typed, then erased, three times: each keystroke must change the list (count or rows).
  for (const value of ['m', '', 'v', '', 'j', '']) {
    searchKeystroke.push(await uiStep(page, { action: 'input', selector: search, value, until: 'changed', timeoutMs: 10_000 }));
  }
  const filterChange: UiTiming[] = [];
  const typeSelect = 'main .filters select';
  for (const value of ['collectif', 'individuel', '']) {
    filterChange.push(await uiStep(page, { action: 'select', selector: typeSelect, value, until: 'changed', timeoutMs: 10_000 }));
  }
  const dashboard = await walkDashboard(page, from);
  return { appStart: app, homeCold: home, listFirstScreen, homeCounts, searchKeystroke, filterChange, ...paged, ...dashboard };
}

/**
 * The paged activity list (issue 10, above the in-memory ceiling), three times each: its first screen
 * from the home page, "show the next 200", and a type filter's first page (from no filter). A step is
 * done when the rows are drawn and the list no longer reads (`aria-busy`).
 */
async function walkPagedList(page: Page): Promise<Pick<UiResult, 'pagedFirst' | 'pagedNext' | 'pagedTypeFilter'>> {
  const profiled = profiler(page);
  const pagedFirst: UiTiming[] = [];
  const pagedNext: UiTiming[] = [];
  const pagedTypeFilter: UiTiming[] = [];
  const nextButton = 'main .paged-bar button';
  const typeSelect = 'main .filters select';
  for (let i = 0; i < 3; i++) {
    await uiStep(page, { action: 'click', selector: NAV('/'), until: 'home', timeoutMs: 60_000 });
    pagedFirst.push(await profiled('pagedFirst', { action: 'click', selector: NAV('/activities'), until: 'pagedFirst', timeoutMs: 20_000 }));
    pagedNext.push(await profiled('pagedNext', { action: 'click', selector: nextButton, until: 'pagedGrew', timeoutMs: 20_000 }));
  }
  for (let i = 0; i < 3; i++) {
    pagedTypeFilter.push(await profiled('pagedTypeFilter', { action: 'select', selector: typeSelect, value: 'collectif', until: 'pagedChanged', timeoutMs: 30_000 }));
    await uiStep(page, { action: 'select', selector: typeSelect, value: '', until: 'pagedChanged', timeoutMs: 30_000 });
  }
  return { pagedFirst, pagedNext, pagedTypeFilter };
}

/** Issue 10: the dashboard (from the sidebar), its type filter (three changes), a drill-down from a figure. */
async function walkDashboard(page: Page, from: '/' | '/activities'): Promise<Pick<UiResult, 'dashboardFirst' | 'dashboardFilter' | 'drillFirst'>> {
  const profiled = profiler(page);
  const dashboardFirst: UiTiming[] = [];
  const drillFirst: UiTiming[] = [];
  for (let i = 0; i < 3; i++) {
    await uiStep(page, { action: 'click', selector: NAV(from), until: from === '/' ? 'home' : 'activities', timeoutMs: 60_000 });
    dashboardFirst.push(await profiled('dashboardFirst', { action: 'click', selector: NAV('/dashboard'), until: 'dashboard', timeoutMs: 20_000 }));
  }
  const dashboardFilter: UiTiming[] = [];
  // The first select of the filters is the activity type (the period fields are inputs).
  const typeSelect = 'main .dashboard-filters select';
  for (const value of ['collectif', 'individuel', '']) {
    dashboardFilter.push(await profiled('dashboardFilter', { action: 'select', selector: typeSelect, value, until: 'dashboardChanged', timeoutMs: 10_000 }));
  }
  for (let i = 0; i < 3; i++) {
    await uiStep(page, { action: 'click', selector: NAV('/dashboard'), until: 'dashboard', timeoutMs: 20_000 });
    drillFirst.push(await profiled('drill', { action: 'click', selector: 'main .figure-link', until: 'drill', timeoutMs: 20_000 }));
  }
  return { dashboardFirst, dashboardFilter, drillFirst };
}
