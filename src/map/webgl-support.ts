/**
 * Whether this browser can create a WebGL context at all. Kept apart from zone-map.ts so the app
 * can decide without loading MapLibre, which a browser without WebGL never needs.
 *
 * Asked once per page: boot asks before fetching MapLibre, the map view again before drawing, and
 * a second probe context would cost another few milliseconds on the first frame's main thread (the
 * first one per page, 40–600 ms under SwiftShader, is mostly start-up MapLibre would pay anyway).
 * The probe's context is released at once, so it never counts against the browser's limit on
 * live contexts, which the map's own needs.
 */
let verdict: boolean | undefined;

export function isWebGlAvailable(): boolean {
  verdict ??= probeWebGl();
  return verdict;
}

function probeWebGl(): boolean {
  try {
    if (typeof WebGLRenderingContext === 'undefined' && typeof WebGL2RenderingContext === 'undefined') return false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    context?.getExtension('WEBGL_lose_context')?.loseContext();
    return Boolean(context);
  } catch {
    return false;
  }
}
