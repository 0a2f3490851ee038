import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';

/**
 * What a phone's camera would read: a screenshot of the QR code on screen, decoded from its pixels
 * (the browser build has no camera; the text then goes where WeChat's scan result goes).
 */
export async function scanQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error('no QR code could be read from the screenshot');
  return found.data;
}
