import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrMatrix } from './qr-matrix';

/**
 * The booking code as a QR code, one View per module, with the quiet zone scanners need.
 * Sizes go through pxTransform: rpx in WeChat, rem in the browser build.
 */
export function QrCode({ text, size = 440, id }: { text: string; size?: number; id?: string }) {
  const rows = useMemo(() => qrMatrix(text), [text]);
  const quiet = 3;
  const cell = Math.floor(size / (rows.length + quiet * 2));
  const px = (n: number) => Taro.pxTransform(n);
  return (
    <View id={id} className="qr" data-modules={rows.length} style={{ padding: px(cell * quiet), width: px(cell * rows.length) }}>
      {rows.map((row, r) => (
        <View key={r} className="qr-row" style={{ height: px(cell) }}>
          {row.map((dark, c) => (
            <View key={c} className={dark ? 'qr-cell qr-dark' : 'qr-cell'} style={{ width: px(cell), height: px(cell) }} />
          ))}
        </View>
      ))}
    </View>
  );
}
