import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { cnDateTime } from '../../utils/beijingTime';
import type { MyHousehold } from './visitItems';

interface Props {
  h: MyHousehold;
  onChange: (h: MyHousehold) => void;
}

/** 申请加入我家: someone named our door; until a member says yes, they see nothing of it. */
export default function JoinRequests({ h, onChange }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (h.requests.length === 0) return null;

  async function decide(requestId: string, approve: boolean) {
    if (busy) return;
    if (!approve) {
      const answer = await Taro.showModal({
        title: '拒绝这条申请？',
        content: '对方不会看到您家的任何信息。如果是家人填错了，可以请TA重新扫码申请。',
        confirmText: '拒绝',
        confirmColor: '#b71c1c',
        cancelText: '再想想',
      });
      if (!answer.confirm) return;
    }
    setBusy(requestId);
    setError(null);
    const reply = await call('household', 'decide', { requestId, approve });
    setBusy(null);
    if (!reply.ok) return setError(reply.error.message);
    onChange(reply.data.household);
  }

  return (
    <View className='household-requests' id='household-requests'>
      <View className='lzt-section-title'>申请加入我家（{h.requests.length}）</View>
      <View className='lzt-cells'>
        {h.requests.map((r) => (
          <View key={r.id} className='household-request' id={`household-request-${r.id}`}>
            <View className='household-request__who'>
              {cnDateTime(r.at)} 有人申请加入
            </View>
            <View className='household-request__desc'>
              填的家庭人数：{r.people}人{r.phoneMasked ? `，手机号 ${r.phoneMasked}` : '，没有留手机号'}
            </View>
            <View className='household-request__actions'>
              <PrimaryButton className='household-request__approve' disabled={busy !== null} onClick={() => void decide(r.id, true)}>
                {busy === r.id ? '正在处理…' : '是家人，同意'}
              </PrimaryButton>
              <PrimaryButton className='household-request__reject' kind='warn' disabled={busy !== null} onClick={() => void decide(r.id, false)}>
                不认识，拒绝
              </PrimaryButton>
            </View>
          </View>
        ))}
      </View>
      <FormError message={error} />
      <View className='lzt-section-foot'>同意之前，对方看不到您家的人数、手机号和走访记录，也不能修改。同意后，TA只能看到从今天起的走访记录。</View>
    </View>
  );
}
