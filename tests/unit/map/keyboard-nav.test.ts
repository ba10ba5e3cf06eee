import { describe, expect, it } from 'vitest';
import { directionOfKey, nextInDirection, readingOrder, type ScreenPoint } from '../../../src/map/keyboard-nav';

// A small map of points on screen (y grows downwards):   a(100,100)   b(300,110)
//                                                       c(110,300)   d(320,290)   e(600,100)
const points: ScreenPoint[] = [
  { id: 'a', x: 100, y: 100 },
  { id: 'b', x: 300, y: 110 },
  { id: 'c', x: 110, y: 300 },
  { id: 'd', x: 320, y: 290 },
  { id: 'e', x: 600, y: 100 },
];
const at = (id: string) => points.find((p) => p.id === id)!;
const centre = { x: 310, y: 200 };

describe('nextInDirection', () => {
  it('starts at the point nearest the centre of the view', () => {
    expect(nextInDirection(null, points, 'right', centre)).toBe('b');
  });

  it('moves to the nearest point ahead in the arrow direction', () => {
    expect(nextInDirection(at('a'), points, 'right', centre)).toBe('b');
    expect(nextInDirection(at('b'), points, 'right', centre)).toBe('e');
    expect(nextInDirection(at('a'), points, 'down', centre)).toBe('c');
    expect(nextInDirection(at('d'), points, 'up', centre)).toBe('b');
    expect(nextInDirection(at('d'), points, 'left', centre)).toBe('c');
  });

  it('ignores points beside or behind, and says null at the edge (the key then pans the map)', () => {
    expect(nextInDirection(at('e'), points, 'right', centre)).toBeNull();
    expect(nextInDirection(at('a'), points, 'up', centre)).toBeNull();
    expect(nextInDirection(at('a'), points, 'left', centre)).toBeNull();
  });

  it('returns null when nothing is in view', () => {
    expect(nextInDirection(null, [], 'up', centre)).toBeNull();
  });
});

describe('directionOfKey and readingOrder', () => {
  it('maps only the four arrows', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter', 'a'].map(directionOfKey)).toEqual(['left', 'right', 'up', 'down', null, null]);
  });

  it('orders west to east, then north to south', () => {
    expect(readingOrder(points).map((p) => p.id)).toEqual(['a', 'c', 'b', 'd', 'e']);
  });
});
