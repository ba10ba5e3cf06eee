/**
 * Bounds that a link and the controls share, so a link can never ask for a state the controls
 * could not produce, and the controls never offer one a link would refuse.
 */

/**
 * The earliest "as of" day the date control offers and a link may carry (YYYY-MM-DD). The
 * latest is today (`todayIso()`), which moves, so it is not a constant.
 */
export const EARLIEST_AS_OF_DAY = '1990-01-01';

/**
 * The camera a link may ask for: the map's own limits (src/map/adapter.ts reads MAX_PITCH), so
 * the URL never keeps a value the map would silently change.
 */
export const VIEW_LIMITS = { minZoom: 0, maxZoom: 22, maxLat: 85, maxLng: 180, maxPitch: 60 } as const;
