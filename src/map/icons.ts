/**
 * Marker shapes for the point layers, drawn as signed-distance-field images so one image per
 * shape takes any fill and outline colour (icon-color, icon-halo-*) and feature-state
 * highlights. No sprite sheet and no glyphs: the app stays offline. Pure: the adapter hands the
 * images to MapLibre when the style asks for them ('styleimagemissing').
 */
import type { LayerId } from '../data/model';

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle';

/** Gates stay circles; the other layers get their own shape, so layer never rests on colour alone. */
export const LAYER_SHAPES: Record<LayerId, MarkerShape> = {
  gates: 'circle',
  openings: 'diamond',
  markets: 'square',
  communes: 'circle',
  posts: 'triangle',
};

export const ICON_PREFIX = 'atlas-shape-';
export const iconName = (shape: MarkerShape) => `${ICON_PREFIX}${shape}`;

/** Side of the square image, in image pixels. */
const SIZE = 32;
/**
 * Half the shape's extent, in image pixels: at icon-size 1 the shape is 16 px across, so a marker
 * of radius r px takes icon-size r / ICON_HALF_SIZE.
 */
export const ICON_HALF_SIZE = 8;
const HALF = ICON_HALF_SIZE;
/**
 * MapLibre's SDF convention (its shader assumes it for halos): the edge sits at 0.75 of the alpha
 * range and one image pixel of distance is 1/8 of it, so a halo reaches at most 6 image pixels
 * (6 × icon-size on screen), which the 8 px of padding holds.
 */
const EDGE = 0.75;
const PER_PIXEL = 1 / 8;

type Vec = [number, number];

function polygonOf(shape: MarkerShape): Vec[] | null {
  const c = SIZE / 2;
  switch (shape) {
    case 'circle':
      return null;
    case 'square': {
      const h = HALF * 0.82; // the same visual weight as the circle
      return [[c - h, c - h], [c + h, c - h], [c + h, c + h], [c - h, c + h]];
    }
    case 'diamond':
      return [[c, c - HALF], [c + HALF, c], [c, c + HALF], [c - HALF, c]];
    case 'triangle': {
      // Equilateral, pointing up, centred on its centroid so the point sits at the coordinate.
      const r = HALF * 1.1;
      return [0, 1, 2].map((i) => {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 3;
        return [c + r * Math.cos(a), c + r * Math.sin(a)] as Vec;
      });
    }
  }
}

function distanceToSegment([px, py]: Vec, [ax, ay]: Vec, [bx, by]: Vec): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inside(point: Vec, polygon: Vec[]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

/** Signed distance from an image pixel's centre to the shape's edge: negative inside. */
export function signedDistance(shape: MarkerShape, x: number, y: number): number {
  const p: Vec = [x + 0.5, y + 0.5];
  const polygon = polygonOf(shape);
  if (!polygon) return Math.hypot(p[0] - SIZE / 2, p[1] - SIZE / 2) - HALF;
  let d = Infinity;
  for (let i = 0; i < polygon.length; i++) d = Math.min(d, distanceToSegment(p, polygon[i], polygon[(i + 1) % polygon.length]));
  return inside(p, polygon) ? -d : d;
}

/** The SDF image of a shape, in the form map.addImage takes (RGBA, distance in alpha). */
export function markerImage(shape: MarkerShape): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const alpha = Math.max(0, Math.min(1, EDGE - signedDistance(shape, x, y) * PER_PIXEL));
      const i = (y * SIZE + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: SIZE, height: SIZE, data };
}

/** The shape named by an icon id the style asked for, or null for ids that are not ours. */
export function shapeOfIcon(id: string): MarkerShape | null {
  if (!id.startsWith(ICON_PREFIX)) return null;
  const shape = id.slice(ICON_PREFIX.length);
  return shape === 'circle' || shape === 'diamond' || shape === 'square' || shape === 'triangle' ? shape : null;
}
