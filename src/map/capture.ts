/**
 * Pure helpers for taking the map as a picture (briefing, PNG): the scale bar for a camera, and
 * the types of the adapter's answer to a capture request.
 */

/** What the adapter hands back for a capture request (store: mapImageRequest → mapImage). */
export interface MapImage {
  id: number;
  /** PNG data URL of the WebGL canvas, read inside a render callback (no preserveDrawingBuffer). */
  dataUrl: string;
  /** Canvas size in CSS pixels and the device pixel ratio it was drawn at. */
  width: number;
  height: number;
  pixelRatio: number;
  scale: ScaleBar;
  /** The names drawn as DOM labels over the canvas (not in the WebGL image), at CSS pixels. */
  labels: { text: string; x: number; y: number; kind: 'country' | 'province' | 'feature' }[];
  /** Camera, so a caption can say where the picture is. */
  center: [number, number];
  zoom: number;
}

export type MapImageResult = MapImage | { id: number; error: string };

export interface ScaleBar {
  meters: number;
  label: string;
  widthPx: number;
}

/** Metres per CSS pixel at a latitude and zoom (MapLibre's 512 px world at zoom 0). */
export function metersPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The longest "round" distance (1, 2 or 5 × 10ⁿ m) whose bar fits in maxWidthPx, as MapLibre's
 * scale control picks it. @example scaleBar(22, 8, 120).label === '20 km'
 */
export function scaleBar(lat: number, zoom: number, maxWidthPx = 120): ScaleBar {
  const mpp = metersPerPixel(lat, zoom);
  const maxMeters = mpp * maxWidthPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxMeters));
  const step = [5, 2, 1].find((s) => s * magnitude <= maxMeters) ?? 1;
  const meters = step * magnitude;
  return { meters, label: meters >= 1000 ? `${meters / 1000} km` : `${meters} m`, widthPx: meters / mpp };
}
