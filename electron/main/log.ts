/**
 * The shell's log: a few lines a person can send to support when something went wrong, and nothing a
 * stranger could use. It lives in `<user data>/logs/`, is capped in size and rotated (relais.log, then
 * relais.1.log … relais.4.log), and is written by the main process only.
 *
 * Privacy by construction rather than by care: a line is an event name from a fixed list plus a few
 * fields from a fixed list, each checked by its own rule (a kind, a count, an upper-case error code...).
 * There is no free-text field, so no record, name, file name, path or key can reach the file even by
 * mistake — anything else passed in is dropped. Error *messages* are not logged for the same reason:
 * Node puts paths (and so the user's name) in them; their codes (ENOENT, RELAIS_FILE_TOO_LARGE) are.
 *
 * No Electron import: tested in plain Node.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_KINDS, IPC_CHANNELS } from '../shared/contract';

export const LOG_EVENTS = [
  'app-started',
  'app-quitting',
  'start-failed',
  'window-opened',
  'renderer-gone',
  'call-failed',
  'file-saved',
  'backup-written',
  'files-opened',
  'folder-chosen',
  'open-request-received',
  'open-request-refused',
  'navigation-blocked',
  'help-link',
  'diagnostics-copied',
  'sync-folder-chosen',
  'outbox-written',
  'inbox-file-settled',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

const OUTCOMES = ['opened', 'declined', 'refused', 'busy'] as const;

/** The only fields a line may carry, each with the rule its value must pass. */
const FIELD_RULES = {
  /** A file kind from the contract (never a name or a path). */
  kind: (v: unknown) => typeof v === 'string' && (FILE_KINDS as readonly string[]).includes(v),
  /** A bridge call name from the contract. */
  call: (v: unknown) => typeof v === 'string' && Object.hasOwn(IPC_CHANNELS, v),
  /** An error code: ENOENT, RELAIS_FILE_TOO_LARGE, TYPE_ERROR... Upper case, digits, underscores only. */
  code: (v: unknown) => typeof v === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(v),
  count: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0,
  bytes: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0,
  outcome: (v: unknown) => typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v),
  version: (v: unknown) => typeof v === 'string' && /^\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.]{1,20})?$/.test(v),
} as const;

export interface LogFields {
  kind?: (typeof FILE_KINDS)[number];
  call?: keyof typeof IPC_CHANNELS;
  code?: string;
  count?: number;
  bytes?: number;
  outcome?: (typeof OUTCOMES)[number];
  version?: string;
}

/** The code of an error, in the one form the log accepts (Node's `code`, else the error's class name). */
export function errorCode(error: unknown): string {
  const raw = (error as { code?: unknown } | null)?.code;
  if (typeof raw === 'string' && FIELD_RULES.code(raw)) return raw;
  const message = error instanceof Error ? error.message : '';
  const bridge = /\bRELAIS_[A-Z_]{1,32}\b/.exec(message)?.[0];
  if (bridge) return bridge;
  const name = error instanceof Error ? error.name : typeof error;
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return FIELD_RULES.code(snake) ? snake : 'UNKNOWN';
}

/** One line: ISO time, event, then the fields that passed their rule, as key=value. Null if not an event. */
export function formatLine(at: Date, event: unknown, fields: unknown): string | null {
  if (typeof event !== 'string' || !(LOG_EVENTS as readonly string[]).includes(event)) return null;
  const parts = [at.toISOString(), event];
  if (typeof fields === 'object' && fields !== null) {
    for (const [key, rule] of Object.entries(FIELD_RULES)) {
      const value: unknown = (fields as Record<string, unknown>)[key];
      if (value !== undefined && rule(value)) parts.push(`${key}=${String(value)}`);
    }
  }
  return `${parts.join(' ')}\n`;
}

export interface RotatingLogOptions {
  /** Size at which relais.log is rotated. */
  maxBytes?: number;
  /** Files kept in all, relais.log included. */
  files?: number;
  now?: () => Date;
}

export class RotatingLog {
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly now: () => Date;

  constructor(readonly folder: string, options: RotatingLogOptions = {}) {
    this.maxBytes = options.maxBytes ?? 256 * 1024;
    this.files = Math.max(1, options.files ?? 5);
    this.now = options.now ?? (() => new Date());
  }

  /** relais.log, relais.1.log ...: index 0 is the file being written. */
  fileAt(index: number): string {
    return join(this.folder, index === 0 ? 'relais.log' : `relais.${index}.log`);
  }

  /**
   * Append one line. Synchronous on purpose (a handful of lines per session, and the last line before
   * a crash must be on disk). Never throws: a full disk or a read-only folder must not stop the app.
   */
  write(event: LogEvent, fields: LogFields = {}): void {
    const line = formatLine(this.now(), event, fields);
    if (line === null) return;
    try {
      mkdirSync(this.folder, { recursive: true });
      if (this.sizeOf(this.fileAt(0)) + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      appendFileSync(this.fileAt(0), line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // Logging is best effort.
    }
  }

  /** The last `count` lines, oldest first, across the current file and the ones before it. */
  tail(count: number): string[] {
    const lines: string[] = [];
    for (let index = 0; index < this.files && lines.length < count; index++) {
      let text: string;
      try {
        text = readFileSync(this.fileAt(index), 'utf8');
      } catch {
        break;
      }
      lines.unshift(...text.split('\n').filter((l) => l.length > 0).slice(-(count - lines.length)));
    }
    return lines;
  }

  private sizeOf(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  /** Drop the oldest file, shift the others up by one, start a new relais.log. */
  private rotate(): void {
    rmSync(this.fileAt(this.files - 1), { force: true });
    for (let index = this.files - 2; index >= 0; index--) {
      try {
        renameSync(this.fileAt(index), this.fileAt(index + 1));
      } catch {
        // that file did not exist yet
      }
    }
  }
}

/** The app's log, once main knows the user-data folder; before that, lines are dropped. */
let current: RotatingLog | null = null;

export function openLog(folder: string, options?: RotatingLogOptions): RotatingLog {
  current = new RotatingLog(folder, options);
  return current;
}

export function log(event: LogEvent, fields?: LogFields): void {
  current?.write(event, fields);
}

export function logTail(count: number): string[] {
  return current?.tail(count) ?? [];
}
