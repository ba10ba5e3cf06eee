/**
 * Subscribes a set of handlers to map events and returns the one function that removes them all.
 * The two label layers each kept an `on` list and an `off` list by hand; a handler added to one
 * list and not the other kept running after the layer was destroyed.
 */
import type * as maplibregl from 'maplibre-gl';

export type MapHandlers = { [K in keyof maplibregl.MapEventType]?: (event: maplibregl.MapEventType[K]) => void };

export function listen(map: Pick<maplibregl.Map, 'on' | 'off'>, handlers: MapHandlers): () => void {
  // MapLibre types `on` per event name; the pairs below are typed by MapHandlers instead.
  const pairs = Object.entries(handlers) as [keyof maplibregl.MapEventType, never][];
  for (const [type, handler] of pairs) map.on(type, handler);
  return () => {
    for (const [type, handler] of pairs) map.off(type, handler);
  };
}
