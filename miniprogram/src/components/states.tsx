import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { errorCopy, type ErrorLike } from '../services/error-copy';
import { AppButton } from './app-button';

export function LoadingState({ text = '正在加载，请稍候…', id }: { text?: string; id?: string }) {
  return (
    <View id={id} className="state state-loading">
      <Text className="state-text">{text}</Text>
    </View>
  );
}

/** What went wrong, in words from error-copy, and a retry button (or, when retrying cannot help, what can). */
export function ErrorState({
  error,
  onRetry,
  id,
  children,
}: {
  error: ErrorLike | null | undefined;
  onRetry?: () => void;
  id?: string;
  children?: ReactNode;
}) {
  return (
    <View id={id} className="state state-error">
      <Text className="state-text error-text">{errorCopy(error, onRetry ? { retry: '重试' } : {})}</Text>
      {children}
      {onRetry ? (
        <AppButton variant="secondary" className="btn-retry" onClick={onRetry}>
          重试
        </AppButton>
      ) : null}
    </View>
  );
}

export function EmptyState({ text, children, id }: { text: string; children?: ReactNode; id?: string }) {
  return (
    <View id={id} className="state state-empty">
      <Text className="state-text">{text}</Text>
      {children}
    </View>
  );
}

export function Notice({
  tone,
  children,
  id,
  className,
}: {
  tone: 'warn' | 'info' | 'ok' | 'error';
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  return (
    <View id={id} className={`notice notice-${tone} ${className ?? ''}`}>
      {children}
    </View>
  );
}

/**
 * An inline error under a form, in the words of error-copy. `retry`: the label of the form's own
 * button, for copy that asks to try again (there is no separate 重试 button under a form).
 */
export function FormError({ error, id = 'form-error', retry }: { error: ErrorLike | null | undefined; id?: string; retry?: string }) {
  if (!error) return null;
  return (
    <Notice tone="error" id={id} className="form-error">
      <Text>{errorCopy(error, retry ? { retry } : {})}</Text>
    </Notice>
  );
}
