// 民情恳谈会: the 片's meetings (片长, 组长, 邻长), or the published minutes of meetings that took
// up the caller's own problems (居民). The 片长 schedules one here.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../contracts/minqing-labels';
import { fetchWhoami } from '../api/whoami';
import { call } from '../api/client';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import CursorList from '../components/CursorList';
import EmptyState from '../components/EmptyState';
import { formatDateTime } from './parts/labels';
import MeetingForm from './parts/MeetingForm';
import { useCursorPaged } from '../hooks/useCursorPaged';
import type { Meeting, MeetingsReply } from './types';
import { pageUrl } from '../utils/pageUrl';
import '../components/work.scss';
import './minqing.scss';

function MeetingCell({ m }: { m: Meeting }) {
  const decided = m.items.filter((i) => i.outcome).length;
  return (
    <View id={`meeting-${m.id}`} className='lzt-cell lzt-cell--link mq-row' hoverClass='lzt-cell--active' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/meeting', { id: m.id }) })}>
      <View className='lzt-cell__body'>
        <View className='mq-row__head'>
          <View className='mq-row__category'>{m.title}</View>
          <View className={`lzt-chip mq-row__status lzt-chip--${m.status === 'published' ? 'done' : 'partial'}`}>{MEETING_STATUS_LABELS[m.status]}</View>
        </View>
        <View className='lzt-sub mq-row__meta'>
          {formatDateTime(m.startsAt)} · {m.place}
        </View>
        <View className='lzt-sub mq-row__meta'>
          议题 {m.items.length} 项{m.items.length ? `，已议定 ${decided} 项` : ''}
        </View>
      </View>
      <View className='lzt-cell__arrow' />
    </View>
  );
}

export default function MeetingsPage() {
  const who = useCall(fetchWhoami, []);
  const list = useCursorPaged<Meeting, MeetingsReply>((cursor) => call('minqing', 'meetings', { ...(cursor ? { cursor } : {}), pageSize: 20 }), []);
  const [scheduling, setScheduling] = useState(false);
  const areaLead = who.data?.roles.includes('areaLead') ?? false;

  return (
    <PageShell name='minqing-meetings'>
      <View className='lzt-card'>
        <View className='lzt-title'>民情恳谈会</View>
        <View className='lzt-sub'>小事由片长提交村社民情恳谈会，大家商量着解决；议定结果写进纪要，公布后反映人都能看到。</View>
      </View>
      {areaLead && !scheduling ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='meetings-schedule' onClick={() => setScheduling(true)}>
            安排恳谈会
          </PrimaryButton>
        </View>
      ) : null}
      {scheduling ? (
        <MeetingForm
          onCancel={() => setScheduling(false)}
          onScheduled={(m) => {
            setScheduling(false);
            void list.reload();
            void Taro.navigateTo({ url: pageUrl('minqing/meeting', { id: m.id }) });
          }}
        />
      ) : null}
      <CursorList
        state={list}
        id='meetings-list'
        empty={
          <EmptyState
            id='meetings-list-empty'
            title={areaLead ? '本片还没有安排恳谈会' : '还没有恳谈会纪要'}
            description={areaLead ? '点“安排恳谈会”，本片未办结的小事会自动列入议题。' : '您反映的小事上了恳谈会、纪要公布后，会显示在这里。'}
          />
        }
      >
        {(items) => (
          <View className='lzt-cells'>
            {items.map((m) => (
              <MeetingCell key={m.id} m={m} />
            ))}
          </View>
        )}
      </CursorList>
    </PageShell>
  );
}
