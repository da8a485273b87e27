// 开发登录: only in the H5 build against the local dev server, which alone serves /__dev.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';
import { NETWORK_ERROR } from '../api/client';
import CallView from '../components/CallView';
import { Cell, CellGroup } from '../components/Cell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';

interface DevUser {
  key: string;
  label: string;
  description: string;
}

async function devRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Reply<T>;
    return typeof json === 'object' && json !== null && 'ok' in json ? json : { ok: false, error: NETWORK_ERROR };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

function showError(error: AppErrorBody) {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
}

interface Props {
  signedIn?: boolean;
  /** Called after a sign-in or sign-out so the page re-reads whoami. */
  onChange: () => void;
}

export default function DevSignIn({ signedIn, onChange }: Props) {
  const users = useCall(() => devRequest<DevUser[]>('GET', '/__dev/users'), []);
  const [busy, setBusy] = useState(false);

  async function run(path: string, body: unknown, done: string) {
    if (busy) return;
    setBusy(true);
    const reply = await devRequest<unknown>('POST', path, body);
    setBusy(false);
    if (!reply.ok) return showError(reply.error);
    void Taro.showToast({ title: done, icon: 'success' });
    onChange();
  }

  return (
    <View id='dev-signin'>
      <CallView state={users} isEmpty={(list) => list.length === 0} empty={null}>
        {(list) => (
          <CellGroup title='开发登录（仅本地开发版）' footer='选择一位演示用户登录，体验不同角色看到的内容。' className='dev-signin'>
            {list.map((u) => (
              <Cell
                key={u.key}
                className={`dev-user dev-user--${u.key}`}
                title={u.label}
                description={u.description}
                onClick={() => void run('/__dev/signin', { key: u.key }, '已登录')}
              />
            ))}
          </CellGroup>
        )}
      </CallView>
      {signedIn === false ? null : (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='dev-signout' kind='warn' onClick={() => void run('/__dev/signout', {}, '已退出')}>
            退出登录
          </PrimaryButton>
        </View>
      )}
    </View>
  );
}
