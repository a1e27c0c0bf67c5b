/**
 * The documentation points at real things: every relative link in README.md and docs/ resolves, and
 * every source file a page names in `backticks` exists. When code moves, this fails and names the page
 * to update, instead of leaving a newcomer to follow a dead path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const PAGES = ['README.md', ...markdownFiles('docs')];

/** Relative link targets of a page, without their #anchor (external links and anchors alone skipped). */
function links(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));
}

/**
 * Source paths a page names in backticks: with a folder and a file extension, no glob or placeholder.
 * Pages shorten renderer paths (`db/sync/export.ts` for renderer/src/db/sync/export.ts), so both roots are tried.
 */
function namedFiles(text: string): string[] {
  return [...text.matchAll(/`([\w./-]+\/[\w.-]+\.(?:ts|tsx|mjs|js|json|md|yml|csv))`/g)].map((m) => m[1]);
}

function exists(path: string): boolean {
  return [ROOT, join(ROOT, 'renderer/src')].some((base) => existsSync(join(base, path)));
}

describe('documentation', () => {
  it.each(PAGES)('%s links only to files that exist', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken = links(text).filter((target) => !existsSync(join(ROOT, dirname(page), target)));
    expect(broken).toEqual([]);
  });

  it.each(PAGES)('%s names only source files that exist', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    expect(namedFiles(text).filter((path) => !exists(path))).toEqual([]);
  });

  it('checks something: the pages name files and link to each other', () => {
    const all = PAGES.map((page) => readFileSync(join(ROOT, page), 'utf8')).join('\n');
    expect(namedFiles(all).length).toBeGreaterThan(50);
    expect(links(all).length).toBeGreaterThan(10);
    expect(exists('db/no-such-file.ts')).toBe(false);
  });

  it('cites nothing outside the repository', () => {
    for (const page of PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const outside = links(text).filter((target) => relative(ROOT, join(ROOT, dirname(page), target)).startsWith('..'));
      expect({ page, outside }).toEqual({ page, outside: [] });
      expect(text).not.toMatch(/\.\.\/shared\/|\/work\/shared/);
    }
  });
});
