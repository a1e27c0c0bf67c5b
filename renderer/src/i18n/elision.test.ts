import { describe, expect, it } from 'vitest';
import { elide, startsWithElidingSound } from './elision';

describe('French elision before an interpolated word', () => {
  it('elides before a vowel, accented or not', () => {
    expect(elide('de', 'Arvieu')).toBe('d’Arvieu');
    expect(elide('de', 'Aïcha')).toBe('d’Aïcha');
    expect(elide('de', 'Élancourt')).toBe('d’Élancourt');
    expect(elide('de', 'Île-de-France')).toBe('d’Île-de-France');
    expect(elide('le', 'ordinateur')).toBe('l’ordinateur');
    expect(elide('la', 'équipe')).toBe('l’équipe');
    expect(elide('que', 'Oullins')).toBe('qu’Oullins');
  });

  it('keeps the full word before a consonant, an aspirated h and a y', () => {
    expect(elide('de', 'Lormes')).toBe('de Lormes');
    expect(elide('de', 'Honfleur')).toBe('de Honfleur');
    expect(elide('de', 'Yannick')).toBe('de Yannick');
    expect(elide('le', 'hameau')).toBe('le hameau');
    expect(elide('que', '12 villages')).toBe('que 12 villages');
  });

  it('elides before the short list of mute-h words only', () => {
    expect(elide('de', 'Hyères')).toBe('d’Hyères');
    expect(elide('le', 'horaire')).toBe('l’horaire');
    expect(startsWithElidingSound('Hautefort')).toBe(false);
  });

  it('contracts "de Le" and "de Les" as French does, keeps "de La" and "de L’"', () => {
    expect(elide('de', 'Le Havre')).toBe('du Havre');
    expect(elide('de', 'Les Andelys')).toBe('des Andelys');
    expect(elide('de', 'La Rochelle')).toBe('de La Rochelle');
    expect(elide('de', 'L’Isle-Adam')).toBe('de L’Isle-Adam');
  });

  it('knows the usual exceptions and survives odd values', () => {
    expect(elide('le', 'onze')).toBe('le onze');
    expect(elide('de', '')).toBe('de ');
    expect(elide('de', undefined)).toBe('de ');
    expect(elide('de', 42)).toBe('de 42');
  });
});
