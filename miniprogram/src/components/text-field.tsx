import { Input, Text, Textarea, View } from '@tarojs/components';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  id: string;
  placeholder?: string;
  hint?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxlength?: number;
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
  multiline,
  disabled,
}: TextFieldProps) {
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {multiline ? (
        <Textarea
          id={id}
          className="field-textarea"
          value={value}
          placeholder={placeholder}
          maxlength={maxlength ?? 500}
          disabled={disabled}
          autoHeight={false}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          id={id}
          className="field-input"
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength ?? 140}
          disabled={disabled}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {hint ? <Text className="field-hint">{hint}</Text> : null}
    </View>
  );
}
