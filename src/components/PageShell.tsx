import { View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { useLargeText } from '../settings/largeText';
import PrivacyPopup from './PrivacyPopup';
import './ui.scss';

interface Props {
  children: ReactNode;
  /** Stable hook for tests: the page's name, e.g. 'home'. */
  name: string;
}

/** Every page's root: the 长辈版 class, the WeChat grey background, the privacy sheet. */
export default function PageShell({ children, name }: Props) {
  const large = useLargeText();
  // The H5 tab bar is outside every page: it is enlarged from <html> (app.scss).
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('lzt-elder', large);
  }, [large]);
  return (
    <View id={`page-${name}`} className={`lzt-shell page-${name}${large ? ' lzt-shell--large' : ''}`}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
