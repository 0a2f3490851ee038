import { View } from '@tarojs/components';
import { useEffect, useRef, type ReactNode } from 'react';
import { useCareMode } from '../features/care/care-mode';
import { fontBase } from '../services/font-scale';

/**
 * Every page's root: the grey background, padding, text that follows the person's font-size
 * setting (`--fs-base`, services/font-scale.ts) and 关怀模式 (`care`: larger text, 60 × 60
 * targets, more contrast).
 */
export function PageShell({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  const care = useCareMode();
  const root = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    // the browser build scrolls each page inside Taro's own container: let the keyboard reach and scroll it
    const scroller = root.current?.closest?.('.taro_page');
    if (scroller && !scroller.hasAttribute('tabindex')) {
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', '页面内容');
    }
  });
  return (
    <View
      ref={root as never}
      {...(id ? { id } : {})}
      className={`page ${care.on ? 'care' : ''} ${className ?? ''}`}
      style={`--fs-base: ${fontBase()}`}
    >
      {children}
    </View>
  );
}
