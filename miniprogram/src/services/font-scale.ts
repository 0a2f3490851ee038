import Taro from '@tarojs/taro';

let cached: number | null = null;

/**
 * How much larger than standard the person has set WeChat's font size (我 → 设置 → 通用 →
 * 字体大小). Sizes in the style sheets are rpx (they follow the screen width) multiplied by
 * var(--font-scale). On iOS the mini-program does not scale text by itself, so the factor is
 * applied here; Android's WebView already zooms text by the same setting, and the browser
 * build follows the browser's own zoom, so both stay at 1.
 */
export function fontScale(): number {
  if (cached !== null) return cached;
  cached = 1;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const info = Taro.getSystemInfoSync() as { platform?: string; fontSizeSetting?: number };
      if (info.platform === 'ios' && typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) {
        // 17px is iOS WeChat's standard size; never shrink below the design, cap so a card still fits
        cached = Math.min(1.6, Math.max(1, info.fontSizeSetting / 17));
      }
    } catch {
      cached = 1;
    }
  }
  return cached;
}
