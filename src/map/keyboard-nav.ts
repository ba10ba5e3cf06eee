/**
 * Reaching map markers without a mouse: which feature an arrow key moves to. Pure (screen points
 * in, an id out), so it is unit-tested without a map; the adapter supplies the points of the
 * features in view and owns the focus and the announcement.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

const STEP: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/** The arrow key's direction, or null for any other key. */
export function directionOfKey(key: string): Direction | null {
  return ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[key as 'ArrowLeft'] ?? null;
}

/**
 * The feature an arrow key moves to: among the points ahead in that direction (not beside or
 * behind), the nearest, where sideways distance counts double so the move follows the arrow.
 * With nothing focused yet, the point nearest the centre of the view. Null when there is none
 * (the caller lets the key pan the map instead).
 * @param current the focused point, or null
 * @param centre the middle of the view, for the first step
 */
export function nextInDirection(current: ScreenPoint | null, points: readonly ScreenPoint[], direction: Direction, centre: { x: number; y: number }): string | null {
  const others = points.filter((p) => p.id !== current?.id);
  if (!current) {
    let best: ScreenPoint | null = null;
    for (const p of others) if (!best || Math.hypot(p.x - centre.x, p.y - centre.y) < Math.hypot(best.x - centre.x, best.y - centre.y)) best = p;
    return best?.id ?? null;
  }
  const [dx, dy] = STEP[direction];
  let bestId: string | null = null;
  let bestCost = Infinity;
  for (const p of others) {
    const ahead = (p.x - current.x) * dx + (p.y - current.y) * dy;
    const sideways = Math.abs((p.x - current.x) * dy - (p.y - current.y) * dx);
    // Ahead means within 45° of the arrow; ties (the same spot) go to the first in reading order.
    if (ahead <= 0 || sideways > ahead) continue;
    const cost = ahead + 2 * sideways;
    if (cost < bestCost) {
      bestCost = cost;
      bestId = p.id;
    }
  }
  return bestId;
}

/** Features in view in reading order along the border (west to east, then north to south), for "3 of 12". */
export function readingOrder<T extends ScreenPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1));
}
