// The weapp tab bar (app.config.ts: tabBar.custom on weapp only). WeChat's native tab bar
// cannot change its label size, so 长辈版 could not enlarge it; this one can: labels 12 → 18 px,
// icons 24 → 34 px, height 56 → 80 px, as the H5 bar in app.scss. Taro compiles this file as
// the mini program's custom-tab-bar component; H5 keeps Taro's own bar.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { readLargeText, subscribeLargeText } from '../settings/largeText';
import { TABS, currentTab, subscribeTab } from './tabs';
import './index.scss';

export default function CustomTabBar() {
  const [selected, setSelected] = useState(currentTab);
  const [large, setLarge] = useState(readLargeText);
  useEffect(
    () =>
      subscribeTab((index) => {
        setSelected(index);
        // A page shows: WeChat's font setting may have changed while the app was away.
        setLarge(readLargeText());
      }),
    [],
  );
  useEffect(() => subscribeLargeText(setLarge), []);
  return (
    <View className={`lzt-tabbar${large ? ' lzt-tabbar--large' : ''}`}>
      {TABS.map((tab, index) => {
        const on = index === selected;
        return (
          <View
            key={tab.name}
            className={`lzt-tabbar__item${on ? ' lzt-tabbar__item--on' : ''}`}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: `/${tab.pagePath}` });
            }}
          >
            <Image className='lzt-tabbar__icon' src={`/${on ? tab.selectedIconPath : tab.iconPath}`} />
            <Text className='lzt-tabbar__label'>{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
