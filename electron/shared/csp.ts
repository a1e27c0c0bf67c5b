/**
 * The one Content-Security-Policy of the app: sent as a header by the Electron protocol handler and
 * written into index.html's <meta> at build time (the browser build and the e2e tests get the same).
 * Nothing may be loaded from outside the app; no eval.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** Browsers ignore frame-ancestors in a <meta> (and warn): the header carries it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
