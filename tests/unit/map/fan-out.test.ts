import { describe, expect, it } from 'vitest';
import { FAN_SPACING_PX, copiesOf, drawnPosition, fanLayout, fanPositions, metersPerPixel } from '../../../src/map/fan-out';

/** Screen distance in px between two positions at a zoom (Web Mercator, small distances). */
function pxApart(a: [number, number], b: [number, number], zoom: number) {
  const mpp = metersPerPixel(a[1], zoom);
  return Math.hypot(((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180)) / mpp, ((a[1] - b[1]) * 110_540) / mpp);
}

describe('fan-out', () => {
  const spot: [number, number] = [107.9668, 21.5339];
  const stacked = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, position: spot }));

  it('spreads six points on one spot so no two centres are closer than the spacing', () => {
    const moved = fanPositions(stacked, 13);
    expect(moved.size).toBe(6);
    const list = [...moved.values()];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(pxApart(list[i], list[j], 13)).toBeGreaterThanOrEqual(FAN_SPACING_PX - 0.5);
  });

  it('leaves points that are already apart where they are', () => {
    const far = [
      { id: 'a', position: spot },
      { id: 'b', position: [spot[0] + 0.05, spot[1]] as [number, number] },
    ];
    expect(fanPositions(far, 13).size).toBe(0);
  });

  it('keeps each of two nearby points on its own side', () => {
    const pair = [
      { id: 'west', position: spot },
      { id: 'east', position: [spot[0] + 0.0002, spot[1]] as [number, number] },
    ];
    const moved = fanPositions(pair, 13);
    expect(moved.get('west')![0]).toBeLessThan(moved.get('east')![0]);
  });

  it('draws the true position below zoom 13 and a displaced copy above', () => {
    const layout = fanLayout(stacked);
    const tiers = layout.get('p0');
    expect(drawnPosition(spot, tiers, 12)).toEqual(spot);
    expect(drawnPosition(spot, tiers, 13.5)).not.toEqual(spot);
    const copies = copiesOf(spot, tiers);
    expect(copies[0]).toEqual({ position: spot, fz: 0, tz: 13 });
    // The copies cover every zoom exactly once.
    for (let i = 1; i < copies.length; i++) expect(copies[i].fz).toBe(copies[i - 1].tz);
    expect(copies.at(-1)!.tz).toBe(99);
  });
});

describe('fan-out next to a point left in place', () => {
  it('takes a neighbour that the ring would land on into the ring', () => {
    const spot: [number, number] = [107.9668, 21.5339];
    // Four points on one spot make a ring of about 20 px radius at zoom 13; a fifth point 30 px
    // east is not within the spacing of the spot, but the ring's east member would be 10 px from it.
    const mpp = metersPerPixel(spot[1], 13);
    const east: [number, number] = [spot[0] + (30 * mpp) / (111_320 * Math.cos((spot[1] * Math.PI) / 180)), spot[1]];
    const points = [...Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, position: spot })), { id: 'east', position: east }];
    const moved = fanPositions(points, 13);
    const drawn = points.map((p) => moved.get(p.id) ?? p.position);
    for (let i = 0; i < drawn.length; i++) for (let j = i + 1; j < drawn.length; j++) expect(pxApart(drawn[i], drawn[j], 13)).toBeGreaterThanOrEqual(FAN_SPACING_PX - 0.5);
    expect(moved.has('east')).toBe(true);
  });
});
