import { View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/client';
import CheckRow from '../../components/form/CheckRow';
import { Field, FormError, TextInput } from '../../components/form/Field';
import Stepper from '../../components/form/Stepper';
import PrimaryButton from '../../components/PrimaryButton';
import { PEOPLE_MAX, PEOPLE_MIN } from '../../utils/formRules';
import { checkEdit, phoneChanged, type EditDraft } from './editRules';
import type { MyHousehold } from './visitItems';

interface Props {
  h: MyHousehold;
  onSaved: (h: MyHousehold) => void;
  onCancel: () => void;
}

/** 修改: people and phone. Emptying the phone deletes it; a new phone needs the consent box. */
export default function EditHousehold({ h, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<EditDraft>({ people: h.people, phone: h.phone ?? '', consent: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<EditDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  async function save() {
    if (busy) return;
    const checked = checkEdit(h, draft);
    if (!checked.ok) return setError(checked.message);
    if (!checked.input) return onCancel(); // nothing changed
    setError(null);
    setBusy(true);
    const reply = await call('household', 'update', checked.input);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    onSaved(reply.data.household);
  }

  return (
    <View id='household-edit'>
      <View className='lzt-section-title'>修改我家的信息</View>
      <View className='lzt-form'>
        <Field id='edit-people' label='家庭人数'>
          <Stepper value={draft.people} min={PEOPLE_MIN} max={PEOPLE_MAX} unit='人' onChange={(people) => set({ people })} />
        </Field>
        {h.familyPhoneMasked ? (
          <Field id='edit-phone' label='手机号' hint='这个号码是家人留的，只有TA本人能修改或删除。'>
            <View className='household-edit__family-phone'>{h.familyPhoneMasked}</View>
          </Field>
        ) : (
          <Field id='edit-phone' label='手机号' optional hint='清空号码并保存，就会删除手机号。'>
            <TextInput type='number' value={draft.phone} onChange={(phone) => set({ phone })} placeholder='11位手机号' maxlength={11} />
            {phoneChanged(h, draft.phone) ? (
              <CheckRow id='edit-consent' checked={draft.consent} onChange={(consent) => set({ consent })}>
                同意邻长查看我的手机号，方便联系
              </CheckRow>
            ) : null}
          </Field>
        )}
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap household-edit__actions'>
        <PrimaryButton id='edit-save' disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </PrimaryButton>
        <PrimaryButton id='edit-cancel' kind='default' onClick={onCancel}>
          取消
        </PrimaryButton>
      </View>
    </View>
  );
}
