import { describe, expect, it } from 'vitest';
import { drillFromParams, paramsFromDrill } from './params';

describe('dashboard filters in the address', () => {
  it('go there and back, and ignore what is not a filter', () => {
    const drill = { fromMonth: '2026-01', commune: '58145', thematique: 'email', duration: 'plus_120' as const };
    expect(drillFromParams(new URLSearchParams(paramsFromDrill(drill)))).toEqual(drill);
    expect(drillFromParams(new URLSearchParams('fromMonth=janvier&duration=long&evil=1&type=collectif'))).toEqual({ type: 'collectif' });
  });
});
