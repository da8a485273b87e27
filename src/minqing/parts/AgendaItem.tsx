// One item of a 民情恳谈会's agenda: the problem, and (for the 片长 before publishing) the
// minutes for it: the decision and what happens next; or taking it off the agenda.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MEETING_OUTCOMES, MEETING_OUTCOME_LABELS } from '../../../contracts/minqing-labels';
import { call } from '../../api/client';
import ChoiceList from '../../components/form/ChoiceList';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import type { Meeting, MeetingItem } from '../types';
import { pageUrl } from '../../utils/pageUrl';
import '../minqing.scss';

type Outcome = (typeof MEETING_OUTCOMES)[number];
const OUTCOME_BY_LABEL = Object.fromEntries(MEETING_OUTCOMES.map((o) => [MEETING_OUTCOME_LABELS[o], o])) as Record<string, Outcome>;

interface Props {
  meetingId: string;
  item: MeetingItem;
  index: number;
  editable: boolean;
  onChanged: (m: Meeting) => void;
}

export default function AgendaItem({ meetingId, item, index, editable, onChanged }: Props) {
  const [mode, setMode] = useState<'view' | 'minutes' | 'drop'>('view');
  const [decision, setDecision] = useState(item.decision ?? '');
  const [outcome, setOutcome] = useState<Outcome>(item.outcome ?? 'resolve');
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();

  async function saveMinutes() {
    const d = decision.trim();
    if (!d) return setError('请写下会上议定的结果');
    const reply = await run('minutes', () => call('minqing', 'recordMinutes', { meetingId, problemId: item.problemId, decision: d, outcome }));
    if (reply) {
      setMode('view');
      onChanged(reply.meeting);
    }
  }

  async function drop() {
    const r = reason.trim();
    const reply = await run('drop', () => call('minqing', 'agendaDrop', { meetingId, problemId: item.problemId, ...(r ? { reason: r } : {}) }));
    if (reply) onChanged(reply.meeting);
  }

  return (
    <View className='lzt-cell mq-agenda' id={`agenda-${item.problemId}`}>
      <View className='lzt-cell__body'>
        <View className='mq-row__head' onClick={() => void Taro.navigateTo({ url: pageUrl('minqing/detail', { id: item.problemId }) })}>
          <View className='mq-row__category'>
            议题{index + 1}：{item.categoryLabel}
          </View>
          <View className='lzt-sub'>{item.number}</View>
        </View>
        <View className='mq-row__summary'>{item.summary}</View>
        {item.decision && mode === 'view' ? (
          <View className='mq-agenda__decision' id={`agenda-${item.problemId}-decision`}>
            {item.outcome ? `【${MEETING_OUTCOME_LABELS[item.outcome]}】` : ''}
            {item.decision}
          </View>
        ) : null}
        {editable && mode === 'view' ? (
          <View className='mq-agenda__tools'>
            <PrimaryButton id={`agenda-${item.problemId}-minutes`} onClick={() => setMode('minutes')}>
              {item.decision ? '修改议定结果' : '记录议定结果'}
            </PrimaryButton>
            {item.decision ? null : (
              <PrimaryButton id={`agenda-${item.problemId}-drop`} kind='default' onClick={() => setMode('drop')}>
                移出议题
              </PrimaryButton>
            )}
          </View>
        ) : null}
        {mode === 'minutes' ? (
          <View className='mq-sheet' id={`agenda-${item.problemId}-form`}>
            <Field id={`agenda-${item.problemId}-text`} label='会上议定'>
              <TextArea value={decision} onChange={(v) => { setDecision(v); setError(''); }} maxlength={500} placeholder='例如：物业本周内更换楼道灯，组长跟进' />
            </Field>
            <Field id={`agenda-${item.problemId}-outcome`} label='议定后'>
              <ChoiceList
                id={`agenda-${item.problemId}-outcomes`}
                options={MEETING_OUTCOMES.map((o) => MEETING_OUTCOME_LABELS[o])}
                value={MEETING_OUTCOME_LABELS[outcome]}
                onChange={(label) => setOutcome(OUTCOME_BY_LABEL[label])}
              />
            </Field>
            <FormError message={error || null} />
            <View className='mq-agenda__tools'>
              <PrimaryButton kind='default' onClick={() => setMode('view')}>
                取消
              </PrimaryButton>
              <PrimaryButton id={`agenda-${item.problemId}-save`} disabled={busy !== null} loading={busy !== null || undefined} onClick={() => void saveMinutes()}>
                保存
              </PrimaryButton>
            </View>
          </View>
        ) : null}
        {mode === 'drop' ? (
          <View className='mq-sheet' id={`agenda-${item.problemId}-drop-form`}>
            <Field id={`agenda-${item.problemId}-reason`} label='移出的原因' optional>
              <TextArea value={reason} onChange={setReason} maxlength={500} placeholder='例如：已由邻长解决，不必上会' />
            </Field>
            <FormError message={error || null} />
            <View className='mq-agenda__tools'>
              <PrimaryButton kind='default' onClick={() => setMode('view')}>
                取消
              </PrimaryButton>
              <PrimaryButton id={`agenda-${item.problemId}-drop-confirm`} kind='warn' disabled={busy !== null} onClick={() => void drop()}>
                确认移出
              </PrimaryButton>
            </View>
          </View>
        ) : null}
      </View>
    </View>
  );
}
