/**
 * The installers' promises, read from electron-builder.yml as electron-builder will: the fuses stay
 * set, the two exchange file types are associated (with MIME types and document icons that exist), only
 * the built app is packed, and no signing secret is ever written in the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_EXTENSIONS, OPENABLE_KINDS } from './shared/contract';

const root = join(import.meta.dirname, '..');
const source = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface FileAssociation {
  ext: string;
  name: string;
  description: string;
  mimeType: string;
  icon: string;
}
const config = load(source) as {
  files: string[];
  asar: boolean;
  directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
  fileAssociations: FileAssociation[];
  mac: Record<string, unknown>;
};

describe('electron-builder.yml', () => {
  it('keeps every fuse of the security checklist set', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs the built app only', () => {
    expect(config.files).toEqual(['dist/**', 'package.json', '!node_modules/**/*']);
  });

  it('associates exactly the kinds the shell opens, each with a MIME type, a description and its icons', () => {
    const expected = OPENABLE_KINDS.map((kind) => FILE_EXTENSIONS[kind][0]);
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(expected);
    for (const association of config.fileAssociations) {
      expect(association.mimeType).toMatch(/^application\/x-relais-[a-z]+$/);
      expect(association.name).toMatch(/^Relais /);
      expect(association.description.length).toBeGreaterThan(0);
      for (const ext of ['ico', 'icns', 'svg']) {
        expect(existsSync(join(root, config.directories.buildResources, `${association.icon}.${ext}`)), `${association.icon}.${ext}`).toBe(true);
      }
    }
    expect(new Set(config.fileAssociations.map((a) => a.mimeType)).size).toBe(config.fileAssociations.length);
  });

  it('asks for a hardened, notarised macOS build, and holds no secret', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const keys: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      for (const [key, inner] of Object.entries(value)) {
        keys.push(key);
        walk(inner);
      }
    };
    walk(config);
    expect(keys.filter((key) => /password|certificate|identity|secret|token|apple|csc|sign/i.test(key))).toEqual([]);
    expect(JSON.stringify(config)).not.toMatch(/PRIVATE KEY|-----BEGIN/);
  });

  it('document icons hold the image sizes Windows and macOS ask for', () => {
    for (const { icon } of config.fileAssociations) {
      const ico = readFileSync(join(root, config.directories.buildResources, `${icon}.ico`));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 6]);
      const icns = readFileSync(join(root, config.directories.buildResources, `${icon}.icns`));
      expect(icns.toString('ascii', 0, 4)).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      expect(icns.includes(Buffer.from('ic09'))).toBe(true); // 512 px
    }
  });
});
