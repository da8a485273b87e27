// One-time binding codes for the people who act for a place (a 部门's 办理人员, a partner's
// 核销员), as the 管理员 manages them: who is bound (remove someone who has left), the codes not
// used yet (withdraw one), and a new code for a named person. Each page gives its own words.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { Reply } from '../../../contracts';
import { cnDate, cnDateTime } from '../../utils/beijingTime';
import { Field, FormError, TextInput } from '../form/Field';
import PrimaryButton from '../PrimaryButton';
import { useAction } from '../../hooks/useAction';
import '../form/form.scss';
import '../work.scss';
import './binding-codes.scss';

export interface BindingCodeRow {
  code: string;
  /** As written when the code was made ('' if not). */
  label: string;
  state: 'bound' | 'waiting';
  /** Bound at (bound), or usable until (waiting). */
  at: number;
}

export interface BindingCodeWords {
  title: string;
  /** A bound person with no name written (办理人员), and a waiting code's (未注明是谁). */
  person: string;
  unnamed: string;
  /** The 解除 dialog's title and what it says happens (who: the person's name). */
  removeTitle: string;
  removeNote: (who: string) => string;
  empty: string;
  /** Above a new code (请把绑定码交给…), and below it (until: when it stops working). */
  handTo: string;
  howTo: (until: string) => string;
  labelLabel: string;
  labelHint: string;
  placeholder: string;
  create: string;
}

interface Props {
  /** Prefix of every id: `${id}-list`, `${id}-${code}`, `${id}-invite-create`, … */
  id: string;
  /** The wrapper's id. */
  rootId: string;
  /** A page's own touches: `${className}` on the wrapper and `${className}__list`, `__code`,
   * `__hint` and `__copy` on those parts (one class each, so the page's sheet orders them). */
  className?: string;
  words: BindingCodeWords;
  rows: BindingCodeRow[];
  remove: (code: string) => Promise<Reply<unknown>>;
  invite: (label: string | undefined) => Promise<Reply<{ code: string; expiresAt: number }>>;
  onChanged: () => void;
  /** The 称呼 field inside a white form block (else on the grey page). */
  fieldInForm?: boolean;
  createKind?: 'primary' | 'default';
  /** Shown instead of the 称呼 field and the button when no code may be made now. */
  closed?: ReactNode;
}

const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

function CodeItem({ id, row, words, remove, onChanged }: Pick<Props, 'id' | 'words' | 'remove' | 'onChanged'> & { row: BindingCodeRow }) {
  const { busy, error, run } = useAction();
  const bound = row.state === 'bound';
  const who = row.label || (bound ? words.person : words.unnamed);
  async function confirmRemove() {
    const sure = await Taro.showModal({
      title: bound ? words.removeTitle : '作废绑定码',
      content: bound ? words.removeNote(who) : `作废后，绑定码 ${spacedCode(row.code)} 不能再使用。`,
      confirmText: bound ? '解除' : '作废',
      confirmColor: '#b71c1c',
    });
    if (!sure.confirm) return;
    const done = await run('remove', () => remove(row.code));
    if (!done) return;
    void Taro.showToast({ title: bound ? '已解除' : '已作废', icon: 'success' });
    onChanged();
  }
  return (
    <View className='lzt-code-row' id={`${id}-${row.code}`}>
      <View className='lzt-code-row__main'>
        <View className='lzt-code-row__name'>
          {who}
          <View className={`lzt-chip ${bound ? 'lzt-chip--done' : 'lzt-chip--none'}`}>{bound ? '已绑定' : '待使用'}</View>
        </View>
        <View className='lzt-sub'>{bound ? `${cnDate(row.at)}绑定` : `绑定码 ${spacedCode(row.code)}，${cnDateTime(row.at)}前有效`}</View>
        <FormError message={error || null} />
      </View>
      <PrimaryButton id={`${id}-remove-${row.code}`} kind='warn' loading={busy === 'remove' || undefined} disabled={!!busy} onClick={() => void confirmRemove()}>
        {bound ? '解除' : '作废'}
      </PrimaryButton>
    </View>
  );
}

export default function BindingCodes({ id, rootId, className, words, rows, remove, invite, onChanged, fieldInForm, createKind = 'primary', closed }: Props) {
  const own = (part: string) => (className ? ` ${className}__${part}` : '');
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<{ code: string; expiresAt: number } | null>(null);
  const { busy, error, run } = useAction();
  async function create() {
    const data = await run('invite', () => invite(label.trim() || undefined));
    if (!data) return;
    setMade(data);
    setLabel('');
    onChanged();
  }
  const field = (
    <Field id={`${id}-invite-label`} label={words.labelLabel} optional hint={words.labelHint}>
      <TextInput value={label} onChange={setLabel} maxlength={20} placeholder={words.placeholder} />
    </Field>
  );
  return (
    <View id={rootId} className={className}>
      <View className='lzt-section-title'>{words.title}</View>
      {rows.length ? (
        <View className={`lzt-card lzt-codes${own('list')}`} id={`${id}-list`}>
          {rows.map((r) => (
            <CodeItem key={r.code} id={id} row={r} words={words} remove={remove} onChanged={onChanged} />
          ))}
        </View>
      ) : (
        <View className='lzt-section-foot' id={`${id}-list-empty`}>
          {words.empty}
        </View>
      )}
      {made ? (
        <View className='lzt-card lzt-code-invite' id={`${id}-invite`}>
          <View className='lzt-sub'>{words.handTo}</View>
          <View className={`lzt-code-invite__code${own('code')}`} id={`${id}-invite-code`} data-code={made.code}>
            {spacedCode(made.code)}
          </View>
          <View className={`lzt-sub${own('hint')}`}>{words.howTo(cnDateTime(made.expiresAt))}</View>
          <View className={`lzt-btn-wrap${own('copy')}`}>
            <PrimaryButton kind='default' onClick={() => void Taro.setClipboardData({ data: made.code })}>
              复制绑定码
            </PrimaryButton>
          </View>
        </View>
      ) : null}
      <View id={`${id}-invite-error`}>
        <FormError message={error || null} />
      </View>
      {closed ?? (
        <>
          {fieldInForm ? <View className='lzt-form'>{field}</View> : field}
          <View className='lzt-btn-wrap'>
            <PrimaryButton id={`${id}-invite-create`} kind={createKind} disabled={!!busy} loading={busy === 'invite' || undefined} onClick={() => void create()}>
              {words.create}
            </PrimaryButton>
          </View>
        </>
      )}
    </View>
  );
}
