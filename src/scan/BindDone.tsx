import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PrimaryButton from '../components/PrimaryButton';

interface Props {
  address: string;
  leadName: string | null;
}

export default function BindDone({ address, leadName }: Props) {
  return (
    <View className='lzt-state bind-done' id='bind-done'>
      <View className='bind-done__icon'>✓</View>
      <View className='lzt-state__title'>绑定成功</View>
      <View className='lzt-state__desc' id='bind-done-address'>
        {address}
      </View>
      <View className='lzt-state__desc'>{leadName ? `${leadName}是您家的邻长，有事随时找邻长。` : '邻长安排好后会来联系您。'}</View>
      <View className='lzt-state__action'>
        <PrimaryButton id='bind-go-me' onClick={() => void Taro.reLaunch({ url: '/pages/me/index' })}>
          去“我的”查看
        </PrimaryButton>
      </View>
    </View>
  );
}
