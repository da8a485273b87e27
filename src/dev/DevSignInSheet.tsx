// H5 dev build only: an anonymous visitor of the local server is asked to sign in. In WeChat
// every caller already has an identity, so this sheet never exists there.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { NETWORK_ERROR } from '../api/client';
import PrimaryButton from '../components/PrimaryButton';
import './sheet.scss';

interface Props {
  onSignedIn: () => void;
  onCancel: () => void;
}

async function signInAsNewcomer(): Promise<string | null> {
  try {
    const res = await fetch('/__dev/signin', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'newcomer' }),
    });
    const json = (await res.json()) as { ok?: boolean; error?: { message?: string } };
    return json.ok ? null : json.error?.message ?? NETWORK_ERROR.message;
  } catch {
    return NETWORK_ERROR.message;
  }
}

export default function DevSignInSheet({ onSignedIn, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const problem = await signInAsNewcomer();
    setBusy(false);
    if (problem) return setError(problem);
    onSignedIn();
  }

  return (
    <View className='lzt-sheet' id='signin-sheet'>
      <View className='lzt-sheet__mask' onClick={onCancel} />
      <View className='lzt-sheet__panel'>
        <View className='lzt-sheet__title'>请先登录</View>
        <View className='lzt-sheet__text'>查看完整电话、绑定住户需要先登录。在微信里打开邻长通会自动登录。</View>
        <View className='lzt-sheet__text lzt-sub'>这是本地开发版，可以用演示账号继续。</View>
        {error ? <View className='lzt-sheet__error'>{error}</View> : null}
        <View className='lzt-sheet__actions'>
          <PrimaryButton id='signin-newcomer' disabled={busy} onClick={() => void go()}>
            {busy ? '正在登录…' : '以新用户身份继续'}
          </PrimaryButton>
          <PrimaryButton kind='default' id='signin-cancel' onClick={onCancel}>
            取消
          </PrimaryButton>
        </View>
      </View>
    </View>
  );
}
