import { View } from '@tarojs/components';
import './ui.scss';

export default function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='lzt-state lzt-loading' aria-role='alert'>
      <View className='lzt-spinner' />
      <View className='lzt-state__desc'>{text}</View>
    </View>
  );
}
