/**
 * Whether this browser can create a WebGL context at all. Kept apart from zone-map.ts so the app
 * can decide without loading MapLibre, which a browser without WebGL never needs.
 */
export function isWebGlAvailable(): boolean {
  try {
    if (typeof WebGLRenderingContext === 'undefined' && typeof WebGL2RenderingContext === 'undefined') return false;
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
