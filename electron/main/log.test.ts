import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCode, formatLine, log, logTail, openLog, RotatingLog, type LogEvent, type LogFields } from './log';

let folder: string;
const at = new Date('2026-03-02T09:15:00.000Z');

beforeEach(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'relais-log-')), 'logs');
});

afterEach(async () => {
  await rm(join(folder, '..'), { recursive: true, force: true });
});

async function everything(): Promise<string> {
  const names = await readdir(folder);
  return (await Promise.all(names.map((n) => readFile(join(folder, n), 'utf8')))).join('');
}

describe('what a line may hold', () => {
  it('is the time, the event and the allowed fields as key=value', () => {
    expect(formatLine(at, 'files-opened', { kind: 'bundle', count: 2, bytes: 1234 })).toBe(
      '2026-03-02T09:15:00.000Z files-opened kind=bundle count=2 bytes=1234\n',
    );
  });

  // What a careless caller might pass: a record, a person's name, a path, key material, a message.
  const PERSONAL = 'Aïcha Benali';
  const AGE_KEY = 'AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSTQRF2J';
  const ED25519 = 'MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF';
  const HEX_KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
  const record = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', kind: 'activity', data: { beneficiary: PERSONAL, phone: '06 12 34 56 78' } };

  it('drops every field that is not allow-listed, whatever it holds', async () => {
    const logFile = new RotatingLog(folder, { now: () => at });
    logFile.write('file-saved', { kind: 'bundle', record, note: PERSONAL, path: '/home/aicha/echange.relais', key: AGE_KEY, message: `ENOENT: open '/home/aicha/x'` } as unknown as LogFields);
    expect(await everything()).toBe('2026-03-02T09:15:00.000Z file-saved kind=bundle\n');
  });

  it.each([
    ['a key in bech32', AGE_KEY],
    ['a key in base64', ED25519],
    ['a key in hex', HEX_KEY],
    ['a name', PERSONAL],
    ['a path', '/home/aicha/echange.relais'],
    ['a JSON record', JSON.stringify(record)],
    ['a line break that would forge a line', 'ENOENT\n2026-01-01T00:00:00.000Z app-started'],
  ])('refuses %s even in an allowed field', async (_label, value) => {
    const logFile = new RotatingLog(folder, { now: () => at });
    for (const field of ['code', 'kind', 'call', 'outcome', 'version']) {
      logFile.write('call-failed', { [field]: value } as LogFields);
    }
    logFile.write('call-failed', { count: value as unknown as number, bytes: value as unknown as number });
    const written = await everything();
    expect(written).toBe('2026-03-02T09:15:00.000Z call-failed\n'.repeat(6));
    expect(written).not.toContain(value.slice(0, 12));
  });

  it('writes nothing for an event that is not in the list', async () => {
    const logFile = new RotatingLog(folder, { now: () => at });
    logFile.write(`record ${PERSONAL}` as LogEvent, {});
    logFile.write('app-started', { version: '0.1.0' });
    expect(await everything()).toBe('2026-03-02T09:15:00.000Z app-started version=0.1.0\n');
  });

  it('errorCode keeps codes and class names, never messages', () => {
    expect(errorCode(Object.assign(new Error(`ENOENT: no such file '/home/aicha/a.relais'`), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorCode(new Error('RELAIS_FILE_TOO_LARGE: file larger than 16 bytes'))).toBe('RELAIS_FILE_TOO_LARGE');
    expect(errorCode(new TypeError(`cannot read ${PERSONAL}`))).toBe('TYPE_ERROR');
    expect(errorCode(Object.assign(new Error('x'), { code: AGE_KEY }))).toBe('ERROR');
    expect(errorCode('a string thrown')).toBe('STRING');
  });
});

describe('rotation', () => {
  it('keeps at most N files, each under the cap, the newest lines in relais.log', async () => {
    let tick = 0;
    const logFile = new RotatingLog(folder, { maxBytes: 200, files: 3, now: () => new Date(at.getTime() + 1000 * tick++) });
    for (let i = 0; i < 40; i++) logFile.write('files-opened', { kind: 'bundle', count: i });
    const names = (await readdir(folder)).sort();
    expect(names).toEqual(['relais.1.log', 'relais.2.log', 'relais.log']);
    for (const name of names) expect((await readFile(join(folder, name))).byteLength).toBeLessThanOrEqual(200);
    expect(await readFile(join(folder, 'relais.log'), 'utf8')).toMatch(/count=39\n$/);
    // The oldest lines are gone: three files of three lines each hold the last nine.
    expect(await everything()).not.toMatch(/count=0\n/);
  });

  it('tail gives the last lines in order, across the rotated files', () => {
    const logFile = new RotatingLog(folder, { maxBytes: 200, files: 3, now: () => at });
    for (let i = 0; i < 8; i++) logFile.write('files-opened', { count: i });
    expect(logFile.tail(5).map((line) => line.split(' ').at(-1))).toEqual(['count=3', 'count=4', 'count=5', 'count=6', 'count=7']);
    expect(logFile.tail(100).length).toBeLessThanOrEqual(9);
  });

  it('never throws when the folder cannot be written', async () => {
    const blocker = join(folder, '..', 'a-file');
    await writeFile(blocker, 'x');
    const logFile = new RotatingLog(join(blocker, 'logs'));
    expect(() => logFile.write('app-started', { version: '1.0.0' })).not.toThrow();
    expect(logFile.tail(10)).toEqual([]);
  });
});

it('the app log drops lines until it is opened, then writes them', async () => {
  log('app-started', { version: '0.1.0' });
  expect(logTail(10)).toEqual([]);
  openLog(folder, { now: () => at });
  log('app-started', { version: '0.1.0' });
  expect(logTail(10)).toEqual(['2026-03-02T09:15:00.000Z app-started version=0.1.0']);
});
