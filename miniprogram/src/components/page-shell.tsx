import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { fontScale } from '../services/font-scale';

/** Every page's root: the grey background, padding and the font scale that follows WeChat's setting. */
export function PageShell({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  return (
    <View id={id} className={`page ${className ?? ''}`} style={`--font-scale: ${fontScale()}`}>
      {children}
    </View>
  );
}
