import { describe, expect, it } from 'vitest';
import { drillFromParams, paramsFromDrill } from './params';

describe('dashboard filters in the address', () => {
  it('go there and back, and ignore what is not a filter', () => {
    const drill = { from: '2026-01-15', to: '2026-03-10', commune: '58145', thematique: 'email', village: 'v1', duration: 'plus_120' as const };
    expect(drillFromParams(new URLSearchParams(paramsFromDrill(drill)))).toEqual(drill);
    expect(drillFromParams(new URLSearchParams('from=janvier&to=2026-02-30&duration=long&evil=1&type=collectif'))).toEqual({ type: 'collectif' });
  });
});
