import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import { Cell, CellGroup } from '../components/Cell';
import { Field, FormError, TextInput } from '../components/form/Field';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate } from '../dev/useSignInGate';
import { CLAIM_CODE_RE, MSG } from '../utils/formRules';
import { roleLabel } from '../api/whoami';
import { pageUrl } from '../utils/pageUrl';
import './claim.scss';

type Claimed = Output<'account', 'claim'>;

const backToMe = () => void Taro.reLaunch({ url: pageUrl('pages/me/index') });

function Done({ me }: { me: Claimed }) {
  return (
    <View id='claim-done'>
      <View className='lzt-state'>
        <View className='claim-done__icon'>✓</View>
        <View className='lzt-state__title'>绑定成功</View>
        <View className='lzt-state__desc'>您的微信已获得以下身份，相关工作入口在“首页 › 我的工作”。</View>
      </View>
      <CellGroup title='我的身份'>
        {me.grants.map((g) => (
          <Cell key={`${g.role}:${g.nodeId}`} className={`claim-grant claim-grant--${g.role}`} title={roleLabel(g.role)} value={g.nodeName} />
        ))}
      </CellGroup>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='claim-back' onClick={backToMe}>
          返回我的
        </PrimaryButton>
      </View>
    </View>
  );
}

/** A 三长, a partner's 核销员 or a 部门's staff enters the 8-digit code the 管理员 gave them. */
export default function ClaimPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Claimed | null>(null);
  const gate = useSignInGate();

  async function submit() {
    if (busy) return;
    const clean = code.replace(/\s/g, '');
    if (!CLAIM_CODE_RE.test(clean)) return setError(MSG.claimCode);
    setError(null);
    setBusy(true);
    const reply = await call('account', 'claim', { code: clean });
    setBusy(false);
    if (reply.ok) return setDone(reply.data);
    if (reply.error.code === 'UNAUTHENTICATED' && gate.ask(() => void submit())) return;
    setError(reply.error.message);
  }

  return (
    <PageShell name='account-claim'>
      {done ? (
        <Done me={done} />
      ) : (
        <>
          <View className='lzt-card'>
            <View className='lzt-title'>输入绑定码</View>
            <View className='lzt-sub claim-intro'>
              您是邻长、组长、片长，合作商家的核销员，或承办民情的部门工作人员？请输入社区管理员给您的8位数字绑定码，绑定后您的微信就有了相应的身份。绑定码只能用一次，7天内有效。
            </View>
          </View>
          <View className='lzt-form'>
            <Field id='claim-code' label='绑定码'>
              <TextInput type='number' className='claim-code__input' value={code} onChange={setCode} placeholder='8位数字' maxlength={8} />
            </Field>
          </View>
          <FormError message={error} />
          <View className='lzt-btn-wrap'>
            <PrimaryButton id='claim-submit' disabled={busy} onClick={() => void submit()}>
              {busy ? '正在绑定…' : '确认绑定'}
            </PrimaryButton>
          </View>
        </>
      )}
      {gate.sheet}
    </PageShell>
  );
}
