/**
 * Synced folders end to end with TWO REAL Syncthing instances (issue 14): a mediator's outbox writes
 * three bundles (made by the project's own export code, put in place by the shell's own outbox writer);
 * Syncthing carries them over loopback to the coordinator's inbox, where the shell's own watcher hands
 * them to the project's own import code (domain + db on fake-indexeddb). The coordinator ends with
 * exactly the mediator's records; a bundle rewritten mid-sync is retried, never imported half.
 *
 * Each instance runs on 127.0.0.1 with its own home folder and ports, and with global and local
 * discovery, relays, NAT traversal, crash reports, usage reporting and upgrades off: nothing leaves the
 * machine. Devices and the shared folder are configured through Syncthing's REST API.
 *
 * Where `syncthing` is not installed, the test is skipped and says why (.ci/run installs it).
 */
import 'fake-indexeddb/auto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxWatcher } from '../../../../electron/main/syncFolders/inboxWatcher';
import { writeToOutbox } from '../../../../electron/main/syncFolders/outbox';
import { syncedContent, type SyncRecord } from '../../domain/sync/merge';
import { RECORD_KINDS } from '../../domain/kinds';
import { cardOfTestDevice, closeTestDatabases, openTestRelais } from '../../testkit/sync';
import { ensureIdentity } from '../identity';
import { enrolCard, ensureDeviceKeys, prepareOutbox, receiveInboxFile, type InboxStep } from './index';
import { syncTable } from './tables';
import type { Relais } from '../index';

const SYNCTHING = spawnSync('syncthing', ['--version'], { encoding: 'utf8' });
const available = SYNCTHING.status === 0;
if (!available) console.log('[syncthing integration] skipped: the `syncthing` command is not installed (Debian: apt-get install syncthing)');

const AUTHOR = { name: 'Aïcha Benali', structure: 'Médiathèque de Lormes' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** One Syncthing instance: its own home, GUI/REST port and sync port, on loopback only. */
class Instance {
  process?: ChildProcess;
  deviceId = '';
  readonly apiKey = createHash('sha256').update(Math.random().toString()).digest('hex').slice(0, 32);
  log = '';

  constructor(readonly home: string, readonly guiPort: number, readonly listenPort: number) {}

  async start(): Promise<void> {
    const generated = spawnSync('syncthing', ['generate', `--home=${this.home}`, '--no-default-folder'], { encoding: 'utf8' });
    this.deviceId = /Device ID: ([A-Z0-9-]+)/.exec(`${generated.stdout}${generated.stderr}`)?.[1] ?? '';
    if (!this.deviceId) throw new Error(`syncthing generate failed: ${generated.stderr}`);
    // Loopback only, nothing leaves the machine: set in the config before the first start.
    const configPath = join(this.home, 'config.xml');
    const set = (xml: string, tag: string, value: string) => xml.replace(new RegExp(`<${tag}>[^<]*</${tag}>`, 'g'), `<${tag}>${value}</${tag}>`);
    let xml = await readFile(configPath, 'utf8');
    for (const [tag, value] of [
      ['listenAddress', `tcp://127.0.0.1:${this.listenPort}`], ['globalAnnounceEnabled', 'false'], ['localAnnounceEnabled', 'false'],
      ['relaysEnabled', 'false'], ['natEnabled', 'false'], ['startBrowser', 'false'], ['urAccepted', '-1'], ['autoUpgradeIntervalH', '0'],
      ['crashReportingEnabled', 'false'], ['apikey', this.apiKey],
    ] as const) xml = set(xml, tag, value);
    xml = xml.replace(/(<gui [^>]*>\s*<address>)[^<]*(<\/address>)/, `$1127.0.0.1:${this.guiPort}$2`);
    await writeFile(configPath, xml);
    this.process = spawn('syncthing', ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--skip-port-probing'], {
      env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => { this.log = (this.log + chunk.toString()).slice(-4000); };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    await until(`syncthing on ${this.guiPort}`, async () => (await this.rest('GET', '/rest/system/ping')).ping === 'pong', 30_000);
  }

  async rest(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      method, headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) as Record<string, unknown> : {};
  }

  /** Know the other device (at its loopback address) and share the folder with it. */
  async share(other: Instance, folder: string, type: 'sendonly' | 'receiveonly'): Promise<void> {
    await this.rest('POST', '/rest/config/devices', { deviceID: other.deviceId, name: other.home, addresses: [`tcp://127.0.0.1:${other.listenPort}`] });
    await this.rest('POST', '/rest/config/folders', {
      id: 'relais-echanges', label: 'Relais', path: folder, type,
      devices: [{ deviceID: this.deviceId }, { deviceID: other.deviceId }],
      rescanIntervalS: 2, fsWatcherEnabled: true, fsWatcherDelayS: 1,
    });
  }

  stop(): void {
    this.process?.kill('SIGTERM');
  }
}

/** Every record of every kind, as sync compares them (no local counters). */
async function records(relais: Relais): Promise<string[]> {
  const all: string[] = [];
  for (const kind of RECORD_KINDS) {
    for (const record of await syncTable(relais.db, kind).toArray()) all.push(`${kind} ${syncedContent(record as SyncRecord)}`);
  }
  return all.sort();
}

describe.skipIf(!available)('two real Syncthing instances carry the outbox to the inbox', () => {
  let root: string;
  let mediatorSt: Instance;
  let coordinatorSt: Instance;
  let outbox: string;
  let inbox: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'relais-syncthing-'));
    outbox = join(root, 'mediator-outbox');
    inbox = join(root, 'coordinator-inbox');
    await mkdir(outbox);
    await mkdir(inbox);
    mediatorSt = new Instance(join(root, 'st-mediator'), await freePort(), await freePort());
    coordinatorSt = new Instance(join(root, 'st-coordinator'), await freePort(), await freePort());
    await Promise.all([mediatorSt.start(), coordinatorSt.start()]);
    await mediatorSt.share(coordinatorSt, outbox, 'sendonly');
    await coordinatorSt.share(mediatorSt, inbox, 'receiveonly');
  }, 60_000);

  afterAll(async () => {
    mediatorSt?.stop();
    coordinatorSt?.stop();
    await closeTestDatabases();
    await sleep(300);
    await rm(root, { recursive: true, force: true });
  });

  it('three bundles arrive and import; one rewritten mid-sync is retried, never imported half', async () => {
    const mediator = openTestRelais('mediator');
    const coordinator = openTestRelais('coordinator');
    await enrolCard(mediator.db, await cardOfTestDevice(coordinator, 'Bérénice Martin', 'coordinateur'));
    await enrolCard(coordinator.db, await cardOfTestDevice(mediator, AUTHOR.name, 'mediateur'));
    const { deviceId } = await ensureIdentity(mediator.db);
    const coordinatorIdentity = (await ensureDeviceKeys(coordinator.db)).ageIdentity;

    // The coordinator's side: the shell's watcher on the inbox, the page's import on each file.
    const steps: Array<{ name: string; step: InboxStep }> = [];
    let working = Promise.resolve();
    const watcher = new InboxWatcher({
      folder: inbox, stableMs: 1500, rescanMs: 1000, retryMs: 2000,
      onChange: () => {
        working = working.then(async () => {
          for (const file of watcher.waiting()) {
            const step = await receiveInboxFile(coordinator.db, {
              fileName: file.name, sha256: file.sha256, read: () => watcher.read(file.token), identity: async () => coordinatorIdentity,
            }).catch(() => ({ settle: 'retry', why: 'truncated' }) as const);
            steps.push({ name: file.name, step });
            watcher.settle(file.token, step.settle);
          }
        });
      },
    });
    watcher.start();

    // The mediator's side: three rounds of changes, each an outbox write by the project's own code.
    const send = async (): Promise<string> => {
      const prepared = await prepareOutbox(mediator.db, { author: AUTHOR, app: 'test', deviceId });
      expect(prepared.bundles).toHaveLength(1);
      const name = await writeToOutbox(outbox, prepared.bundles[0].suggestedName, prepared.bundles[0].bytes);
      await prepared.commit();
      return name;
    };
    const lormes = await mediator.villages.create({ commune: { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' }, departement: '58' });
    const first = await send();
    const arvieu = await mediator.villages.create({ commune: { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' }, departement: '12' });
    await mediator.villages.update(lormes.id, { ...lormes, population: 1251 } as never);
    const second = await send();
    await mediator.villages.remove(arvieu.id);
    const third = await send();

    const imported = () => steps.filter(({ step }) => step.settle === 'done' && step.row.outcome === 'imported').map(({ name }) => name);
    await until('the three bundles imported at the coordinator', async () => imported().length === 3, 90_000)
      .catch((error: unknown) => { throw new Error(`${String(error)}\nsteps: ${JSON.stringify(steps.map((s) => [s.name, s.step.settle]))}\n${coordinatorSt.log}`); });
    expect(imported().sort()).toEqual([first, second, third].sort());

    // A bundle rewritten mid-sync: half of it lands first (a sender writing in place), is carried over,
    // stays put long enough to look finished — and is then rewritten whole.
    await mediator.villages.create({ commune: { codeInsee: '58086', nom: 'Corbigny', codePostal: '58800' }, departement: '58' });
    const prepared = await prepareOutbox(mediator.db, { author: AUTHOR, app: 'test', deviceId });
    const { bytes, suggestedName } = prepared.bundles[0];
    await writeFile(join(outbox, suggestedName), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await until('the half bundle tried at the coordinator', async () => steps.some(({ name, step }) => name === suggestedName && step.settle === 'retry'), 60_000);
    expect(await syncTable(coordinator.db, 'village').count()).toBe(2); // nothing of the half was written
    await writeFile(join(outbox, suggestedName), bytes);
    await prepared.commit();
    await until('the rewritten bundle imported', async () => imported().includes(suggestedName), 60_000);
    watcher.stop();
    await working;

    // Never refused, never imported twice: the half was left for later, the whole imported once.
    expect(steps.filter(({ step }) => step.settle === 'done' && step.row.outcome === 'refused')).toEqual([]);
    expect(imported().filter((name) => name === suggestedName)).toHaveLength(1);
    // The coordinator holds exactly the mediator's records, field by field, deletion included.
    expect(await records(coordinator)).toEqual(await records(mediator));
    expect((await stat(join(inbox, first))).size).toBeGreaterThan(0);
  }, 150_000);
});
