import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatPhone } from '../services/format';
import { gatedCall } from '../services/platform-call';

/**
 * A phone number one tap from a call. In WeChat it calls makePhoneCall; the browser build
 * renders a plain tel: link so a phone's dialer opens.
 */
export function PhoneLink({ phone, label, inline, className }: { phone: string; label?: string; inline?: boolean; className?: string }) {
  const classes = `phone-link ${inline ? 'phone-link-inline' : ''} ${className ?? ''}`;
  const shown = formatPhone(phone);
  const content = (
    <>
      <Text className="phone-icon">{label ?? '拨打'}</Text>
      <Text className="phone-number">{shown}</Text>
    </>
  );
  if (process.env.TARO_ENV === 'h5') {
    return (
      // its name is its visible text (the label says whom it calls)
      <a className={classes} href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
        {content}
      </a>
    );
  }
  return (
    <View
      className={classes}
      hoverClass="phone-link-hover"
      onClick={() => {
        void gatedCall('拨打电话', () => Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') }));
      }}
    >
      {content}
    </View>
  );
}
