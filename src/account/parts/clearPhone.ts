import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import type { MyHousehold } from './visitItems';

/** 删除手机号, after a confirm. Resolves to the updated household, an error message, or null if cancelled. */
export async function clearPhone(): Promise<{ household: MyHousehold } | { error: string } | null> {
  const answer = await Taro.showModal({
    title: '删除手机号？',
    content: '删除后邻长将看不到您的手机号，有事只能上门或通过微信群联系您。',
    confirmText: '删除',
    confirmColor: '#b71c1c',
    cancelText: '不删了',
  });
  if (!answer.confirm) return null;
  const reply = await call('household', 'update', { clearPhone: true });
  return reply.ok ? { household: reply.data.household } : { error: reply.error.message };
}
