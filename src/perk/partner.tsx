// One partner for the 管理员: its status (暂停 / 恢复 — its history is kept either way), its
// perks (each opens the perk form), its 核销员 (bind with a code, remove), and its details. Without an id: a new
// partner, kept under the 管理员's own 社区 / 镇街 / 区.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PARTNER_STATUS_LABELS } from '../../contracts/labels';
import type { PartnerAdminT } from '../../contracts/perk';
import { fetchWhoami } from '../api/whoami';
import { call, type Output } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import CallView from '../components/CallView';
import { Field, FormError, TextInput } from '../components/form/Field';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { cnDate } from '../utils/beijingTime';
import Clerks from './parts/Clerks';
import PartnerForm from './parts/PartnerForm';
import { useAction } from '../hooks/useAction';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import '../components/form/form.scss';
import './styles/partner.scss';
import './styles/chips.scss';

type PartnerData = Output<'perk', 'partner'>;

const SCOPE_LEVELS = ['community', 'street', 'district'];

function StatusCard({ partner, onChanged }: { partner: PartnerAdminT; onChanged: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const active = partner.status === 'active';

  async function setStatus(status: 'active' | 'suspended') {
    const data = await run('status', () =>
      call('perk', 'setPartnerStatus', { partnerId: partner.id, status, ...(status === 'suspended' && reason.trim() ? { reason: reason.trim() } : {}) }),
    );
    if (!data) return;
    setAsking(false);
    setReason('');
    void Taro.showToast({ title: status === 'active' ? '已恢复合作' : '已暂停', icon: 'success' });
    onChanged();
  }

  return (
    <View className='lzt-card partner-head' id='partner-head'>
      <View className='partner-head__name'>
        <View className='lzt-title'>{partner.name}</View>
        <View className={`lzt-chip ${active ? 'lzt-chip--done' : 'lzt-chip--warn'}`} id='partner-status'>
          {PARTNER_STATUS_LABELS[active ? 'active' : 'suspended']}
        </View>
      </View>
      <View className='lzt-sub'>
        {partner.categoryLabel} · {partner.scope.name}管理 · 更新于{cnDate(partner.updatedAt)}
      </View>
      {!active ? (
        <View className='partner-head__suspended' id='partner-suspended-note'>
          暂停中：三长看不到它的优惠，店员不能核销；以前的核销记录都保留。{partner.suspendReason ? `原因：${partner.suspendReason}` : ''}
        </View>
      ) : null}
      {asking ? (
        <View className='partner-suspend' id='partner-suspend-form'>
          <Field id='partner-suspend-reason' label='暂停原因' optional hint='暂停后，这家的优惠立即从三长的列表中消失，店员也不能再核销。'>
            <TextInput value={reason} onChange={setReason} maxlength={100} placeholder='如：合作协议到期，正在续签' />
          </Field>
          <View className='partner-suspend__actions'>
            <PrimaryButton kind='default' onClick={() => setAsking(false)}>
              取消
            </PrimaryButton>
            <PrimaryButton id='partner-suspend-confirm' kind='warn' loading={busy === 'status' || undefined} disabled={!!busy} onClick={() => void setStatus('suspended')}>
              确认暂停
            </PrimaryButton>
          </View>
        </View>
      ) : (
        <View className='partner-head__actions'>
          {active ? (
            <PrimaryButton id='partner-suspend' kind='warn' onClick={() => setAsking(true)}>
              暂停合作
            </PrimaryButton>
          ) : (
            <PrimaryButton id='partner-resume' loading={busy === 'status' || undefined} disabled={!!busy} onClick={() => void setStatus('active')}>
              恢复合作
            </PrimaryButton>
          )}
        </View>
      )}
      <View id='partner-status-error'>
        <FormError message={error || null} />
      </View>
    </View>
  );
}

function Perks({ data }: { data: PartnerData }) {
  const { partner, perks } = data;
  const partnerActive = partner.status === 'active';
  const open = (perkId?: string) => void Taro.navigateTo({ url: pageUrl('perk/edit', { partnerId: partner.id, perkId }) });
  return (
    <View id='partner-perks'>
      <View className='lzt-section-title'>优惠（{perks.length}项）</View>
      <View className='lzt-cells'>
        {perks.length === 0 ? (
          <View className='lzt-cell'>
            <View className='lzt-cell__body lzt-sub'>还没有优惠，请点下面的“新增优惠”</View>
          </View>
        ) : null}
        {perks.map((k) => (
          <View key={k.id} id={`partner-perk-${k.id}`} className='lzt-cell lzt-cell--link partner-perk' hoverClass='lzt-cell--active' onClick={() => open(k.id)}>
            <View className='lzt-cell__body'>
              <View className='lzt-cell__title'>{k.title}</View>
              <View className='lzt-cell__desc'>
                {k.forWhom} · {k.limitText}
              </View>
              <View className='lzt-cell__desc'>
                {cnDate(k.validFrom)} 至 {cnDate(k.validTo)}
              </View>
            </View>
            <View className={`lzt-chip ${k.status === 'active' && partnerActive ? 'lzt-chip--done' : 'lzt-chip--none'}`}>
              {k.status !== 'active' ? '下架' : partnerActive ? '上架' : '随商家暂停'}
            </View>
            <View className='lzt-cell__arrow' />
          </View>
        ))}
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='partner-perk-new' kind='default' onClick={() => open()}>
          新增优惠
        </PrimaryButton>
      </View>
    </View>
  );
}

function Existing({ id }: { id: string }) {
  const state = useCall(() => call('perk', 'partner', { partnerId: id }), [id], { refreshOnShow: true });
  if (isFinalError(state.error)) return <BlockedState error={state.error} />;
  return (
    <CallView state={state} loadingText='正在读取支持单位…'>
      {(data) => (
        <>
          <StatusCard partner={data.partner} onChanged={() => void state.reload()} />
          <Perks data={data} />
          <Clerks partner={data.partner} clerks={data.clerks} onChanged={() => void state.reload()} />
          <View className='lzt-section-title'>商家信息</View>
          <PartnerForm
            key={data.partner.id}
            partner={data.partner}
            scope={data.partner.scope}
            onSaved={() => {
              void Taro.showToast({ title: '已保存', icon: 'success' });
              void state.reload();
            }}
          />
        </>
      )}
    </CallView>
  );
}

function New() {
  const who = useCall(fetchWhoami, []);
  return (
    <CallView state={who} loadingText='正在读取您的管理范围…'>
      {(me) => {
        const grant = SCOPE_LEVELS.map((l) => me.grants.find((g) => g.role === 'admin' && g.level === l)).find(Boolean);
        if (!grant) return <BlockedState error={{ code: 'FORBIDDEN', message: '只有社区、镇街或区的管理员能新增支持单位' }} />;
        return (
          <>
            <View className='lzt-card'>
              <View className='lzt-title'>新增支持单位</View>
              <View className='lzt-sub'>保存后即可为它添加优惠、生成核销员绑定码。</View>
            </View>
            <PartnerForm
              partner={null}
              scope={{ id: grant.nodeId, name: grant.nodeName }}
              onSaved={(p) => {
                void Taro.showToast({ title: '已添加', icon: 'success' });
                void Taro.redirectTo({ url: pageUrl('perk/partner', { id: p.id }) });
              }}
            />
          </>
        );
      }}
    </CallView>
  );
}

export default function PerkPartnerPage() {
  const id = useRouter().params.id;
  return <PageShell name='perk-partner'>{id ? <Existing id={id} /> : <New />}</PageShell>;
}
