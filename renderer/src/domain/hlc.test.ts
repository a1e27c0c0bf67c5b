import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareStamps, createClock, formatStamp, MAX_DRIFT_MS, observe, parseStamp, tick } from './hlc';

const DEVICE_A = 'aaaaaaaaaaaaaaaa';
const DEVICE_B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('formats stamps that parse back to the same parts', () => {
    const stamp = formatStamp(Date.UTC(2026, 2, 3, 10, 0, 0, 5), 42, DEVICE_A);
    expect(stamp).toBe(`2026-03-03T10:00:00.005Z-002a-${DEVICE_A}`);
    expect(parseStamp(stamp)).toEqual({ millis: Date.UTC(2026, 2, 3, 10, 0, 0, 5), counter: 42, deviceId: DEVICE_A });
  });

  it('rejects malformed stamps', () => {
    for (const bad of ['', 'x', '2026-03-03T10:00:00.005Z-002a', `2026-13-40T10:00:00.005Z-002a-${DEVICE_A}`, `2026-03-03T10:00:00.005Z-002A-${DEVICE_A}`]) {
      expect(parseStamp(bad)).toBeNull();
    }
  });

  it('issues strictly increasing stamps even when the wall clock stands still or goes back', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 2, maxLength: 200 }), (walls) => {
      const clock = createClock(DEVICE_A);
      let previous = '';
      for (const wall of walls) {
        const stamp = tick(clock, wall);
        expect(compareStamps(stamp, previous)).toBe(1);
        previous = stamp;
      }
    }));
  });

  it('orders a local edit after a value it observed from a device whose clock runs ahead', () => {
    const a = createClock(DEVICE_A);
    const b = createClock(DEVICE_B);
    const remote = tick(b, 1_000_000 + 60_000); // B is a minute ahead
    observe(a, remote, 1_000_000);
    const local = tick(a, 1_000_000);
    expect(compareStamps(local, remote)).toBe(1);
  });

  it('does not let a stamp from far in the future drag the clock along', () => {
    const a = createClock(DEVICE_A);
    const wall = Date.UTC(2026, 0, 1);
    observe(a, formatStamp(wall + MAX_DRIFT_MS * 30, 0, DEVICE_B), wall);
    expect(a.millis).toBe(0);
  });

  it('refuses a malformed device id', () => {
    expect(() => createClock('not-a-device')).toThrow();
  });
});
