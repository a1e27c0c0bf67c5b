/**
 * The one Content-Security-Policy of the app: sent as a header by the Electron protocol handler and
 * written into index.html's <meta> at build time (the browser build and the e2e tests get the same).
 * Nothing may be loaded from outside the app; no eval, no WebAssembly, no inline script or style.
 *
 * Why each source is enough (e2e/ui/csp.spec.ts walks the app and fails on any violation):
 * - script-src 'self': Vite emits module files only. No 'wasm-unsafe-eval': nothing compiles
 *   WebAssembly — age-encryption, @noble/* and fflate are plain JavaScript, signatures use WebCrypto.
 * - style-src 'self': the CSS is one emitted file. React's `style={{…}}` props (VirtualList row
 *   positions) are set through the CSSOM (`element.style.top = …`), which CSP does not govern; only
 *   <style> elements and style="" attributes in markup would need 'unsafe-inline', and we have none.
 * - worker-src 'self': the bundle Worker is its own emitted file (`new Worker(new URL(…, import.meta.url))`),
 *   loaded from app://relais, never from a blob: URL.
 * - img-src 'self': the icon is a file; no image is built from data: or blob: URLs.
 */
export const CSP_DIRECTIVES = [
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
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** Browsers ignore frame-ancestors in a <meta> (and warn): the header carries it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/**
 * `npm run dev` only: Vite's dev server injects each CSS module as a <style> element (for hot reload),
 * which the strict policy refuses. Builds — the Electron app, the browser build, the e2e tests — never
 * get this one (vite.config.ts picks it only when a dev server transforms the page).
 */
export const DEV_SERVER_META_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
