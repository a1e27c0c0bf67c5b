import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const {
  APP_URL,
  CONTENT_SECURITY_POLICY,
  installAppProtocol,
  isAppUrl,
  registerAppScheme,
  realFileInside,
  rendererRoot,
  resolveRequestPath,
  serveAppRequest,
} = await import('./protocol');

const SECRET = 'top secret outside the renderer folder';

/** Windows without developer mode cannot create file links: those tests are then skipped, visibly. */
async function symlinksAllowed(): Promise<boolean> {
  const probe = await mkdtemp(join(tmpdir(), 'relais-link-probe-'));
  try {
    await symlink(join(probe, 'x'), join(probe, 'y'));
    return true;
  } catch {
    return false;
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}
const canSymlink = await symlinksAllowed();
let base: string;
let root: string;

beforeAll(async () => {
  // base/renderer is served; base/secret.txt must never be.
  base = await mkdtemp(join(tmpdir(), 'relais-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Relais</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), 'w');
  await writeFile(join(root, 'assets', 'sql.wasm'), 'w');
  await writeFile(join(base, 'secret.txt'), SECRET);
  if (canSymlink) {
    // Links planted in the served folder: out of it (relative, absolute, a whole folder), dangling, and inside.
    await symlink(join('..', '..', 'secret.txt'), join(root, 'assets', 'relative-out.txt'));
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'absolute-out.js'));
    await symlink(base, join(root, 'whole-disk'), 'junction');
    await symlink(join(base, 'gone.txt'), join(root, 'assets', 'dangling.txt'));
    await symlink('app.js', join(root, 'assets', 'alias.js'));
    // The install folder itself reached through a link (e.g. /opt/Relais -> /opt/relais-0.1).
    await symlink(root, join(base, 'linked-root'), 'junction');
  }
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  return serveAppRequest(new Request(url, { method }), root);
}

describe('scheme registration', () => {
  it('registers app:// as standard, secure, fetch-capable, without CORS', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
    ]);
  });

  it('serves the app at app://relais/index.html through protocol.handle', async () => {
    expect(APP_URL).toBe('app://relais/index.html');
    installAppProtocol(root);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0];
    expect(scheme).toBe('app');
    const response: Response = await handler(new Request(APP_URL));
    expect(response.status).toBe(200);
  });

  it('finds the renderer two folders above the bundled main', () => {
    expect(rendererRoot('/opt/relais/dist/electron/main')).toBe('/opt/relais/dist/renderer');
  });
});

describe('serving files', () => {
  it.each([
    ['app://relais/index.html', 'text/html; charset=utf-8'],
    ['app://relais/', 'text/html; charset=utf-8'],
    ['app://relais/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://relais/assets/style.css', 'text/css; charset=utf-8'],
    ['app://relais/assets/font.woff2', 'font/woff2'],
    ['app://relais/assets/sql.wasm', 'application/wasm'],
  ])('%s is served as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the bytes of the file', async () => {
    expect(await (await get('app://relais/assets/app.js?v=1#x')).text()).toBe('console.log(1)');
  });

  it('serves exact files only: no fallback to the app shell (the renderer uses a HashRouter)', async () => {
    expect((await get('app://relais/villages/58145')).status).toBe(404);
    expect((await get('app://relais/assets/missing.js')).status).toBe(404);
    expect((await get('app://relais/assets')).status).toBe(404); // a folder is not a file
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://relais/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://relais/index.html', 'POST')).status).toBe(405);
  });

  it('refuses another host on the scheme', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });
});

describe('path traversal', () => {
  it.each([
    'app://relais/../secret.txt',
    'app://relais/../../../../etc/passwd',
    'app://relais/assets/../../secret.txt',
    'app://relais/%2e%2e/secret.txt',
    'app://relais/%2E%2E/%2e%2e/etc/passwd',
    'app://relais/..%2fsecret.txt',
    'app://relais/%2e%2e%2fsecret.txt',
    'app://relais/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://relais/..%5csecret.txt',
    'app://relais/assets/..%5c..%5csecret.txt',
    'app://relais/%252e%252e/secret.txt',
    'app://relais/%2fetc%2fpasswd',
    'app://relais/assets%00.js',
    'app://relais/%E0%A4%A',
  ])('%s is refused', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('root:');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows',
    '/a%00b',
    '/%E0%A4%A',
  ])('resolveRequestPath refuses the raw path %s', (pathname) => {
    expect(resolveRequestPath(pathname, root)).toBeNull();
  });

  it('resolveRequestPath keeps ordinary paths inside the root', () => {
    expect(resolveRequestPath('/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRequestPath('/', root)).toBe(join(root, 'index.html'));
    expect(resolveRequestPath('/assets/caf%C3%A9.png', root)).toBe(join(root, 'assets', 'café.png'));
  });
});

describe.skipIf(!canSymlink)('symbolic links', () => {
  it.each([
    ['a relative link out of the root', 'app://relais/assets/relative-out.txt'],
    ['an absolute link out of the root', 'app://relais/assets/absolute-out.js'],
    ['a file under a linked folder out of the root', 'app://relais/whole-disk/secret.txt'],
    ['a dangling link', 'app://relais/assets/dangling.txt'],
  ])('%s is not served', async (_label, url) => {
    for (const method of ['GET', 'HEAD']) {
      const response = await get(url, method);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('a link that stays inside the root is served, with the type of the file it names', async () => {
    const response = await get('app://relais/assets/alias.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('a root reached through a link still serves its own files, and still nothing outside', async () => {
    const linkedRoot = join(base, 'linked-root');
    expect((await serveAppRequest(new Request('app://relais/index.html'), linkedRoot)).status).toBe(200);
    expect((await serveAppRequest(new Request('app://relais/assets/relative-out.txt'), linkedRoot)).status).toBe(404);
  });

  it('realFileInside answers the real file inside, or null', async () => {
    expect(await realFileInside(join(root, 'assets', 'alias.js'), root)).toMatch(/assets[/\\]app\.js$/);
    expect(await realFileInside(join(root, 'assets', 'relative-out.txt'), root)).toBeNull();
    expect(await realFileInside(join(root, 'assets', 'missing.js'), root)).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  it('is strict and complete', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
    const tokens = CONTENT_SECURITY_POLICY.split(/[ ;]+/);
    for (const loose of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'blob:', 'data:', '*']) {
      expect(tokens).not.toContain(loose);
    }
  });

  it.each(['app://relais/index.html', 'app://relais/assets/app.js', 'app://relais/missing.png', 'app://relais/../x'])(
    'is sent with %s',
    async (url) => {
      expect((await get(url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );
});

describe('isAppUrl', () => {
  it.each([
    ['app://relais/index.html', true],
    ['app://relais/villages?id=1', true],
    ['app://RELAIS/index.html', true],
    ['app://relais.evil.org/index.html', false],
    ['app://evil/index.html', false],
    ['https://relais/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.org/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
