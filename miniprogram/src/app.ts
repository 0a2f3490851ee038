import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // once per launch; every callCloud in WeChat goes to this environment
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    }
  });
  // children are the pages
  return children;
}

export default App;
