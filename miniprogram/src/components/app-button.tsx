import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'plain' | 'danger';

export interface AppButtonProps {
  children: ReactNode;
  onClick?: () => void;
  variant?: ButtonVariant;
  small?: boolean;
  disabled?: boolean;
  /**
   * Blocks taps (and dims the button) while a call is under way, so a double tap sends once.
   * No `loading` spinner: in the browser build Taro's button inserts it into children React owns.
   */
  busy?: boolean;
  id?: string;
  className?: string;
  openType?: 'share';
}

/** A large, plainly labelled button (at least 88rpx high). */
export function AppButton({ children, onClick, variant = 'primary', small, disabled, busy, id, className, openType }: AppButtonProps) {
  const blocked = Boolean(disabled || busy);
  const classes = ['btn', `btn-${variant}`, small ? 'btn-small' : '', blocked ? 'btn-disabled' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Button
      id={id}
      className={classes}
      // h5 renders disabled={false} as a present attribute, which its own CSS reads as disabled
      disabled={blocked || undefined}
      // Taro's h5 button is a custom element, whose disabled attribute axe does not read: an
      // inactive control (exempt from contrast, WCAG 1.4.3) is told by aria-disabled there
      aria-disabled={blocked || undefined}
      // only when asked for: Taro's h5 button hands an unknown prop on to the DOM
      {...(openType ? { openType } : {})}
      hoverClass="none"
      onClick={() => {
        if (!blocked && onClick) onClick();
      }}
    >
      {children}
    </Button>
  );
}
