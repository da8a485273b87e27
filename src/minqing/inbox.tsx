// 消息: every step of the caller's problems (and published minutes), newest first. Opening the
// list marks what it shows as read, so the badge on 我的 goes down.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import PageShell from '../components/PageShell';
import { refreshMinqingBadge } from '../hooks/useMinqingCounts';
import CursorList from '../components/CursorList';
import EmptyState from '../components/EmptyState';
import { formatDateTime } from './parts/labels';
import { useCursorPaged } from '../hooks/useCursorPaged';
import type { InboxMessage, InboxReply } from './types';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './minqing.scss';

function open(m: InboxMessage) {
  if (m.problemId) void Taro.navigateTo({ url: pageUrl('minqing/detail', { id: m.problemId }) });
  else if (m.meetingId) void Taro.navigateTo({ url: pageUrl('minqing/meeting', { id: m.meetingId }) });
}

export default function InboxPage() {
  const list = useCursorPaged<InboxMessage, InboxReply>((cursor) => call('minqing', 'inbox', { ...(cursor ? { cursor } : {}), pageSize: 20 }), []);
  const marked = useRef(new Set<string>());

  // What is on screen and unread is marked read once (the dots stay until the next visit).
  useEffect(() => {
    const ids = list.items.filter((m) => !m.read && !marked.current.has(m.id)).map((m) => m.id);
    if (ids.length === 0) return;
    ids.forEach((i) => marked.current.add(i));
    void (async () => {
      for (let i = 0; i < ids.length; i += 50) await call('minqing', 'readInbox', { ids: ids.slice(i, i + 50) });
      void refreshMinqingBadge();
    })();
  }, [list.items]);

  const unread = list.first?.unread ?? 0;
  return (
    <PageShell name='minqing-inbox'>
      <View className='lzt-section-title' id='inbox-unread'>
        {list.first ? (unread ? `${unread} 条未读` : '没有未读消息') : '消息'}
      </View>
      <CursorList state={list} id='inbox-list' empty={<EmptyState id='inbox-list-empty' title='还没有消息' description='您反映的问题每办理一步，都会在这里告诉您。' />}>
        {(items) => (
          <View className='lzt-cells'>
            {items.map((m) => (
              <View
                key={m.id}
                id={`msg-${m.id}`}
                className={`lzt-cell mq-msg${m.read ? '' : ' mq-msg--unread'}${m.problemId || m.meetingId ? ' lzt-cell--link' : ''}`}
                hoverClass='lzt-cell--active'
                onClick={() => open(m)}
              >
                <View className='lzt-cell__body'>
                  <View className='mq-msg__title'>{m.title}</View>
                  <View className='mq-msg__body'>{m.body}</View>
                  <View className='lzt-sub'>{formatDateTime(m.at)}</View>
                </View>
                {m.problemId || m.meetingId ? <View className='lzt-cell__arrow' /> : null}
              </View>
            ))}
          </View>
        )}
      </CursorList>
    </PageShell>
  );
}
