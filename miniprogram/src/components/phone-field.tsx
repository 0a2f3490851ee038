import { TextField } from './text-field';

/**
 * A phone number: a mobile or a landline with its area code, as the shared schema takes it (its
 * error names the same example, PHONE_HINT). In WeChat the number keypad (easiest for older people;
 * it has no dash, and the dash may be left out); in the browser build a plain text box, where a
 * number box would throw away "024-88886666" as not a number.
 */
export function PhoneField({
  id,
  label = '联系电话',
  value,
  onChange,
  hint,
}: {
  id: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  return (
    <TextField
      id={id}
      label={label}
      type={process.env.TARO_ENV === 'h5' ? 'text' : 'number'}
      value={value}
      onChange={onChange}
      placeholder="手机号，或座机（如 024-88886666）"
      maxlength={20}
      hint={hint}
    />
  );
}
