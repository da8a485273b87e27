import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { TABS, showTabOf } from '../custom-tab-bar/tabs';
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
  // The weapp tab bar is ours (src/custom-tab-bar): the tab page that shows marks its tab (when
  // it first opens and each time it shows again), and keeps its end clear of the fixed bar.
  const tabbed = process.env.TARO_ENV === 'weapp' && TABS.some((t) => t.name === name);
  useEffect(() => {
    if (tabbed) showTabOf(name);
  }, [tabbed, name]);
  useDidShow(() => {
    if (tabbed) showTabOf(name);
  });
  return (
    <View id={`page-${name}`} className={`lzt-shell page-${name}${large ? ' lzt-shell--large' : ''}${tabbed ? ' lzt-shell--tabbed' : ''}`}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
