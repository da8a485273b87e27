// What a caller who is not a 三长 sees instead of the perks: the rule, the server's own
// message, and the way in for a 三长 who has not entered their binding code yet.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppErrorBody } from '../../../contracts';
import BlockedState from '../../components/BlockedState';
import PrimaryButton from '../../components/PrimaryButton';
import { pageUrl } from '../../utils/pageUrl';

export default function LeadsOnly({ error }: { error: AppErrorBody }) {
  if (error.code !== 'FORBIDDEN') return <BlockedState error={error} />;
  return (
    <View className='lzt-state perk-leads-only' id='perk-leads-only' aria-role='alert'>
      <View className='lzt-state__icon lzt-state__icon--empty'>i</View>
      <View className='lzt-state__title'>专属优惠仅限三长使用</View>
      <View className='lzt-state__desc'>支持单位为邻长、组长、片长提供专属优惠。您目前不是三长，不能查看和出示优惠码。</View>
      <View className='lzt-error__message perk-leads-only__message'>{error.message}</View>
      <View className='lzt-state__action'>
        <PrimaryButton kind='default' id='perk-leads-only-claim' onClick={() => void Taro.navigateTo({ url: pageUrl('account/claim') })}>
          我是三长，输入绑定码
        </PrimaryButton>
      </View>
    </View>
  );
}
