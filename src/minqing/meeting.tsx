// One 民情恳谈会: when and where, who was invited, the agenda with the minutes per item; the 片长
// adds or drops items, records each decision and publishes the minutes (then the residents whose
// problems were on the agenda can read them).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { MEETING_STATUS_LABELS } from '../../contracts/minqing-labels';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { Cell, CellGroup } from '../components/Cell';
import ErrorState from '../components/ErrorState';
import { Field, FormError, TextArea } from '../components/form/Field';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useAction } from '../hooks/useAction';
import { useCall } from '../hooks/useCall';
import { decodeParam } from '../utils/pageUrl';
import AgendaItem from './parts/AgendaItem';
import { formatDateTime } from './parts/labels';
import type { Meeting, MeetingReply } from './types';
import '../components/work.scss';
import './minqing.scss';

function Candidates({ meetingId, rows, onChanged }: { meetingId: string; rows: MeetingReply['candidates']; onChanged: (m: Meeting) => void }) {
  const { busy, error, run } = useAction();
  if (rows.length === 0) return null;
  const add = async (problemId: string) => {
    const reply = await run(problemId, () => call('minqing', 'agendaAdd', { meetingId, problemId }));
    if (reply) onChanged(reply.meeting);
  };
  return (
    <CellGroup title='本片还没上会的小事' className='mq-candidates'>
      {rows.map((r) => (
        <Cell
          key={r.id}
          id={`candidate-${r.id}`}
          title={`${r.categoryLabel}：${r.summary}`}
          description={`${r.number} · ${r.unitName}`}
          value={
            <PrimaryButton id={`candidate-${r.id}-add`} kind='default' className='mq-candidate__add' disabled={busy !== null} onClick={() => void add(r.id)}>
              列入议题
            </PrimaryButton>
          }
        />
      ))}
      <FormError message={error || null} />
    </CellGroup>
  );
}

function Publish({ meeting, onChanged }: { meeting: Meeting; onChanged: (m: Meeting) => void }) {
  const [summary, setSummary] = useState(meeting.summary ?? '');
  const { busy, error, setError, run } = useAction();
  const undecided = meeting.items.filter((i) => !i.outcome).length;
  async function publish() {
    if (undecided > 0) return setError(`还有 ${undecided} 个议题没有记录议定结果`);
    const s = summary.trim();
    const reply = await run('publish', () => call('minqing', 'publishMinutes', { meetingId: meeting.id, ...(s ? { summary: s } : {}) }));
    if (reply) {
      void Taro.showToast({ title: '纪要已公布', icon: 'success' });
      onChanged(reply.meeting);
    }
  }
  return (
    <View id='meeting-publish'>
      <View className='lzt-section-title'>公布纪要</View>
      <View className='lzt-form'>
        <Field id='meeting-summary' label='会议小结' optional hint='公布后，议题涉及的居民都能看到纪要，议定办结的问题转为待评价。'>
          <TextArea value={summary} onChange={setSummary} maxlength={1000} placeholder='例如：本次恳谈会到会12人，议定3件事……' />
        </Field>
      </View>
      <FormError message={error || null} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='meeting-publish-submit' disabled={busy !== null || meeting.items.length === 0} loading={busy !== null || undefined} onClick={() => void publish()}>
          公布纪要
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function MeetingPage() {
  const id = decodeParam(useRouter().params.id);
  const loaded = useCall(() => call('minqing', 'meeting', { id }), [id], { refreshOnShow: true });
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  useEffect(() => setMeeting(null), [loaded.data]);
  const d = loaded.data;

  if (!d) {
    return (
      <PageShell name='minqing-meeting'>
        {isFinalError(loaded.error) ? (
          <BlockedState error={loaded.error} />
        ) : loaded.error ? (
          <ErrorState error={loaded.error} onRetry={() => void loaded.reload()} />
        ) : (
          <Loading text='正在读取…' />
        )}
      </PageShell>
    );
  }
  const m = meeting ?? d.meeting;
  const editable = d.canEdit && m.status === 'scheduled';
  const changed = (next: Meeting) => {
    setMeeting(next);
    // The candidates (open 小事 not yet on the agenda) change with it.
    void loaded.reload().then(() => setMeeting(null));
  };
  const onAgenda = new Set(m.items.map((i) => i.problemId));
  return (
    <PageShell name='minqing-meeting'>
      <View className='lzt-card'>
        <View className='lzt-title' id='meeting-title'>
          {m.title}
        </View>
        <View className='mq-head__line'>
          <View className={`lzt-chip lzt-chip--${m.status === 'published' ? 'done' : 'partial'}`} id='meeting-status'>
            {MEETING_STATUS_LABELS[m.status]}
          </View>
        </View>
      </View>
      <CellGroup title='会议'>
        <Cell title='时间' value={formatDateTime(m.startsAt)} />
        <Cell title='地点' value={m.place} />
        <Cell title='片' value={m.areaName} />
        {m.invitees.length ? <Cell id='meeting-invitees-list' title='邀请参加' description={m.invitees.join('、')} /> : null}
        {m.publishedAt ? <Cell title='纪要公布' value={formatDateTime(m.publishedAt)} /> : null}
      </CellGroup>
      {m.summary ? (
        <CellGroup title='会议小结'>
          <View className='lzt-cell'>
            <View className='lzt-cell__body mq-head__desc' id='meeting-summary-text'>
              {m.summary}
            </View>
          </View>
        </CellGroup>
      ) : null}
      <View className='lzt-section-title'>{m.status === 'published' ? `纪要（${m.items.length} 个议题）` : `议题（${m.items.length} 项）`}</View>
      <View className='lzt-cells' id='meeting-agenda'>
        {m.items.length === 0 ? (
          <View className='lzt-cell' id='meeting-agenda-empty'>
            <View className='lzt-cell__body lzt-sub'>还没有议题</View>
          </View>
        ) : (
          m.items.map((item, i) => <AgendaItem key={item.problemId} meetingId={m.id} item={item} index={i} editable={editable} onChanged={changed} />)
        )}
      </View>
      {editable ? <Candidates meetingId={m.id} rows={d.candidates.filter((r) => !onAgenda.has(r.id))} onChanged={changed} /> : null}
      {editable ? <Publish meeting={m} onChanged={changed} /> : null}
    </PageShell>
  );
}
