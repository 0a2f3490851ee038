import { Text, View } from '@tarojs/components';
import { openPrivacyGuide } from '../services/platform-call';

/**
 * Under a form that collects personal data: what it is used for, and the 用户隐私保护指引 one tap
 * away (WeChat's openPrivacyContract shows the guide the office filed).
 */
export function PrivacyNote({ id, purpose }: { id?: string; purpose: string }) {
  return (
    <View id={id ?? 'privacy-note'} className="privacy-note">
      <Text className="muted">{purpose}详见</Text>
      <Text id={`${id ?? 'privacy-note'}-link`} className="privacy-link" onClick={openPrivacyGuide}>
        《用户隐私保护指引》
      </Text>
    </View>
  );
}
