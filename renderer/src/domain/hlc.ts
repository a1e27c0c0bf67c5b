/**
 * Hybrid logical clock (after Actual Budget's CRDT timestamps).
 *
 * A stamp is a string `<ISO millis>-<counter 4 hex>-<device id>`, fixed-width up to the device id, so
 * that plain string comparison orders stamps: first by wall time, then by counter, then by device id
 * (32 hex, or 16 for a legacy id: still a total order). This gives every edit a total, deterministic
 * order across devices, which the merge relies on to pick one winner.
 */
import { ANY_DEVICE_ID_PATTERN } from './ids';

export interface HlcState {
  /** Milliseconds of the last stamp issued or observed. */
  millis: number;
  counter: number;
  deviceId: string;
}

export interface ParsedStamp {
  millis: number;
  counter: number;
  deviceId: string;
}

export const MAX_COUNTER = 0xffff;
/** A stamp further than this ahead of our wall clock is suspect (clock of the sender badly set). */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16}|[0-9a-f]{32})$/;

export function formatStamp(millis: number, counter: number, deviceId: string): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

export function parseStamp(stamp: string): ParsedStamp | null {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) return null;
  const millis = Date.parse(match[1]);
  if (!Number.isFinite(millis)) return null;
  return { millis, counter: parseInt(match[2], 16), deviceId: match[3] };
}

/** The device that issued a stamp: its last part, read without parsing the whole stamp. */
export function deviceOfStamp(stamp: string): string {
  return stamp.slice(stamp.lastIndexOf('-') + 1);
}

export function isStamp(value: unknown): value is string {
  return typeof value === 'string' && parseStamp(value) !== null;
}

export function createClock(deviceId: string, millis = 0, counter = 0): HlcState {
  if (!ANY_DEVICE_ID_PATTERN.test(deviceId)) throw new Error(`invalid device id: ${deviceId}`);
  return { millis, counter, deviceId };
}

/** Issue a new stamp for a local edit; mutates the clock state. */
export function tick(clock: HlcState, wallMillis: number = Date.now()): string {
  if (wallMillis > clock.millis) {
    clock.millis = wallMillis;
    clock.counter = 0;
  } else {
    clock.counter += 1;
    if (clock.counter > MAX_COUNTER) {
      // Counter exhausted within one millisecond: borrow the next millisecond rather than overflow.
      clock.millis += 1;
      clock.counter = 0;
    }
  }
  return formatStamp(clock.millis, clock.counter, clock.deviceId);
}

/**
 * Observe a stamp received from another device so that our next local edit sorts after it
 * (an edit made after reading a value must win over that value). Stamps too far in the future
 * are not observed: they are quarantined by the importer instead of dragging our clock along.
 */
export function observe(clock: HlcState, stamp: string, wallMillis: number = Date.now()): void {
  const parsed = parseStamp(stamp);
  if (!parsed || parsed.millis > wallMillis + MAX_DRIFT_MS) return;
  if (parsed.millis > clock.millis || (parsed.millis === clock.millis && parsed.counter > clock.counter)) {
    clock.millis = parsed.millis;
    clock.counter = parsed.counter;
  }
}

export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
