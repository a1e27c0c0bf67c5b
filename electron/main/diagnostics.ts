/**
 * "Copy diagnostics": what support needs to understand a problem — versions, system, where the data
 * lives, the last lines of the log — in the language the person reads the app in. Nothing else: the
 * log holds events and codes only (log.ts), so neither can this. No Electron import: tested in Node.
 */
import type { Language } from '../shared/contract';
import { t } from './strings';

export interface DiagnosticsFacts {
  appVersion: string;
  electron: string;
  chrome: string;
  node: string;
  /** e.g. "linux 6.1.0-18-amd64 x64" */
  system: string;
  systemLocale: string;
  packaged: boolean;
  dataFolder: string;
  logLines: readonly string[];
}

/** How many log lines the diagnostics carry. */
export const DIAGNOSTICS_LOG_LINES = 50;

export function diagnosticsText(facts: DiagnosticsFacts, language: Language): string {
  const s = (key: Parameters<typeof t>[1], values?: Record<string, string>) => t(language, key, values);
  const colon = s('colon'); // French puts a no-break space before the colon
  const lines = [
    s('diagTitle'),
    `${s('diagVersion')}${colon}${facts.appVersion}${facts.packaged ? '' : ` (${s('diagDevelopment')})`}`,
    `Electron${colon}${facts.electron}`,
    `Chromium${colon}${facts.chrome}`,
    `Node.js${colon}${facts.node}`,
    `${s('diagSystem')}${colon}${facts.system}`,
    `${s('diagLocale')}${colon}${facts.systemLocale}`,
    `${s('diagDataFolder')}${colon}${facts.dataFolder}`,
    '',
    s('diagLog', { count: String(facts.logLines.length) }),
    ...(facts.logLines.length > 0 ? facts.logLines : [s('diagNoLog')]),
  ];
  return `${lines.join('\n')}\n`;
}
