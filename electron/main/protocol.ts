/**
 * The privileged `app://relais/` origin that serves the built renderer.
 *
 * Why not file://: IndexedDB belongs to the origin, file:// origins are opaque and over-privileged,
 * and moving off them later orphans users' data. A standard, secure scheme gives a stable origin.
 */
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'relais';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export { CONTENT_SECURITY_POLICY };

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Must run before `app.whenReady()`: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
    },
  ]);
}

/** Where the built renderer lives, from the folder of the bundled main (dist/electron/main). */
export function rendererRoot(mainDir: string): string {
  return resolve(mainDir, '..', '..', 'renderer');
}

/** Serve `app://relais/*` from `root`. Call after the app is ready. */
export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}

/** True for URLs of our own origin (`new URL('app://x').origin` is "null": compare the parts). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Chromium lowercases hosts of standard schemes; Node's URL does not for custom ones.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Map a request path onto a file under `root`, or null when it would leave `root`. Segments are
 * decoded one by one so `%2e%2e`, `%2f` and `%5c` cannot smuggle `..` or a separator through.
 */
export function resolveRequestPath(pathname: string, root: string): string | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed escape
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const target = resolve(base, ...(segments.length > 0 ? segments : ['index.html']));
  // Belt and braces: whatever the decoding above missed, never serve outside the root (nor the root itself).
  if (target === base || !isInside(target, base)) return null;
  return target;
}

/** The protocol handler proper, kept free of `protocol` so it can be called in tests. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return textResponse(404, 'Not found');
  // URL() has already folded plain `..`; resolveRequestPath catches the encoded forms.
  const file = resolveRequestPath(new URL(request.url).pathname, root);
  if (file === null) return textResponse(404, 'Not found');
  const real = await realFileInside(file, root);
  if (real === null) return textResponse(404, 'Not found');
  return serveFile(real, request.method === 'HEAD');
}

/** True when `target` is `folder` itself or below it (both already absolute and resolved). */
function isInside(target: string, folder: string): boolean {
  const rel = relative(folder, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The file a path really names, once every symbolic link is followed, or null when that lands outside
 * the real renderer root (or nowhere): a link planted in the install folder — by a careless package or
 * someone with write access — must not turn app://relais into a window onto the disk. The root itself
 * may be reached through links (an app installed under a symlinked folder); it is resolved too.
 */
export async function realFileInside(file: string, root: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return isInside(realFile, realRoot) ? realFile : null;
  } catch {
    return null; // missing file, dangling link, unreadable folder
  }
}

/** Exact files only: the renderer uses a HashRouter, so no route ever needs an index.html fallback. */
async function serveFile(file: string, headOnly: boolean): Promise<Response> {
  if (!(await isFile(file))) return textResponse(404, 'Not found');
  const headers = securityHeaders(MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  if (headOnly) return new Response(null, { status: 200, headers });
  const body = await readFile(file);
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}
