import { Input, Text, Textarea, View } from '@tarojs/components';
import { lengthCounter } from '../services/format';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id: string;
  placeholder?: string;
  hint?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxlength?: number;
  /**
   * The most the functions accept (from the shared schema): a live counter shows it, and the box
   * lets more be typed or pasted (up to twice as much) so nothing is cut silently; past the limit
   * the counter says how much to take out.
   */
  limit?: number;
  multiline?: boolean;
  disabled?: boolean;
}

/** A labelled input with a large text size; the id lands on the field for tests and labels. */
export function TextField({
  label,
  value,
  onChange,
  id,
  placeholder,
  hint,
  type = 'text',
  maxlength,
  limit,
  multiline,
  disabled,
}: TextFieldProps) {
  const counter = limit ? lengthCounter(value, limit) : null;
  const max = limit ? limit * 2 : maxlength;
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {multiline ? (
        <Textarea
          id={id}
          className="field-textarea"
          value={value}
          placeholder={placeholder}
          maxlength={max ?? 500}
          disabled={disabled}
          autoHeight={false}
          // the browser build's real <textarea> sits inside Taro's element: name it for screen readers
          nativeProps={{ 'aria-label': label }}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          id={id}
          className="field-input"
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={max ?? 140}
          disabled={disabled}
          nativeProps={{ 'aria-label': label }}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {counter ? (
        <Text id={`${id}-counter`} className={`field-hint field-counter ${counter.over ? 'field-counter-over' : ''}`}>
          {counter.text}
        </Text>
      ) : null}
      {hint ? <Text className="field-hint">{hint}</Text> : null}
    </View>
  );
}
