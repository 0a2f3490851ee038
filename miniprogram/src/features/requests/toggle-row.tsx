import { Text, View } from '@tarojs/components';
import './requests.css';

/** A big yes/no row: easier to hit and to read than a switch. */
export function ToggleRow({
  on,
  onChange,
  title,
  sub,
  id,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  title: string;
  sub?: string;
  id: string;
}) {
  return (
    <View id={id} className={`toggle-row ${on ? 'toggle-row-on' : ''}`} onClick={() => onChange(!on)}>
      <View>
        <Text className="h3 block">{title}</Text>
        {sub ? <Text className="muted block">{sub}</Text> : null}
      </View>
      <Text className="toggle-box">{on ? '✓' : ''}</Text>
    </View>
  );
}
