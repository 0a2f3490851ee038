import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface ChoiceOption {
  id: string;
  title: string;
  sub?: string;
}

/** A list of big rows to tap, one per option (easier than a picker wheel for older people). */
export function ChoiceList({
  options,
  onSelect,
  selectedId,
  className,
  rowClassName,
}: {
  options: readonly ChoiceOption[];
  onSelect: (option: ChoiceOption) => void;
  selectedId?: string | null;
  className?: string;
  rowClassName?: string;
}) {
  return (
    <View className={`choice-list ${className ?? ''}`}>
      {options.map((o) => (
        <View
          key={o.id}
          id={`choice-${o.id}`}
          className={`tap-row ${rowClassName ?? ''} ${selectedId === o.id ? 'tap-row-selected' : ''}`}
          onClick={() => onSelect(o)}
        >
          <View className="tap-row-main">
            <Text className="tap-row-title">{o.title}</Text>
            {o.sub ? <Text className="tap-row-sub">{o.sub}</Text> : null}
          </View>
          <Text className="tap-row-arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

/** One row that leads somewhere. */
export function LinkRow({
  title,
  sub,
  onClick,
  id,
  className,
  right,
}: {
  title: string;
  sub?: string;
  onClick: () => void;
  id?: string;
  className?: string;
  right?: ReactNode;
}) {
  return (
    <View id={id} className={`tap-row ${className ?? ''}`} onClick={onClick}>
      <View className="tap-row-main">
        <Text className="tap-row-title">{title}</Text>
        {sub ? <Text className="tap-row-sub">{sub}</Text> : null}
      </View>
      {right ?? <Text className="tap-row-arrow">›</Text>}
    </View>
  );
}

/** Small options side by side, e.g. a role or a checkpoint. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  idPrefix,
  className,
}: {
  options: readonly { value: T; label: string }[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  idPrefix?: string;
  className?: string;
}) {
  return (
    <View className={`row-wrap ${className ?? ''}`}>
      {options.map((o) => (
        <View
          key={o.value}
          id={idPrefix ? `${idPrefix}-${o.value}` : undefined}
          className={`chip ${value === o.value ? 'chip-selected' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
