import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/form/Field';
import { cnDateTime } from '../../utils/beijingTime';
import type { MyHousehold } from './visitItems';

interface Props {
  h: MyHousehold;
  onChange: (h: MyHousehold) => void;
}

/** 绑定这户的微信: who is in the household (never their WeChat ids); a member removes one who joined after them. */
export default function MemberList({ h, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (h.memberList.length <= 1) return null;

  async function remove(key: string) {
    if (busy) return;
    const answer = await Taro.showModal({
      title: '把TA移出我家？',
      content: '移出后，TA不再看到您家的信息和走访记录，TA留的手机号也会一并删除。',
      confirmText: '移出',
      confirmColor: '#b71c1c',
      cancelText: '不移出',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setError(null);
    const reply = await call('household', 'removeMember', { member: key });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    onChange(reply.data.household);
  }

  return (
    <View className='household-members' id='household-member-list'>
      <View className='lzt-section-title'>绑定这户的家人（{h.memberList.length}）</View>
      <View className='lzt-cells'>
        {h.memberList.map((m, i) => (
          <View key={m.key} className='lzt-cell household-member' id={`household-member-${i}`}>
            <View className='lzt-cell__body'>
              <View className='lzt-cell__title'>{m.you ? '我' : `家人${i + 1}`}</View>
              <View className='lzt-cell__desc'>{cnDateTime(m.joinedAt)} 加入</View>
            </View>
            {m.removable ? (
              <View className='household-member__remove' hoverClass='household-member__remove--active' onClick={() => void remove(m.key)}>
                {busy ? '正在移出…' : '移出'}
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <FormError message={error} />
      <View className='lzt-section-foot'>误加入的人可以移出；只能移出比您晚加入的成员。</View>
    </View>
  );
}
