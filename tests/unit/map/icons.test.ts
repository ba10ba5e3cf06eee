import { describe, expect, it } from 'vitest';
import { LAYER_SHAPES, iconName, markerImage, shapeOfIcon, signedDistance, type MarkerShape } from '../../../src/map/icons';

const SHAPES: MarkerShape[] = ['circle', 'diamond', 'square', 'triangle'];
const alphaAt = (image: ReturnType<typeof markerImage>, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];

describe('marker icons', () => {
  it.each(SHAPES)('%s: inside is solid, the edge sits at 0.75 of the alpha range, the corners fade to nothing', (shape) => {
    const image = markerImage(shape);
    expect(image.data.length).toBe(image.width * image.height * 4);
    const c = image.width / 2;
    expect(alphaAt(image, c, c)).toBe(255);
    expect(alphaAt(image, 0, 0)).toBe(0);
    // Walking right from the centre, alpha crosses 191 (0.75 × 255) exactly where the distance changes sign.
    for (let x = c; x < image.width; x++) {
      const d = signedDistance(shape, x, c);
      if (d < -0.5) expect(alphaAt(image, x, c)).toBeGreaterThan(191);
      if (d > 0.5) expect(alphaAt(image, x, c)).toBeLessThan(191);
    }
  });

  it('tells the shapes apart: a square fills the corner region a diamond leaves empty', () => {
    const square = markerImage('square');
    const diamond = markerImage('diamond');
    const corner = [16 + 5, 16 - 5] as const;
    expect(alphaAt(square, ...corner)).toBeGreaterThan(191);
    expect(alphaAt(diamond, ...corner)).toBeLessThan(191);
  });

  it('answers only its own icon ids', () => {
    for (const shape of SHAPES) expect(shapeOfIcon(iconName(shape))).toBe(shape);
    expect(shapeOfIcon('atlas-shape-star')).toBeNull();
    expect(shapeOfIcon('airport-15')).toBeNull();
  });

  it('gives openings, markets and posts shapes of their own', () => {
    const shapes = [LAYER_SHAPES.gates, LAYER_SHAPES.openings, LAYER_SHAPES.markets, LAYER_SHAPES.posts];
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
