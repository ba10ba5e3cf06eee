/**
 * Whether the map failed for want of WebGL: MapLibre throws GPUInitializationError when it cannot
 * get a WebGL2 context (maplibre-gl 6). Matched by name and message, so a test double or an older
 * build that throws a plain Error mentioning WebGL is recognised too.
 */
export function isWebglFailure(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return !!e && (e.name === 'GPUInitializationError' || /webgl/i.test(String(e.message ?? '')));
}
