import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PrimaryButton from '../components/PrimaryButton';
import { pageUrl } from '../utils/pageUrl';

interface Props {
  address: string;
  /** The door has members: the resident asked to join and waits for one of them to agree. */
  pending: boolean;
  leadName: string | null;
}

export default function BindDone({ address, pending, leadName }: Props) {
  return (
    <View className='lzt-state bind-done' id='bind-done'>
      <View className={`bind-done__icon${pending ? ' bind-done__icon--wait' : ''}`}>{pending ? '…' : '✓'}</View>
      <View className='lzt-state__title'>{pending ? '已申请加入，等待家人确认' : '绑定成功'}</View>
      <View className='lzt-state__desc' id='bind-done-address'>
        {address}
      </View>
      <View className='lzt-state__desc'>
        {pending
          ? '这户已有家人绑定。为保护您家的隐私，要等TA在“我的”里同意后，您才能看到和修改这户的信息。'
          : leadName
            ? `${leadName}是您家的邻长，有事随时找邻长。`
            : '邻长安排好后会来联系您。'}
      </View>
      <View className='lzt-state__action'>
        <PrimaryButton id='bind-go-me' onClick={() => void Taro.reLaunch({ url: pageUrl('pages/me/index') })}>
          去“我的”查看
        </PrimaryButton>
      </View>
    </View>
  );
}
