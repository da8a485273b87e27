// 民情 figures for the tab pages: a handler's 待处理/已超时/已办结, the caller's open reports and
// unread 消息. The unread number is also the badge on the 我的 tab.
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../api/client';
import { call } from '../api/client';

export type MinqingCounts = Output<'minqing', 'counts'>;

/** The index of 我的 in app.config's tabBar. */
const ME_TAB = 2;

function showBadge(unread: number): void {
  const done = () => undefined;
  if (unread > 0) void Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  else void Taro.removeTabBarBadge({ index: ME_TAB }).catch(done);
}

/** Reads the counts and puts the unread number on the 我的 tab; null when not signed in or failed. */
export async function refreshMinqingBadge(): Promise<MinqingCounts | null> {
  const reply = await call('minqing', 'counts', {});
  if (!reply.ok) return null;
  showBadge(reply.data.unread);
  return reply.data;
}

/** The counts for a tab page, read again each time the page shows. `key` re-reads after a sign-in change. */
export function useMinqingCounts(key?: unknown): MinqingCounts | null {
  const [counts, setCounts] = useState<MinqingCounts | null>(null);
  const load = () => void refreshMinqingBadge().then(setCounts);
  useEffect(load, [key]);
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) load();
    shownOnce.current = true; // the first show is the effect's
  });
  return counts;
}
