// 生成绑定码 for the current lead, who has not linked their WeChat yet (or changed phones).
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import { FormError } from './Fields';
import InviteCode from './InviteCode';

type Invite = Output<'roster', 'invite'>;

export default function CurrentLeadInvite({ nodeId, forWhom }: { nodeId: string; forWhom: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);

  async function create() {
    if (busy) return;
    setBusy(true);
    setError('');
    const reply = await call('roster', 'invite', { nodeId });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setInvite(reply.data);
  }

  return (
    <View id='lead-invite'>
      {invite ? <InviteCode id='lead-invite-code' code={invite.code} expiresAt={invite.expiresAt} forWhom={forWhom} /> : null}
      <FormError id='lead-invite-error' message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='lead-invite-create' kind='default' loading={busy || undefined} disabled={busy} onClick={() => void create()}>
          {busy ? '正在生成…' : invite ? '重新生成绑定码' : '生成绑定码'}
        </PrimaryButton>
      </View>
    </View>
  );
}
