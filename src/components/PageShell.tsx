import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../settings/largeText';
import PrivacyPopup from './PrivacyPopup';
import './ui.scss';

interface Props {
  children: ReactNode;
  /** Stable hook for tests: the page's name, e.g. 'home'. */
  name: string;
}

/** Every page's root: the large-text class, the WeChat grey background, the privacy sheet. */
export default function PageShell({ children, name }: Props) {
  const large = useLargeText();
  return (
    <View id={`page-${name}`} className={`lzt-shell page-${name}${large ? ' lzt-shell--large' : ''}`}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
