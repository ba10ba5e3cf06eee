import { describe, expect, it } from 'vitest';
import { metersPerPixel, scaleBar } from '../../../src/map/capture';

describe('scaleBar', () => {
  it('picks a round distance that fits and gives its width at the map scale', () => {
    const bar = scaleBar(22, 8, 120); // 120 px ≈ 34 km here
    expect(bar.label).toBe('20 km');
    expect(bar.widthPx).toBeCloseTo(20000 / metersPerPixel(22, 8), 6);
    expect(bar.widthPx).toBeLessThanOrEqual(120);
    expect(bar.widthPx).toBeGreaterThan(120 / 2.5);
  });
  it('writes metres below a kilometre', () => {
    expect(scaleBar(22.5, 16, 100).label).toBe('100 m'); // 100 px ≈ 110 m
  });
});
