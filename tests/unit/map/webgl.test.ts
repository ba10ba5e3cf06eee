import { describe, expect, it } from 'vitest';
import { isWebglFailure } from '../../../src/map/webgl';

describe('isWebglFailure', () => {
  it("recognises MapLibre's GPUInitializationError and WebGL messages, and nothing else", () => {
    const gpu = Object.assign(new Error('Failed to initialize WebGL2 context'), { name: 'GPUInitializationError' });
    expect(isWebglFailure(gpu)).toBe(true);
    expect(isWebglFailure(new Error('webgl context lost'))).toBe(true);
    expect(isWebglFailure(new Error('Style is not done loading'))).toBe(false);
    expect(isWebglFailure(null)).toBe(false);
    expect(isWebglFailure('WebGL')).toBe(false);
  });
});
