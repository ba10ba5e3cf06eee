/**
 * Issue 10, "markers never hide each other": with the positions in public/geo as they are (they
 * change as the data is re-checked), no two markers are drawn closer than the fan-out spacing at
 * any zoom from 13, measured in Web Mercator pixels at each point's own latitude.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/data/kinds';
import { DATA_FILES } from '../../src/data/files';
import { FAN_SPACING_PX, FAN_TIERS, drawnPosition, fanLayout } from '../../src/map/fan-out';

const points = KINDS.flatMap(({ layer }) =>
  (JSON.parse(readFileSync(`public/geo/${DATA_FILES[layer].file}`, 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }).features.map((f) => ({
    id: f.properties.id,
    position: f.geometry.coordinates,
  })),
);

/** Web Mercator pixels (512 px tiles) of a position at a zoom. */
function project([lng, lat]: [number, number], zoom: number): [number, number] {
  const scale = (512 * 2 ** zoom) / 360;
  return [lng * scale, (-Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180 * scale) / Math.PI];
}

describe('fan-out over the real data', () => {
  const layout = fanLayout(points);
  // Each tier's first zoom is its tightest (the ring grows with the map inside the tier).
  for (const zoom of [...FAN_TIERS.map((t) => t.from), 14.5]) {
    it(`draws no two markers closer than ${FAN_SPACING_PX} px at zoom ${zoom}`, () => {
      const drawn = points.map((p) => ({ id: p.id, xy: project(drawnPosition(p.position, layout.get(p.id), zoom), zoom) }));
      let closest = { px: Infinity, pair: '' };
      for (let i = 0; i < drawn.length; i++)
        for (let j = i + 1; j < drawn.length; j++) {
          const px = Math.hypot(drawn[i].xy[0] - drawn[j].xy[0], drawn[i].xy[1] - drawn[j].xy[1]);
          if (px < closest.px) closest = { px, pair: `${drawn[i].id} / ${drawn[j].id}` };
        }
      // A pixel of slack: the layout works in local metres, the map in Mercator.
      expect(closest.px, closest.pair).toBeGreaterThanOrEqual(FAN_SPACING_PX - 1);
    });
  }
});
