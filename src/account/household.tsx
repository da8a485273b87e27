import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import CallView from '../components/CallView';
import EmptyState from '../components/EmptyState';
import { FormError } from '../components/form/Field';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { cnDateTime } from '../utils/beijingTime';
import { clearPhone } from './parts/clearPhone';
import EditHousehold from './parts/EditHousehold';
import JoinRequests from './parts/JoinRequests';
import MemberList from './parts/MemberList';
import HouseholdInfo from './parts/HouseholdInfo';
import RemoveHousehold, { type Removed } from './parts/RemoveHousehold';
import type { MyHousehold } from './parts/visitItems';
import VisitList from './parts/VisitList';
import { pageUrl } from '../utils/pageUrl';
import './household.scss';

const backToMe = () => void Taro.reLaunch({ url: pageUrl('pages/me/index') });

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

type Pending = NonNullable<Output<'household', 'mine'>['pending']>;

/** Asked to join a door that has members: nothing of that household shows until one of them agrees. */
function PendingState({ pending }: { pending: Pending }) {
  const [withdrawn, setWithdrawn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function withdraw() {
    if (busy) return;
    setBusy(true);
    const reply = await call('household', 'withdraw', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setWithdrawn(true);
  }
  if (withdrawn) return <Unbound />;
  return (
    <>
      <EmptyState
        id='household-pending'
        title='等待家人确认'
        description={`您在${cnDateTime(pending.at)}申请加入 ${pending.address}。这户已有家人绑定，要等TA在“我的”里同意后，您才能看到和修改这户的信息。`}
        action={
          <PrimaryButton id='household-withdraw' kind='default' disabled={busy} onClick={() => void withdraw()}>
            {busy ? '正在撤回…' : '撤回申请'}
          </PrimaryButton>
        }
      />
      <FormError message={error} />
    </>
  );
}

function Household({ h, pending, onChange, onRemoved }: { h: MyHousehold; pending?: Pending; onChange: (h: MyHousehold) => void; onRemoved: (w: Removed) => void }) {
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
      {pending ? (
        <View className='household-pending__note' id='household-pending-note'>
          您申请加入 {pending.address}，正在等那户的家人确认；确认前您仍绑定在这里。
        </View>
      ) : null}
      <JoinRequests h={h} onChange={onChange} />
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
      <MemberList h={h} onChange={onChange} />
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
            if (h) return <Household h={h} pending={data.pending} onChange={setSaved} onRemoved={setRemoved} />;
            return data.pending ? <PendingState pending={data.pending} /> : <Unbound />;
          }}
        </CallView>
      )}
    </PageShell>
  );
}
