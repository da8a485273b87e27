// 动态调整 step 1: mark the current lead 外出 / 不能履职 / 不宜担任, with a reason.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import { AWAY_OPTIONS, type AwayStatus } from '../rosterLabels';
import { FormError, TextAreaField } from './Fields';
import '../../components/work.scss';

export default function MarkAwayForm({ nodeId, onDone }: { nodeId: string; onDone: () => void }) {
  const [status, setStatus] = useState<AwayStatus | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit() {
    if (busy) return;
    if (!status) return setError('请选择一种情况');
    if (!reason.trim()) return setError('请写明原因，例如“外出务工，预计半年”');
    setError('');
    setBusy(true);
    const reply = await call('roster', 'markAway', { nodeId, status, reason: reason.trim() });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setStatus(null);
    setReason('');
    void Taro.showToast({ title: '已标记', icon: 'success' });
    onDone();
  }

  return (
    <View id='mark-away'>
      <View className='lzt-options'>
        {AWAY_OPTIONS.map((o) => (
          <View
            key={o.value}
            id={`mark-away-${o.value}`}
            className={`lzt-option${status === o.value ? ' lzt-option--on' : ''}`}
            aria-role='radio'
            aria-checked={status === o.value}
            onClick={() => setStatus(o.value)}
          >
            {o.label}
          </View>
        ))}
      </View>
      <TextAreaField id='mark-away-reason' label='原因' value={reason} onChange={setReason} maxLength={200} placeholder='例如：外出务工，预计半年后回来' />
      <FormError id='mark-away-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='mark-away-submit' kind='warn' loading={busy || undefined} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '确认标记'}
        </PrimaryButton>
      </View>
    </View>
  );
}
