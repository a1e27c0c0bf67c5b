import { describe, expect, it, vi } from 'vitest';
import { FileTooLargeError } from './files';

vi.mock('electron', () => ({ app: { getLocale: () => 'fr-FR', getPath: () => '/home/marie' }, dialog: {} }));

const { refusedLines } = await import('./dialogs');

describe('refusedLines', () => {
  const refused = [
    { name: 'gros.relais', kind: 'bundle' as const, error: new FileTooLargeError(536_870_912) },
    { name: 'carte.relaiscard', kind: 'card' as const, error: Object.assign(new Error("ENOENT: '/home/marie/carte.relaiscard'"), { code: 'ENOENT' }) },
  ];

  it('says why each file did not open, by its name and never its path', () => {
    expect(refusedLines(refused, 'fr')).toEqual([
      '«\u00a0gros.relais\u00a0»\u00a0: trop volumineux (plus de 512\u00a0Mo).',
      '«\u00a0carte.relaiscard\u00a0»\u00a0: introuvable ou illisible.',
    ]);
    expect(refusedLines(refused, 'en')).toEqual(['“gros.relais”: too large (over 512 MB).', '“carte.relaiscard”: missing or unreadable.']);
  });
});
