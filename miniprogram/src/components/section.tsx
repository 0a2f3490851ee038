import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A white card with a heading. */
export function Section({
  title,
  extra,
  children,
  id,
  className,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  return (
    <View id={id} className={`card ${className ?? ''}`}>
      {title || extra ? (
        <View className="section-title-row">
          {title ? <Text className="h2 section-title">{title}</Text> : <View />}
          {extra ? <View className="section-extra">{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  );
}

export function LabelLine({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`label-line ${className ?? ''}`}>
      <Text className="label">{label}</Text>
      <View className="value">{children}</View>
    </View>
  );
}
