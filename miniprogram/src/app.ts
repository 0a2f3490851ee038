import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { refreshUnreadBadge } from './features/notices/tab-badge';
import { refreshEscalationBadge } from './features/requests/escalation-badge';
import { onDevOpenidChange } from './services/dev-identity';
import './app.css';
import './real-px.css';

/** The tab badges: unread notices on 通知, and for staff the 督办 waiting at their level on 诉求. */
const refreshBadges = () => {
  void refreshUnreadBadge();
  void refreshEscalationBadge();
};

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // once per launch; every callCloud in WeChat goes to this environment
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    }
  });
  // each time the app comes to the front (after the first page, and its tab bar, is up)
  useDidShow(() => {
    setTimeout(refreshBadges, 500);
  });
  // locally, another person: their badges, not the last person's
  useEffect(() => (process.env.TARO_ENV === 'h5' ? onDevOpenidChange(refreshBadges) : undefined), []);
  // children are the pages
  return children;
}

export default App;
