import { describe, expect, it } from 'vitest';
import { listen } from '../../../src/map/map-events';

/** A map stand-in that keeps its handlers per event, as MapLibre's Evented does. */
function fakeMap() {
  const handlers = new Map<string, Set<unknown>>();
  return {
    handlers,
    on(type: string, fn: unknown) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type)!.add(fn);
      return this;
    },
    off(type: string, fn: unknown) {
      handlers.get(type)?.delete(fn);
      return this;
    },
  };
}

describe('listen', () => {
  it('subscribes every handler and removes exactly those again', () => {
    const map = fakeMap();
    const other = () => {};
    map.on('move', other);
    const move = () => {};
    const resize = () => {};
    const unlisten = listen(map as never, { move, resize });
    expect([...map.handlers.get('move')!]).toEqual([other, move]);
    expect([...map.handlers.get('resize')!]).toEqual([resize]);
    unlisten();
    expect([...map.handlers.get('move')!]).toEqual([other]);
    expect(map.handlers.get('resize')!.size).toBe(0);
  });
});
