import { describe, expect, it } from 'vitest';
import { diagnosticsText, type DiagnosticsFacts } from './diagnostics';

const facts: DiagnosticsFacts = {
  appVersion: '0.1.0',
  electron: '41.7.1',
  chrome: '146.0.7680.80',
  node: '24.11.1',
  system: 'linux 6.1.0-18-amd64 x64',
  systemLocale: 'fr-FR',
  packaged: true,
  dataFolder: '/home/marie/.config/Relais',
  logLines: ['2026-03-02T09:15:00.000Z app-started version=0.1.0', '2026-03-02T09:16:00.000Z files-opened kind=bundle count=1 bytes=2048'],
};

describe('diagnosticsText', () => {
  it('gives versions, system, data folder and the last log lines, in French typography', () => {
    expect(diagnosticsText(facts, 'fr')).toBe(
      [
        'Diagnostic de Relais',
        'Version\u00a0: 0.1.0',
        'Electron\u00a0: 41.7.1',
        'Chromium\u00a0: 146.0.7680.80',
        'Node.js\u00a0: 24.11.1',
        'Système\u00a0: linux 6.1.0-18-amd64 x64',
        'Langue du système\u00a0: fr-FR',
        'Dossier des données\u00a0: /home/marie/.config/Relais',
        '',
        'Dernières lignes du journal (2)',
        ...facts.logLines,
        '',
      ].join('\n'),
    );
  });

  it('speaks English when asked, and says when the log is empty or the build is not a release', () => {
    const text = diagnosticsText({ ...facts, packaged: false, logLines: [] }, 'en');
    expect(text).toContain('Version: 0.1.0 (development)');
    expect(text).toContain('Data folder: /home/marie/.config/Relais');
    expect(text).toContain('Last log lines (0)\n(empty log)\n');
  });
});
