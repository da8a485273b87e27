// 撤销核销 on one row of the 核销记录: the 撤销 button (only on a row that can still be reversed:
// not yet reversed, made today), a short form for the reason, a confirmation, then the row
// says 已撤销 and why. The server decides again (who, the day, only once) and its message shows.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import { shortDateTime } from '../../utils/beijingTime';

export type RecordRow = Output<'perk', 'clerkRedemptions'>['items'][number];

/** What the row shows once reversed. */
export function ReversedNote({ row }: { row: RecordRow }) {
  if (!row.reversed) return null;
  return (
    <View className='record-row__reversed' id={`record-reversed-${row.id}`}>
      <View className='lzt-chip lzt-chip--warn'>已撤销</View>
      <View className='lzt-sub record-row__reason'>
        {row.reversed.byRole}于{shortDateTime(row.reversed.at)}撤销：{row.reversed.reason}
      </View>
    </View>
  );
}

export function ReverseRecord({ row, onReversed }: { row: RecordRow; onReversed: (row: RecordRow) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();
  if (!row.reversible) return null;
  if (!open) {
    return (
      <View className='record-row__undo'>
        <PrimaryButton kind='warn' id={`record-undo-${row.id}`} onClick={() => setOpen(true)}>
          撤销
        </PrimaryButton>
      </View>
    );
  }
  async function submit() {
    const text = reason.trim();
    if ([...text].length < 2) return setError('请填写撤销原因（至少2个字）');
    const ok = await Taro.showModal({
      title: '确认撤销核销',
      content: `撤销后这次核销不再计数，${row.roleLabel}${row.holderName}本期可以再用一次；撤销会记入操作记录，且不能再恢复。`,
      confirmText: '撤销',
      confirmColor: '#b71c1c',
    });
    if (!ok.confirm) return;
    const data = await run('reverse', () => call('perk', 'reverseRedemption', { redemptionId: row.id, reason: text }));
    if (data) onReversed(data.redemption);
  }
  return (
    <View className='record-undo' id={`record-undo-form-${row.id}`}>
      <Field id={`record-undo-reason-${row.id}`} label='撤销原因' hint='例如：扫错了优惠码、同一次消费核销了两次。只能撤销当天的核销。'>
        <TextArea value={reason} onChange={setReason} placeholder='请写明为什么撤销（2–100字）' maxlength={100} />
      </Field>
      <FormError message={error} />
      <View className='record-undo__actions'>
        <PrimaryButton kind='default' id={`record-undo-cancel-${row.id}`} onClick={() => setOpen(false)}>
          取消
        </PrimaryButton>
        <PrimaryButton kind='warn' id={`record-undo-submit-${row.id}`} loading={!!busy || undefined} onClick={() => void submit()}>
          确认撤销
        </PrimaryButton>
      </View>
    </View>
  );
}
