/**
 * The app's own help pages: the only addresses Relais ever hands to the system browser, and only after
 * the person confirms in a native dialog (electron/main/externalLinks.ts). Exact https addresses; a
 * link anywhere else — in a bundle's text, in a compromised page — opens nothing.
 *
 * Empty until Relais has a published help site: the release owner adds its pages here (see
 * docs/release-signing.md, "Before a release"). Until then no link leaves the app at all.
 */
export const HELP_URLS: readonly string[] = [];
