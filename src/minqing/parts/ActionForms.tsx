// The small forms behind each handler action on a problem's page. Each one calls its action and
// hands the fresh problem (with its timeline) back; a refused text shows the server's message.
import { View } from '@tarojs/components';
import { useState } from 'react';
import {
  ESCALATION_TARGETS,
  ESCALATION_TARGET_LABELS,
  PROBLEM_CLASSES,
  PROBLEM_CLASS_HINTS,
  PROBLEM_CLASS_LABELS,
} from '../../../contracts/minqing-labels';
import { call } from '../../api/client';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PhotoPicker from '../../components/PhotoPicker';
import Loading from '../../components/Loading';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import { useCall } from '../../hooks/useCall';
import type { Problem, ProblemReply } from '../types';
import { formatDateTime } from './labels';
import '../../components/form/form.scss';
import '../minqing.scss';

const NOTE_MAX = 500;
type Klass = (typeof PROBLEM_CLASSES)[number];

export interface FormProps {
  problem: Problem;
  onDone: (reply: ProblemReply | null) => void;
  onCancel: () => void;
}

function Buttons({ id, label, busy, onSubmit, onCancel }: { id: string; label: string; busy: boolean; onSubmit: () => void; onCancel: () => void }) {
  return (
    <View className='mq-agenda__tools lzt-pad mq-sheet__buttons'>
      <PrimaryButton kind='default' className='mq-sheet__cancel' onClick={onCancel}>
        取消
      </PrimaryButton>
      <PrimaryButton id={`${id}-submit`} disabled={busy} loading={busy || undefined} onClick={onSubmit}>
        {busy ? '正在提交…' : label}
      </PrimaryButton>
    </View>
  );
}

/** Big radio cells with a grey hint under each. */
function Options<T extends string>({ id, items, value, onChange }: { id: string; items: { key: T; label: string; hint?: string }[]; value: T | ''; onChange: (k: T) => void }) {
  return (
    <View className='lzt-choices mq-options' id={id}>
      {items.map((o) => (
        <View
          key={o.key}
          id={`${id}-${o.key}`}
          className={`lzt-choice${o.key === value ? ' lzt-choice--on' : ''}`}
          hoverClass='lzt-choice--active'
          aria-role='radio'
          aria-checked={o.key === value}
          onClick={() => onChange(o.key)}
        >
          <View className='lzt-choice__text'>
            {o.label}
            {o.hint ? <View className='lzt-sub'>{o.hint}</View> : null}
          </View>
          <View className='lzt-choice__mark'>{o.key === value ? '✓' : ''}</View>
        </View>
      ))}
    </View>
  );
}

/** 受理 / 督办 / 办理进展 / 办结 / 部门退回社区: a note (required or not), photos for progress and resolve. */
export function NoteForm({ problem, onDone, onCancel, kind }: FormProps & { kind: 'accept' | 'urge' | 'progress' | 'resolve' | 'handBack' }) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const { busy, error, setError, run } = useAction();
  const withPhotos = kind === 'progress' || kind === 'resolve';
  const required = kind !== 'accept';
  const text = {
    accept: { label: '受理说明', hint: '选填，例如：已联系住户，明天上门查看', button: '确认受理' },
    urge: { label: '督办要求', hint: '写明要求和期限，办理人会收到提醒', button: '确认督办' },
    progress: { label: '办理进展', hint: '例如：已联系物业，配件明天到', button: '记录进展' },
    resolve: { label: '办理结果', hint: '写清楚怎么解决的，居民确认后评价', button: '确认办结' },
    handBack: { label: '退回理由', hint: '例如：不属于本部门职责，应由区城管局办理。社区会重新分派', button: '确认退回' },
  }[kind];

  async function submit() {
    const n = note.trim();
    if (required && !n) return setError(`请填写${text.label}`);
    const id = problem.id;
    const reply = await run(kind, () => {
      if (kind === 'accept') return call('minqing', 'accept', { id, ...(n ? { note: n } : {}) });
      if (kind === 'urge') return call('minqing', 'urge', { id, note: n });
      if (kind === 'handBack') return call('minqing', 'handBack', { id, reason: n });
      return call('minqing', kind, { id, note: n, photos });
    });
    if (reply) onDone(reply);
  }

  return (
    <View className='mq-sheet' id={`sheet-${kind}`}>
      <View className='lzt-form'>
        <Field id={`${kind}-note`} label={text.label} optional={!required} hint={text.hint}>
          <TextArea value={note} onChange={(v) => { setNote(v); setError(''); }} maxlength={NOTE_MAX} />
        </Field>
        {withPhotos ? (
          <Field id={`${kind}-photos`} label='照片' optional>
            <PhotoPicker id={`${kind}-photo-picker`} value={photos} onChange={setPhotos} max={9} folder='minqing' />
          </Field>
        ) : null}
      </View>
      <FormError message={error || null} />
      <Buttons id={kind} label={text.button} busy={busy !== null} onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}

/** 三事分流 (classify), or 重新分类 with a reason. */
export function ClassifyForm({ problem, onDone, onCancel, again }: FormProps & { again: boolean }) {
  const [klass, setKlass] = useState<Klass | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const items = PROBLEM_CLASSES.filter((c) => !again || c !== problem.class).map((c) => ({ key: c, label: PROBLEM_CLASS_LABELS[c], hint: PROBLEM_CLASS_HINTS[c] }));

  async function submit() {
    if (!klass) return setError('请选择私事、小事或大事');
    const n = note.trim();
    if (again && !n) return setError('请写明重新分类的理由');
    const reply = await run('classify', () =>
      again ? call('minqing', 'reclassify', { id: problem.id, class: klass, reason: n }) : call('minqing', 'classify', { id: problem.id, class: klass, ...(n ? { note: n } : {}) }),
    );
    if (reply) onDone(reply);
  }

  const id = again ? 'reclassify' : 'classify';
  return (
    <View className='mq-sheet' id={`sheet-${id}`}>
      <View className='lzt-section-title'>{again ? '重新分类' : '三事分流：这是一件'}</View>
      <Options id={`${id}-class`} items={items} value={klass} onChange={(k) => { setKlass(k); setError(''); }} />
      <View className='lzt-form'>
        <Field id={`${id}-note`} label={again ? '重新分类的理由' : '说明'} optional={!again}>
          <TextArea value={note} onChange={(v) => { setNote(v); setError(''); }} maxlength={NOTE_MAX} />
        </Field>
      </View>
      <FormError message={error || null} />
      <Buttons id={id} label='确认分类' busy={busy !== null} onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}

/** 交部门办理: pick one of the district's 部门. */
export function AssignForm({ problem, onDone, onCancel }: FormProps) {
  const departments = useCall(() => call('minqing', 'departments', {}), []);
  const [dept, setDept] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (!dept) return setError('请选择交办的部门');
    const n = note.trim();
    const reply = await run('assign', () => call('minqing', 'assign', { id: problem.id, departmentId: dept, ...(n ? { note: n } : {}) }));
    if (reply) onDone(reply);
  }

  const items = departments.data?.items ?? [];
  return (
    <View className='mq-sheet' id='sheet-assign'>
      <View className='lzt-section-title'>交给哪个部门办理</View>
      {departments.data ? (
        items.length ? (
          <Options id='assign-department' items={items.map((d) => ({ key: d.id, label: d.name }))} value={dept} onChange={(k) => { setDept(k); setError(''); }} />
        ) : (
          <View className='lzt-pad lzt-sub'>还没有可交办的部门，请联系区里开通部门账号</View>
        )
      ) : departments.error ? (
        <FormError message={departments.error.message} />
      ) : (
        <Loading text='正在读取部门…' />
      )}
      <View className='lzt-form'>
        <Field id='assign-note' label='交办说明' optional>
          <TextArea value={note} onChange={setNote} maxlength={NOTE_MAX} />
        </Field>
      </View>
      <FormError message={error || null} />
      <Buttons id='assign' label='确认交办' busy={busy !== null} onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}

/** 上报镇街或区. */
export function EscalateForm({ problem, onDone, onCancel }: FormProps) {
  const [to, setTo] = useState<(typeof ESCALATION_TARGETS)[number] | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (!to) return setError('请选择上报到镇街还是区');
    const n = note.trim();
    if (!n) return setError('请写明上报的原因');
    const reply = await run('escalate', () => call('minqing', 'escalate', { id: problem.id, to, note: n }));
    if (reply) onDone(reply);
  }

  return (
    <View className='mq-sheet' id='sheet-escalate'>
      <View className='lzt-section-title'>上报到</View>
      <Options id='escalate-to' items={ESCALATION_TARGETS.map((t) => ({ key: t, label: ESCALATION_TARGET_LABELS[t] }))} value={to} onChange={(k) => { setTo(k); setError(''); }} />
      <View className='lzt-form'>
        <Field id='escalate-note' label='上报原因'>
          <TextArea value={note} onChange={(v) => { setNote(v); setError(''); }} maxlength={NOTE_MAX} />
        </Field>
      </View>
      <FormError message={error || null} />
      <Buttons id='escalate' label='确认上报' busy={busy !== null} onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}

/** 列入民情恳谈会: one of the 片's scheduled meetings. */
export function AgendaForm({ problem, onDone, onCancel }: FormProps) {
  const meetings = useCall(() => call('minqing', 'meetings', { pageSize: 20 }), []);
  const [meetingId, setMeetingId] = useState('');
  const { busy, error, setError, run } = useAction();
  const open = (meetings.data?.items ?? []).filter((m) => m.status === 'scheduled');

  async function submit() {
    if (!meetingId) return setError('请选择一次恳谈会');
    const reply = await run('agenda', () => call('minqing', 'agendaAdd', { meetingId, problemId: problem.id }));
    if (reply) onDone(null);
  }

  return (
    <View className='mq-sheet' id='sheet-agendaAdd'>
      <View className='lzt-section-title'>列入哪一次民情恳谈会</View>
      {meetings.data ? (
        open.length ? (
          <Options
            id='agenda-meeting'
            items={open.map((m) => ({ key: m.id, label: m.title, hint: `${formatDateTime(m.startsAt)} · ${m.place}` }))}
            value={meetingId}
            onChange={(k) => { setMeetingId(k); setError(''); }}
          />
        ) : (
          <View className='lzt-pad lzt-sub' id='agenda-none'>本片还没有待召开的恳谈会，请先在“民情恳谈会”里安排一次</View>
        )
      ) : meetings.error ? (
        <FormError message={meetings.error.message} />
      ) : (
        <Loading text='正在读取恳谈会…' />
      )}
      <FormError message={error || null} />
      <Buttons id='agenda' label='列入议题' busy={busy !== null} onSubmit={() => void submit()} onCancel={onCancel} />
    </View>
  );
}
