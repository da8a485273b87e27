import { View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/client';
import { useSubscribeAsk } from '../../api/subscribe';
import { Field, FormError, TextArea, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import type { SignInGate } from '../../dev/useSignInGate';
import { NAME_MAX } from '../../utils/formRules';
import { checkApply, type ApplyCall, type ApplyDraft } from './applyRules';
import { APPLY_COPY, STORY_MAX, type Application, type ApplyKind } from './labels';

interface Props {
  unitId: string;
  kind: ApplyKind;
  gate: SignInGate;
  onSent: (a: Application) => void;
}

const send = (c: ApplyCall) => (c.action === 'apply' ? call('register', 'apply', c.input) : call('register', 'recommend', c.input));

export default function ApplyForm({ unitId, kind, gate, onSent }: Props) {
  const copy = APPLY_COPY[kind];
  const [draft, setDraft] = useState<ApplyDraft>({ name: '', phone: '', story: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ApplyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const self = kind === 'self';
  const askToNotify = useSubscribeAsk(['reviewResult']);

  async function submit() {
    if (busy) return;
    const checked = checkApply(unitId, kind, draft);
    if (!checked.ok) return setError(checked.message);
    setError(null);
    setBusy(true);
    await askToNotify(); // 审核结果通知: asked at this tap, before submitting
    const reply = await send(checked.call);
    setBusy(false);
    if (reply.ok) return onSent(reply.data.application);
    if (reply.error.code === 'UNAUTHENTICATED' && gate.ask(() => void submit())) return;
    setError(reply.error.message);
  }

  return (
    <View id='apply-form'>
      <View className='lzt-form'>
        <Field id='apply-name' label={self ? '您的姓名' : '被推荐人姓名'}>
          <TextInput value={draft.name} onChange={(name) => set({ name })} placeholder='真实姓名' maxlength={NAME_MAX} />
        </Field>
        <Field
          id='apply-phone'
          label={self ? '您的手机号' : '被推荐人手机号'}
          optional={!self}
          hint={self ? '只给社区管理员审核时联系您；任命后会显示在联系卡上（打码显示）。' : '不知道可以不填，社区会通过您或邻居联系他。'}
        >
          <TextInput type='number' value={draft.phone} onChange={(phone) => set({ phone })} placeholder='11位手机号' maxlength={11} />
        </Field>
        <Field id='apply-story' label={copy.storyLabel} hint={copy.storyHint}>
          <TextArea value={draft.story} onChange={(story) => set({ story })} placeholder={copy.storyHint} maxlength={STORY_MAX} />
        </Field>
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='apply-submit' disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : self ? '提交自荐' : '提交推荐'}
        </PrimaryButton>
      </View>
    </View>
  );
}
