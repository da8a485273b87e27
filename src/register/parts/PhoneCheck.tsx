// 用微信手机号验证: the applicant proves the phone of their 自荐 is theirs. In WeChat the button
// is open-type="getPhoneNumber" and hands over a one-time code; the register function reads
// the number from it (phonenumber.getPhoneNumber) and compares. H5 (the local dev server)
// shows DevPhoneSheet instead, compiled out of weapp.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { FormError } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import DevPhoneSheet from '../../dev/DevPhoneSheet';
import { useAction } from '../../hooks/useAction';
import type { Application } from './labels';

interface Props {
  a: Application;
  onConfirmed: (a: Application) => void;
}

export default function PhoneCheck({ a, onConfirmed }: Props) {
  const { busy, error, setError, run } = useAction();
  const [sheet, setSheet] = useState(false);

  async function confirm(code: string) {
    setSheet(false);
    const data = await run('confirm', () => call('register', 'confirmPhone', { id: a.id, code }));
    if (!data) return;
    void Taro.showToast({ title: '手机号已验证', icon: 'success' });
    onConfirmed(data.application);
  }

  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className='application__phone-check' id={`phone-check-${a.id}`}>
      <View className='application__note'>请用微信绑定的手机号验证您填写的号码，社区审核会更快。</View>
      <PrimaryButton
        kind='default'
        className='phone-check__button'
        disabled={!!busy}
        {...(weapp
          ? {
              openType: 'getPhoneNumber' as const,
              onGetPhoneNumber: (e) => {
                const code = (e.detail as { code?: string }).code;
                if (code) void confirm(code);
                else setError('没有取得微信手机号：需要您在弹窗里点“允许”');
              },
            }
          : { onClick: () => setSheet(true) })}
      >
        {busy ? '正在验证…' : '用微信手机号验证'}
      </PrimaryButton>
      <FormError message={error} />
      {process.env.TARO_ENV === 'h5' && sheet ? <DevPhoneSheet onCode={(code) => void confirm(code)} onCancel={() => setSheet(false)} /> : null}
    </View>
  );
}
