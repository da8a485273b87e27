import { View } from '@tarojs/components';
import { setLargeText, useLargeText } from './largeText';
import './elder.scss';

/** 首页's visible way into 长辈版 (适老化: an entry on the first page, not only in settings). */
export default function ElderEntry() {
  const large = useLargeText();
  return (
    <View id='home-elder' className='lzt-elder-entry' onClick={() => setLargeText(!large)}>
      <View className='lzt-elder-entry__text'>{large ? '正在使用长辈版（字大）' : '字太小？换成长辈版'}</View>
      <View className='lzt-elder-entry__action'>{large ? '换回标准版' : '切换'}</View>
    </View>
  );
}
