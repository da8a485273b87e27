// What the caller may do to this problem now (the server's `can`), as big buttons; each opens its form.
import { View } from '@tarojs/components';
import { useState } from 'react';
import PrimaryButton from '../../components/PrimaryButton';
import type { Problem, ProblemAction, ProblemReply } from '../types';
import { AgendaForm, AssignForm, ClassifyForm, EscalateForm, NoteForm } from './ActionForms';
import '../minqing.scss';

const BUTTONS: { action: Exclude<ProblemAction, 'rate'>; label: string; kind?: 'default' | 'warn' }[] = [
  { action: 'accept', label: '受理' },
  { action: 'classify', label: '分类（三事分流）' },
  { action: 'agendaAdd', label: '列入民情恳谈会' },
  { action: 'progress', label: '记录进展', kind: 'default' },
  { action: 'resolve', label: '办结' },
  { action: 'assign', label: '交部门办理' },
  { action: 'handBack', label: '退回社区', kind: 'default' },
  { action: 'escalate', label: '上报镇街/区', kind: 'default' },
  { action: 'reclassify', label: '重新分类', kind: 'default' },
  { action: 'urge', label: '督办', kind: 'warn' },
];

interface Props {
  problem: Problem;
  can: ProblemAction[];
  /** A fresh problem from the action's reply, or null: reload it. */
  onChanged: (reply: ProblemReply | null) => void;
}

export default function ActionPanel({ problem, can, onChanged }: Props) {
  const [open, setOpen] = useState<ProblemAction | null>(null);
  const shown = BUTTONS.filter((b) => can.includes(b.action));
  if (shown.length === 0) return null;
  const done = (reply: ProblemReply | null) => {
    setOpen(null);
    onChanged(reply);
  };
  const props = { problem, onDone: done, onCancel: () => setOpen(null) };
  return (
    <View id='problem-actions'>
      <View className='lzt-section-title'>办理</View>
      {open ? null : (
        <View className='mq-actions'>
          {shown.map((b) => (
            <PrimaryButton key={b.action} id={`action-${b.action}`} kind={b.kind ?? 'primary'} onClick={() => setOpen(b.action)}>
              {b.label}
            </PrimaryButton>
          ))}
        </View>
      )}
      {open === 'accept' || open === 'urge' || open === 'progress' || open === 'resolve' || open === 'handBack' ? <NoteForm {...props} kind={open} /> : null}
      {open === 'classify' || open === 'reclassify' ? <ClassifyForm {...props} again={open === 'reclassify'} /> : null}
      {open === 'assign' ? <AssignForm {...props} /> : null}
      {open === 'escalate' ? <EscalateForm {...props} /> : null}
      {open === 'agendaAdd' ? <AgendaForm {...props} /> : null}
    </View>
  );
}
