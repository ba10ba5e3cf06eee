import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { noteSharedPoints } from '../../scripts/place-estimates';

type Placeable = Parameters<typeof noteSharedPoints>[0][number]['properties'];

function feature(id: string, coordinates: number[], method: string): Feature<Point, Placeable> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { id, kind: 'gate', side: 'VN', location: { precision: 'estimated-commune', method } },
  };
}

describe('noteSharedPoints', () => {
  it('names the other features drawn on the same point, and nothing for a point of its own', () => {
    const features = [
      feature('gate-a', [107.1, 21.5], 'Anchored on X.'),
      feature('market-a', [107.1, 21.5], 'Anchored on X'),
      feature('gate-b', [107.2, 21.5], 'Anchored on Y.'),
    ];
    expect(noteSharedPoints(features)).toBe(2);
    expect(features[0].properties.location.method).toBe(
      'Anchored on X. Drawn on the same point as market-a: distinct features that no source places apart.',
    );
    expect(features[1].properties.location.method).toMatch(/^Anchored on X\. Drawn on the same point as gate-a:/);
    expect(features[2].properties.location.method).toBe('Anchored on Y.');
  });

  it('rewrites the note instead of stacking it when run again, and drops it once the points differ', () => {
    const features = [feature('a', [1, 2], 'M.'), feature('b', [1, 2], 'N.')];
    noteSharedPoints(features);
    noteSharedPoints(features);
    expect(features[0].properties.location.method.match(/Drawn on the same point/g)).toHaveLength(1);
    features[1].geometry.coordinates = [1, 3];
    noteSharedPoints(features);
    expect(features[0].properties.location.method).toBe('M.');
  });
});
