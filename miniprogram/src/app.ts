import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { refreshUnreadBadge } from './features/notices/tab-badge';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // once per launch; every callCloud in WeChat goes to this environment
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    }
  });
  // each time the app comes to the front the 通知 tab shows how many are unread (after the first page, and its tab bar, is up)
  useDidShow(() => {
    setTimeout(() => void refreshUnreadBadge(), 500);
  });
  // children are the pages
  return children;
}

export default App;
