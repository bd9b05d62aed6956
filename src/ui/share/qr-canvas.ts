/**
 * Draws a link's QR code on a canvas. The encoder (`qr`, a small maintained zero-dependency
 * library) is imported on first use, so the first page load does not carry it. Modules are drawn
 * as rectangles: no markup is built from the link, so nothing in it can become HTML.
 */

/** Quiet zone, in modules, that scanners need around the symbol (the standard asks for 4). */
const QUIET_ZONE = 4;

export async function drawQrCode(canvas: HTMLCanvasElement, text: string, pixelsPerModule = 4): Promise<void> {
  const { default: encodeQR } = await import('qr');
  // Medium correction survives a phone screen's glare and a slightly blurred photo.
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
  const size = modules.length * pixelsPerModule;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#000000';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) context.fillRect(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
    }),
  );
}
