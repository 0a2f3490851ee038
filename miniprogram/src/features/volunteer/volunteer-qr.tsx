import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** The modules of a QR code for any text (byte mode: attendance tokens carry lower case and dots). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** A QR code drawn as Views (no canvas: the same in WeChat and the browser build), with its quiet zone. */
export function VolunteerQr({ text, size = 480, id }: { text: string; size?: number; id?: string }) {
  const rows = useMemo(() => qrModules(text), [text]);
  const quiet = 4;
  const cell = Math.floor(size / (rows.length + quiet * 2));
  const px = (n: number) => Taro.pxTransform(n);
  return (
    <View id={id} className="qr" data-text={text} style={{ padding: px(cell * quiet), width: px(cell * rows.length), background: '#fff' }}>
      {rows.map((row, r) => (
        <View key={r} className="qr-row" style={{ height: px(cell), display: 'flex' }}>
          {row.map((dark, c) => (
            <View key={c} style={{ width: px(cell), height: px(cell), background: dark ? '#000' : '#fff' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
