import { PageMeta, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useCareMode } from '../features/care/care-mode';
import { fontBase } from '../services/font-scale';

/**
 * Every page's root: the grey background, padding, text that follows the person's font-size
 * setting (in WeChat `page-meta root-font-size="system"` makes 1rem the size chosen in WeChat;
 * see services/font-scale.ts) and 关怀模式 (`care`: larger text, 60 × 60 targets, more contrast).
 */
export function PageShell({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const care = useCareMode();
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <PageMeta rootFontSize="system" /> : null}
      <View id={id} className={`page ${care.on ? 'care' : ''} ${className ?? ''}`} style={`--fs-base: ${fontBase()}`}>
        {children}
      </View>
    </>
  );
}
