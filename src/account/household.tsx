import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../api/client';
import CallView from '../components/CallView';
import EmptyState from '../components/EmptyState';
import { FormError } from '../components/form/Field';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { clearPhone } from './parts/clearPhone';
import EditHousehold from './parts/EditHousehold';
import HouseholdInfo from './parts/HouseholdInfo';
import RemoveHousehold, { type Removed } from './parts/RemoveHousehold';
import type { MyHousehold } from './parts/visitItems';
import VisitList from './parts/VisitList';
import './household.scss';

const backToMe = () => void Taro.reLaunch({ url: '/pages/me/index' });

function RemovedState({ what }: { what: Removed }) {
  return (
    <EmptyState
      id='household-removed'
      title='已删除我家的登记'
      description={what === 'household' ? '这户的门牌、人数、手机号和走访记录都已删除。' : '已解除您本人的绑定，家里其他成员的绑定不受影响。'}
      action={<PrimaryButton onClick={backToMe}>返回我的</PrimaryButton>}
    />
  );
}

function Unbound() {
  return (
    <EmptyState
      id='household-unbound'
      title='还没有绑定住户'
      description='扫描门上或楼栋群里的邻长联系卡，点“这是我的邻长”就能登记我家。'
      action={<PrimaryButton kind='default' onClick={backToMe}>返回我的</PrimaryButton>}
    />
  );
}

function Household({ h, onChange, onRemoved }: { h: MyHousehold; onChange: (h: MyHousehold) => void; onRemoved: (w: Removed) => void }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function deletePhone() {
    if (busy) return;
    setBusy(true);
    const result = await clearPhone();
    setBusy(false);
    if (!result) return;
    if ('error' in result) return setError(result.error);
    setError(null);
    onChange(result.household);
  }

  if (editing) {
    return <EditHousehold h={h} onCancel={() => setEditing(false)} onSaved={(next) => {
          setEditing(false);
          onChange(next);
        }} />;
  }
  return (
    <>
      <HouseholdInfo h={h} />
      <FormError message={error} />
      <View className='lzt-btn-wrap household-actions'>
        <PrimaryButton id='household-edit-open' onClick={() => setEditing(true)}>
          修改人数和手机号
        </PrimaryButton>
        {h.phone ? (
          <PrimaryButton id='household-clear-phone' kind='default' disabled={busy} onClick={() => void deletePhone()}>
            {busy ? '正在删除…' : '删除手机号'}
          </PrimaryButton>
        ) : null}
      </View>
      <VisitList visits={h.visits} />
      <RemoveHousehold h={h} onRemoved={onRemoved} />
    </>
  );
}

/** 我家登记的信息: see, correct and delete what is held about the household. */
export default function HouseholdPage() {
  const mine = useCall(() => call('household', 'mine', {}), []);
  const [saved, setSaved] = useState<MyHousehold | undefined>(undefined);
  const [removed, setRemoved] = useState<Removed | null>(null);
  return (
    <PageShell name='account-household'>
      {removed ? (
        <RemovedState what={removed} />
      ) : (
        <CallView state={mine} loadingText='正在读取我家的信息…'>
          {(data) => {
            const h = saved ?? data.household;
            return h ? <Household h={h} onChange={setSaved} onRemoved={setRemoved} /> : <Unbound />;
          }}
        </CallView>
      )}
    </PageShell>
  );
}
