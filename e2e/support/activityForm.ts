/**
 * The activity form, as a person uses it: its folded "More details" section and its two save buttons
 * ("Enregistrer", and "Enregistrer et saisir la suivante", whose name contains the first one).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export function saveButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Enregistrer', exact: true });
}

export function saveAndNewButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Enregistrer et saisir la suivante' });
}

/** The folded part of the form: village, tags, notes, and a workshop's breakdowns. */
export function moreDetails(page: Page): Locator {
  return page.getByRole('button', { name: /^Plus de détails/ });
}

/** Opens "More details" unless it is open already (it remembers its state on the device). */
export async function openMoreDetails(page: Page): Promise<void> {
  const toggle = moreDetails(page);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/**
 * The link of an activity in the list (date, type, title…), not its "Dupliquer l’activité …" link,
 * whose name holds the title too.
 */
export function activityLink(scope: Page | Locator, title: string | RegExp): Locator {
  const text = typeof title === 'string' ? title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : title.source;
  return scope.getByRole('link', { name: new RegExp(`^(?!Dupliquer)[\\s\\S]*${text}`) });
}
