import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import type { MyHousehold } from './visitItems';

export type Removed = 'membership' | 'household';

/** What 删除 takes away, said before the person confirms. */
export function removalExplained(h: MyHousehold): string {
  return h.members <= 1
    ? `您是${h.address}唯一绑定的微信。删除后，这户的门牌、人数、手机号和邻长的走访记录都会一并删除，邻长的居民信息账里将不再有您家。`
    : `家里还有${h.members - 1}位成员绑定了${h.address}。删除后只解除您本人的绑定，这户的信息和走访记录会保留给其他成员。`;
}

interface Props {
  h: MyHousehold;
  onRemoved: (what: Removed) => void;
}

export default function RemoveHousehold({ h, onRemoved }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '删除我家的登记？',
      content: removalExplained(h),
      confirmText: '删除',
      confirmColor: '#b71c1c',
      cancelText: '不删了',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setError(null);
    const reply = await call('household', 'remove', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    onRemoved(reply.data.removed);
  }

  return (
    <View className='household-remove'>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='household-remove' kind='warn' disabled={busy} onClick={() => void remove()}>
          {busy ? '正在删除…' : '删除我家的登记'}
        </PrimaryButton>
      </View>
      <View className='lzt-section-foot'>{h.members <= 1 ? '您是这户唯一绑定的成员，删除会清除整户记录和走访记录。' : '删除只解除您本人的绑定。'}</View>
    </View>
  );
}
