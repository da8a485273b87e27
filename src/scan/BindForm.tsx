import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../api/client';
import type { CardView } from '../components/card/types';
import ChoiceList from '../components/form/ChoiceList';
import CheckRow from '../components/form/CheckRow';
import { Field, FormError, TextInput } from '../components/form/Field';
import Stepper from '../components/form/Stepper';
import PrimaryButton from '../components/PrimaryButton';
import type { SignInGate } from '../dev/useSignInGate';
import { PEOPLE_MAX, PEOPLE_MIN } from '../utils/formRules';
import { checkBind, type BindDraft } from './bindRules';

export const PHONE_CONSENT_TEXT = '同意邻长查看我的手机号，方便联系';

interface Props {
  card: CardView;
  gate: SignInGate;
  /** Bound (or, at a door that has members, asked to join: `pending`). */
  onBound: (address: string, pending: boolean) => void;
}

export default function BindForm({ card, gate, onBound }: Props) {
  const buildings = card.unit.buildings;
  const [draft, setDraft] = useState<BindDraft>({ building: buildings.length === 1 ? buildings[0] : '', room: '', people: 1, phone: '', consent: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<BindDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  async function submit(move = false) {
    if (busy) return;
    const checked = checkBind(card.unit.id, buildings, draft);
    if (!checked.ok) return setError(checked.message);
    setError(null);
    setBusy(true);
    const reply = await call('card', 'bind', { ...checked.input, ...(move ? { move: true } : {}) });
    setBusy(false);
    if (reply.ok) {
      const { household, moveFrom, pending } = reply.data;
      if (household) return onBound(household.address, false);
      if (pending) return onBound(pending.address, true);
      if (!moveFrom) return;
      // Bound elsewhere: leaving that household must be the resident's own decision.
      const answer = await Taro.showModal({
        title: '更换绑定的住户',
        content: `您现在绑定的是 ${moveFrom.address}。改绑后将解除原来的绑定${moveFrom.erases ? '，原来那户的登记和走访记录会一并删除' : ''}。确定改绑吗？`,
        confirmText: '确定改绑',
        cancelText: '不改了',
      });
      if (answer.confirm) void submit(true);
      return;
    }
    if (reply.error.code === 'UNAUTHENTICATED' && gate.ask(() => void submit())) return;
    setError(reply.error.message);
  }

  return (
    <View id='bind-form'>
      <View className='lzt-form'>
        <Field id='bind-building' label='楼栋单元' hint={buildings.length === 0 ? '这个邻还没有登记楼栋，请拨打社区电话' : undefined}>
          <ChoiceList options={buildings} value={draft.building} onChange={(building) => set({ building })} />
        </Field>
        <Field id='bind-room' label='门牌号' hint='写门上的号码，例如 302、1201'>
          <TextInput value={draft.room} onChange={(room) => set({ room })} placeholder='例如 302' maxlength={8} />
        </Field>
        <Field id='bind-people' label='家庭人数' hint='平时住在家里的人数'>
          <Stepper value={draft.people} min={PEOPLE_MIN} max={PEOPLE_MAX} unit='人' onChange={(people) => set({ people })} />
        </Field>
        <Field id='bind-phone' label='手机号' optional hint='不填也能绑定。留了号码，邻长有事能及时联系您。'>
          <TextInput type='number' value={draft.phone} onChange={(phone) => set({ phone })} placeholder='11位手机号' maxlength={11} />
          <CheckRow id='bind-consent' checked={draft.consent} onChange={(consent) => set({ consent })}>
            {PHONE_CONSENT_TEXT}
          </CheckRow>
        </Field>
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='bind-submit' disabled={busy} onClick={() => void submit()}>
          {busy ? '正在绑定…' : '确认绑定'}
        </PrimaryButton>
      </View>
      <View className='bind-privacy'>人数和手机号只给您的邻长看；组长、片长和社区只看到门牌和走访情况。绑定后可以在“我的 › 我家登记的信息”里修改或删除。</View>
    </View>
  );
}
