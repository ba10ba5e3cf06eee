/**
 * The Content-Security-Policy the app ships with: the same policy as a <meta> tag in the built
 * index.html and as a header from `vite preview` (which can also send frame-ancestors, which a
 * meta tag cannot). No 'unsafe-eval', no inline scripts: fonts are files (build.assetsInlineLimit)
 * and zod runs jitless (src/data/schema.ts), so nothing needs either.
 */

/** Origins of the online basemap tiles, from the build-time tile URL (a department's own server). */
export function tileOrigins(tileUrl: string | undefined): string[] {
  if (!tileUrl) return [];
  try {
    const url = new URL(tileUrl.replace(/\{[a-z]\}/gi, '0'));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
    return [url.origin];
  } catch {
    return [];
  }
}

/** The policy as one header value. `forMeta` drops the directives a meta tag may not carry. */
export function contentSecurityPolicy(tileUrl: string | undefined, options: { forMeta?: boolean } = {}): string {
  const tiles = tileOrigins(tileUrl).join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    // MapLibre and React set element styles through the CSSOM (allowed); no inline <style> blocks.
    ['style-src', "'self'"],
    ['img-src', `'self' data: blob: ${tiles}`.trim()],
    ['font-src', "'self'"],
    ['connect-src', `'self' ${tiles}`.trim()],
    // MapLibre's worker is a file (setWorkerUrl); the service worker is sw.js.
    ['worker-src', "'self' blob:"],
    ['child-src', "'self' blob:"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'none'"],
  ];
  if (!options.forMeta) directives.push(['frame-ancestors', "'none'"]);
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
