import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../src/lib/distance';

describe('distanceKm', () => {
  it('is zero for one point and symmetric', () => {
    expect(distanceKm([105, 22], [105, 22])).toBe(0);
    expect(distanceKm([104, 22.5], [106, 21.9])).toBeCloseTo(distanceKm([106, 21.9], [104, 22.5]), 9);
  });
  it('measures one degree of latitude as about 111.2 km and one of longitude at 22°N as about 103.1 km', () => {
    expect(distanceKm([105, 22], [105, 23])).toBeCloseTo(111.19, 1);
    expect(distanceKm([105, 22], [106, 22])).toBeCloseTo(103.1, 0);
  });
});
