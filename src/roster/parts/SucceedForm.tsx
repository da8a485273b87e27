// 动态调整 step 2: the successor's name, phone and the reason → roster.succeed → a binding code.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import { checkPerson, FormError, TextAreaField, TextField } from './Fields';
import InviteCode from './InviteCode';

type Invite = Output<'roster', 'succeed'>['invite'];

interface Props {
  nodeId: string;
  leadTitle: string;
  onDone: () => void;
}

export default function SucceedForm({ nodeId, leadTitle, onDone }: Props) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ name: string; invite: Invite } | null>(null);

  async function submit() {
    if (busy) return;
    const problem = checkPerson(name, phone) || (reason.trim() ? '' : '请写明接替原因');
    if (problem) return setError(problem);
    setError('');
    setBusy(true);
    const reply = await call('roster', 'succeed', { nodeId, name: name.trim(), phone: phone.trim(), reason: reason.trim() });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setDone({ name: name.trim(), invite: reply.data.invite });
    setName('');
    setPhone('');
    setReason('');
    onDone();
  }

  return (
    <View id='succeed'>
      {done ? <InviteCode id='succeed-invite' code={done.invite.code} expiresAt={done.invite.expiresAt} forWhom={`接替${leadTitle} ${done.name}`} /> : null}
      <View className={done ? 'lzt-section-title' : ''}>{done ? '再推选一位' : null}</View>
      <TextField id='succeed-name' label='接替人姓名' value={name} onChange={setName} maxLength={20} placeholder='请输入姓名' />
      <TextField id='succeed-phone' label='手机号' type='number' value={phone} onChange={setPhone} maxLength={11} placeholder='11位手机号' />
      <TextAreaField id='succeed-reason' label='接替原因' value={reason} onChange={setReason} maxLength={200} placeholder='例如：原邻长外出务工，经居民推选由其接替' />
      <FormError id='succeed-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='succeed-submit' loading={busy || undefined} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '确认接替'}
        </PrimaryButton>
      </View>
    </View>
  );
}
