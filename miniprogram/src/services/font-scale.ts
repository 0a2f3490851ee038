import Taro from '@tarojs/taro';

/**
 * Text follows the person's own font-size setting: every text size in the style sheets is a
 * multiple of `--fs-base`, which PageShell sets on each page from here.
 *
 * - WeChat: `getAppBaseInfo().fontSizeScaleFactor` (documented, 我 → 设置 → 通用 → 字体大小; older
 *   clients: `fontSizeSetting` against the standard 17 px). WeChat's own answer for pages is
 *   `<page-meta root-font-size="system">` with rem sizes, but page-meta only works as the page's
 *   first WXML node, which Taro's React runtime cannot produce (NervJS/taro#14471, #10797). On
 *   Android the WebView already zooms text by the same setting, so the factor is applied on iOS
 *   only (as before), never below the design and capped so a card still fits.
 * - Browser: Taro's H5 runtime fixes the root font size from the screen width (its rem is a layout
 *   unit), so the browser's own default size is read from the `medium` keyword, which always
 *   resolves to the size the person chose in the browser's settings, and text is sized from it.
 */
export const STANDARD_FONT_PX = 16;

/** The CSS length that text sizes multiply (px: inline styles are not transformed). */
export function fontBase(): string {
  if (process.env.TARO_ENV === 'h5') return `${browserDefaultFontPx()}px`;
  return `${(STANDARD_FONT_PX * weappTextZoom()).toFixed(2)}px`;
}

let zoom: number | null = null;
function weappTextZoom(): number {
  if (zoom !== null) return zoom;
  zoom = 1;
  try {
    const { platform } = (typeof Taro.getDeviceInfo === 'function' ? Taro.getDeviceInfo() : Taro.getSystemInfoSync()) as {
      platform?: string;
    };
    if (platform === 'ios') zoom = Math.min(1.6, Math.max(1, systemFontFactor()));
  } catch {
    zoom = 1;
  }
  return zoom;
}

let measured: number | null = null;

/** The browser's default font size in px (16 unless the person changed it). */
export function browserDefaultFontPx(): number {
  if (process.env.TARO_ENV !== 'h5') return STANDARD_FONT_PX;
  if (measured !== null) return measured;
  try {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
    document.body.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    measured = Number.isFinite(px) && px > 0 ? px : STANDARD_FONT_PX;
  } catch {
    measured = STANDARD_FONT_PX;
  }
  return measured;
}

/**
 * How much larger than standard the person's font is: WeChat's 字体大小 (getAppBaseInfo's
 * fontSizeScaleFactor, or fontSizeSetting against the standard 17 px on older clients), or the
 * browser's default size against 16 px.
 */
export function systemFontFactor(): number {
  if (process.env.TARO_ENV === 'h5') return browserDefaultFontPx() / STANDARD_FONT_PX;
  try {
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeScaleFactor?: number;
      fontSizeSetting?: number;
    };
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / 17;
  } catch {
    // an old client without either: standard size
  }
  return 1;
}
