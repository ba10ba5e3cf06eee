/** WebGL detection: maplibre-gl 6 has no supported() helper, so we ask a canvas ourselves. */
export function webglProblem(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'This browser cannot draw the map: WebGL is turned off or not supported.';
    return null;
  } catch (error) {
    return `This browser cannot draw the map: WebGL failed (${(error as Error).message}).`;
  }
}
