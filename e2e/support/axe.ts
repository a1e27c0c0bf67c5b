/** Automated accessibility checks (axe-core, WCAG 2 A and AA): what every screen must pass. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The serious and critical violations of the current screen, one readable line (and its elements) each. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return serious.map((v) => `${screen}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
}

export function expectNone(report: string[]): void {
  expect(report, report.join('\n')).toEqual([]);
}
