// 动态调整, undone: the lead marked away is back (or able again) and serves as before.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import { FormError } from './Fields';

export default function MarkBack({ nodeId, name, onDone }: { nodeId: string; name: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function back() {
    if (busy) return;
    setError('');
    setBusy(true);
    const reply = await call('roster', 'markBack', { nodeId });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    void Taro.showToast({ title: '已恢复在任', icon: 'success' });
    onDone();
  }

  return (
    <View id='mark-back'>
      <View className='lzt-sub mark-back__note'>{name}已回来、能继续履职了？恢复后，联系卡上不再显示外出提示。</View>
      <FormError id='mark-back-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='mark-back-submit' kind='default' loading={busy || undefined} disabled={busy} onClick={() => void back()}>
          {busy ? '正在恢复…' : '恢复在任'}
        </PrimaryButton>
      </View>
    </View>
  );
}
