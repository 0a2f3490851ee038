import qrcode from 'qrcode-generator';

/**
 * The modules of a QR code as rows of dark/light, drawn by the app as a grid of Views: no
 * canvas, so it looks the same in WeChat and in the browser build. Level M survives a scuffed
 * phone screen; a 6-character code fits version 1 (21 × 21).
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Alphanumeric');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}
