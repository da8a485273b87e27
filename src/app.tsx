import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { initCloud } from './api/client';
import { registerPrivacyListener } from './privacy/privacyBridge';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud();
      registerPrivacyListener();
    }
  });
  return children;
}

export default App;
