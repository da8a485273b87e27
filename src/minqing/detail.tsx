// One problem: what was reported, where it is now, the whole timeline, and what the caller may do
// (handlers: accept, classify, progress, resolve, assign, escalate, 督办; the resident: confirm and rate).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ESCALATION_TARGET_LABELS, RATING_LABELS } from '../../contracts/minqing-labels';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { Cell, CellGroup } from '../components/Cell';
import ErrorState from '../components/ErrorState';
import PhotoRow from '../components/PhotoRow';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import ActionPanel from './parts/ActionPanel';
import { classLabel, dueText, formatDateTime, handlerText, statusChip } from './parts/labels';
import RateForm from './parts/RateForm';
import Timeline from './parts/Timeline';
import type { Problem, ProblemReply } from './types';
import '../components/work.scss';
import './minqing.scss';

function Head({ p }: { p: Problem }) {
  const chip = statusChip(p);
  return (
    <View className='lzt-card mq-head' id='problem-head'>
      <View className='lzt-title' id='problem-category'>
        {p.categoryLabel}
      </View>
      <View className='mq-head__line'>
        <View className={`lzt-chip lzt-chip--${chip.tone}`} id='problem-status'>
          {chip.text}
        </View>
        <View className='lzt-chip lzt-chip--none' id='problem-class'>
          {classLabel(p.class)}
        </View>
        {p.urgent ? <View className='lzt-chip lzt-chip--warn'>紧急</View> : null}
        {p.anonymous ? <View className='lzt-chip lzt-chip--none'>对邻居匿名</View> : null}
      </View>
      <View className='mq-head__desc' id='problem-description'>
        {p.description}
      </View>
      <PhotoRow id='problem-photos' ids={p.photos} />
    </View>
  );
}

function Facts({ p }: { p: Problem }) {
  const due = dueText(p);
  return (
    <CellGroup title='办理情况'>
      <Cell id='problem-number' title='反映编号' value={p.number} />
      <Cell id='problem-handler' title='现在由' value={handlerText(p.handler)} />
      {p.department ? <Cell id='problem-department' title='交办部门' value={p.department.name} /> : null}
      {p.handedBack ? <Cell id='problem-handed-back' title='部门退回' value={`${p.handedBack.from}：${p.handedBack.reason}`} /> : null}
      {p.sentUp ? <Cell id='problem-sent-up' title='已上报' value={ESCALATION_TARGET_LABELS[p.sentUp]} /> : null}
      {due ? <Cell id='problem-due' title='办理时限' value={due} /> : null}
      {p.place ? <Cell id='problem-place' title='地点' value={p.place} /> : null}
      <Cell title='提交时间' value={formatDateTime(p.createdAt)} />
      {p.reporter ? (
        <Cell
          id='problem-reporter'
          title='反映人'
          value={`${p.reporter.name}${p.reporter.onBehalfBy ? `（${p.reporter.onBehalfBy}走访时登记）` : ''}`}
          description={p.reporter.phone ? `电话 ${p.reporter.phone}（本人同意联系）` : undefined}
          onClick={p.reporter.phone ? () => void Taro.makePhoneCall({ phoneNumber: p.reporter!.phone! }) : undefined}
        />
      ) : null}
      {p.meetingId ? <Cell id='problem-meeting' title='民情恳谈会' value='查看议题与纪要' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/meeting', { id: p.meetingId! }) })} /> : null}
      {p.rating ? (
        <Cell
          id='problem-rating'
          title='居民评价'
          value={<View className='mq-stars'>{'★'.repeat(p.rating.stars)}</View>}
          description={p.rating.auto ? '7天内未评价，默认满意' : `${RATING_LABELS[p.rating.stars]}${p.rating.comment ? `：${p.rating.comment}` : ''}`}
        />
      ) : null}
    </CellGroup>
  );
}

export default function DetailPage() {
  const id = decodeParam(useRouter().params.id);
  const loaded = useCall(() => call('minqing', 'get', { id }), [id], { refreshOnShow: true });
  const [fresh, setFresh] = useState<ProblemReply | null>(null);
  useEffect(() => setFresh(null), [loaded.data]);
  const d = fresh ?? loaded.data;

  const changed = (reply: ProblemReply | null) => {
    if (reply) setFresh(reply);
    else void loaded.reload();
    void Taro.showToast({ title: '已提交', icon: 'success' });
  };

  let body;
  if (!d) {
    if (isFinalError(loaded.error)) body = <BlockedState error={loaded.error} />;
    else if (loaded.error) body = <ErrorState error={loaded.error} onRetry={() => void loaded.reload()} />;
    else body = <Loading text='正在读取…' />;
  } else {
    body = (
      <>
        <Head p={d.problem} />
        {d.can.includes('rate') ? <RateForm problem={d.problem} onDone={changed} /> : null}
        <ActionPanel problem={d.problem} can={d.can} onChanged={changed} />
        <Facts p={d.problem} />
        <View className='lzt-section-title'>办理经过（共 {d.timeline.length} 步）</View>
        <Timeline entries={d.timeline} />
      </>
    );
  }
  return <PageShell name='minqing-detail'>{body}</PageShell>;
}
