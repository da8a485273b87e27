// 安排民情恳谈会 (片长): when (Beijing date and time wheels), where, who is invited. The 片's
// open 小事 join the agenda by themselves; the 片长 adds or drops items on the meeting's page.
import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/client';
import { Field, FormError, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import { DAY_MS, formatDate, formatTime, fromPickers } from '../../utils/beijingTime';
import type { Meeting } from '../types';
import '../../components/form/form.scss';
import '../minqing.scss';

/** Tomorrow 19:30, Beijing time: when residents are home. */
function tomorrowEvening(now: number): number {
  return fromPickers(formatDate(now + DAY_MS), '19:30');
}

/** 张三、李四 / 张三,李四 / one per line → names. */
export const splitNames = (text: string) =>
  text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export default function MeetingForm({ onScheduled, onCancel }: { onScheduled: (m: Meeting) => void; onCancel: () => void }) {
  const [startsAt, setStartsAt] = useState(() => tomorrowEvening(Date.now()));
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [invitees, setInvitees] = useState('');
  const { busy, error, setError, run } = useAction();
  const date = formatDate(startsAt);
  const time = formatTime(startsAt);

  async function submit() {
    if (!place.trim()) return setError('请填写开会地点');
    const names = splitNames(invitees);
    if (names.some((n) => n.length > 20)) return setError('每个名字不超过20个字，名字之间用顿号隔开');
    const t = title.trim();
    const reply = await run('schedule', () => call('minqing', 'scheduleMeeting', { startsAt, place: place.trim(), invitees: names, ...(t ? { title: t } : {}) }));
    if (reply) onScheduled(reply.meeting);
  }

  return (
    <View id='meeting-form' className='mq-sheet'>
      <View className='lzt-section-title'>安排一次民情恳谈会</View>
      <View className='lzt-form'>
        <Field id='meeting-title' label='会议名称' optional hint='不填时按片名和日期命名'>
          <TextInput value={title} onChange={setTitle} maxlength={40} placeholder='例如：第一片12月民情恳谈会' />
        </Field>
        <Field id='meeting-time' label='时间（北京时间）'>
          <View className='mq-datetime'>
            <Picker mode='date' value={date} onChange={(e) => setStartsAt(fromPickers(String(e.detail.value), time))}>
              <View className='mq-datetime__part' id='meeting-date'>
                {date}
              </View>
            </Picker>
            <Picker mode='time' value={time} onChange={(e) => setStartsAt(fromPickers(date, String(e.detail.value)))}>
              <View className='mq-datetime__part' id='meeting-clock'>
                {time}
              </View>
            </Picker>
          </View>
        </Field>
        <Field id='meeting-place' label='地点'>
          <TextInput value={place} onChange={(v) => { setPlace(v); setError(''); }} maxlength={60} placeholder='例如：社区党群服务中心二楼会议室' />
        </Field>
        <Field id='meeting-invitees' label='邀请参加' optional hint='组长、邻长、居民代表的名字，用顿号隔开'>
          <TextInput value={invitees} onChange={setInvitees} maxlength={400} placeholder='例如：张组长、李邻长、王大爷' />
        </Field>
      </View>
      <FormError message={error || null} />
      <View className='mq-agenda__tools lzt-pad'>
        <PrimaryButton kind='default' onClick={onCancel}>
          取消
        </PrimaryButton>
        <PrimaryButton id='meeting-schedule-submit' disabled={busy !== null} loading={busy !== null || undefined} onClick={() => void submit()}>
          {busy ? '正在提交…' : '安排会议'}
        </PrimaryButton>
      </View>
    </View>
  );
}
