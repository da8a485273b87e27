// A partner's 核销员 on the 管理员's partner page: who is bound (remove someone who has left)
// and the codes not used yet (withdraw one), and a new one-time code for a named 店员.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ClerkRowT, PartnerAdminT } from '../../../contracts/perk';
import { call, type Output } from '../../api/client';
import { Field, FormError, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import { cnDate, cnDateTime } from '../../utils/beijingTime';
import { spacedCode } from '../labels';

interface Props {
  partner: PartnerAdminT;
  clerks: ClerkRowT[];
  onChanged: () => void;
}

function ClerkItem({ partner, clerk, onChanged }: { partner: PartnerAdminT; clerk: ClerkRowT; onChanged: () => void }) {
  const { busy, error, run } = useAction();
  const bound = clerk.state === 'bound';
  const who = clerk.label || (bound ? '核销员' : '未注明店员');
  async function remove() {
    const sure = await Taro.showModal({
      title: bound ? '解除核销员' : '作废绑定码',
      content: bound ? `解除后，${who}不能再为“${partner.name}”核销优惠。` : `作废后，绑定码 ${spacedCode(clerk.code)} 不能再使用。`,
      confirmText: bound ? '解除' : '作废',
      confirmColor: '#b71c1c',
    });
    if (!sure.confirm) return;
    const done = await run('remove', () => call('perk', 'removeClerk', { partnerId: partner.id, code: clerk.code }));
    if (!done) return;
    void Taro.showToast({ title: bound ? '已解除' : '已作废', icon: 'success' });
    onChanged();
  }
  return (
    <View className='clerk-row' id={`clerk-${clerk.code}`}>
      <View className='clerk-row__main'>
        <View className='clerk-row__name'>
          {who}
          <View className={`lzt-chip ${bound ? 'lzt-chip--done' : 'lzt-chip--none'}`}>{bound ? '已绑定' : '待使用'}</View>
        </View>
        <View className='lzt-sub'>
          {bound ? `${cnDate(clerk.at)}绑定` : `绑定码 ${spacedCode(clerk.code)}，${cnDateTime(clerk.at)}前有效`}
        </View>
        <FormError message={error || null} />
      </View>
      <PrimaryButton id={`clerk-remove-${clerk.code}`} kind='warn' loading={busy === 'remove' || undefined} disabled={!!busy} onClick={() => void remove()}>
        {bound ? '解除' : '作废'}
      </PrimaryButton>
    </View>
  );
}

export default function Clerks({ partner, clerks, onChanged }: Props) {
  const [label, setLabel] = useState('');
  const [invite, setInvite] = useState<Output<'perk', 'clerkInvite'> | null>(null);
  const { busy, error, run } = useAction();
  async function create() {
    const data = await run('invite', () => call('perk', 'clerkInvite', { partnerId: partner.id, ...(label.trim() ? { label: label.trim() } : {}) }));
    if (!data) return;
    setInvite(data);
    setLabel('');
    onChanged();
  }
  return (
    <View id='partner-invite'>
      <View className='lzt-section-title'>核销员</View>
      {clerks.length ? (
        <View className='lzt-card clerk-list' id='clerk-list'>
          {clerks.map((c) => (
            <ClerkItem key={c.code} partner={partner} clerk={c} onChanged={onChanged} />
          ))}
        </View>
      ) : (
        <View className='lzt-section-foot' id='clerk-list-empty'>
          还没有核销员。店员凭绑定码成为本店核销员，之后可以扫码或输入8位数字核销。
        </View>
      )}
      {invite ? (
        <View className='lzt-card clerk-invite' id='clerk-invite'>
          <View className='lzt-sub'>请把绑定码交给“{partner.name}”的店员</View>
          <View className='clerk-invite__code' id='clerk-invite-code' data-code={invite.code}>
            {spacedCode(invite.code)}
          </View>
          <View className='lzt-sub clerk-invite__hint'>
            店员打开邻长通，在“我的 › 输入绑定码”里输入这8位数字，即成为本店核销员。只能使用一次，有效期至 {cnDateTime(invite.expiresAt)}。
          </View>
          <View className='lzt-btn-wrap clerk-invite__copy'>
            <PrimaryButton kind='default' onClick={() => void Taro.setClipboardData({ data: invite.code })}>
              复制绑定码
            </PrimaryButton>
          </View>
        </View>
      ) : null}
      <View id='clerk-invite-error'>
        <FormError message={error || null} />
      </View>
      {partner.status === 'active' ? (
        <>
          <Field id='clerk-invite-label' label='店员称呼' optional hint='写上是给谁的，以后在这里就知道是谁绑定的，店员离职时好解除。'>
            <TextInput value={label} onChange={setLabel} maxlength={20} placeholder='如：收银员小李' />
          </Field>
          <View className='lzt-btn-wrap'>
            <PrimaryButton id='clerk-invite-create' kind='default' disabled={!!busy} loading={busy === 'invite' || undefined} onClick={() => void create()}>
              生成核销员绑定码
            </PrimaryButton>
          </View>
        </>
      ) : (
        <View className='lzt-section-foot' id='clerk-invite-suspended'>
          暂停中不能生成绑定码，恢复合作后再生成。
        </View>
      )}
    </View>
  );
}
