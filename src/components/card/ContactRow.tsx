import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AppErrorBody } from '../../../contracts';
import { call } from '../../api/client';
import PhoneActions from './PhoneActions';
import type { AskSignIn, LeadWho } from './types';
import './card.scss';

interface Props {
  unitId: string;
  who: LeadWho;
  /** e.g. 组长 · 第一组 */
  label?: string;
  /** Shown big above the number; left out where the name is already the card's heading. */
  name?: string;
  phoneMasked: string;
  /** The number in full when the card gave it (the caller's own 邻长): shown with 拨打 at once, nothing to reveal. */
  phone?: string;
  askSignIn?: AskSignIn;
}

type State = { step: 'masked' } | { step: 'loading' } | { step: 'shown'; phone: string } | { step: 'error'; error: AppErrorBody };

/** A 三长's number, masked until tapped; the tap fetches the full number (card.contact), then 拨打 / 复制. */
export default function ContactRow({ unitId, who, label, name, phoneMasked, phone, askSignIn }: Props) {
  const [state, setState] = useState<State>({ step: 'masked' });

  async function reveal() {
    if (phone || state.step === 'loading' || state.step === 'shown') return;
    setState({ step: 'loading' });
    const reply = await call('card', 'contact', { unitId, who });
    if (reply.ok) return setState({ step: 'shown', phone: reply.data.phone });
    if (reply.error.code === 'UNAUTHENTICATED' && askSignIn?.(() => void reveal())) return setState({ step: 'masked' });
    setState({ step: 'error', error: reply.error });
  }

  const full = phone ?? (state.step === 'shown' ? state.phone : undefined);
  const shown = full !== undefined;
  return (
    <View className={`lzt-contact lzt-contact--${who}`}>
      {label ? <View className='lzt-contact__label'>{label}</View> : null}
      {name ? <View className='lzt-contact__name'>{name}</View> : null}
      <View className='lzt-contact__line' onClick={() => void reveal()}>
        <Text className={`lzt-contact__phone${shown ? ' lzt-contact__phone--full' : ''}`} userSelect>
          {full ?? phoneMasked}
        </Text>
        {shown ? null : (
          <View className='lzt-contact__reveal' hoverClass='lzt-contact__reveal--active'>
            {state.step === 'loading' ? '正在获取…' : '查看号码'}
          </View>
        )}
      </View>
      {full ? <PhoneActions phone={full} /> : null}
      {state.step === 'error' ? (
        <View className={`lzt-contact__error lzt-error--${state.error.code}`} aria-role='alert'>
          {state.error.message}
        </View>
      ) : null}
    </View>
  );
}
