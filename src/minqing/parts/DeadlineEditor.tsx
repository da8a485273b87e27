// 民情设置 › 办理时限: the 社区's deadlines (defaults after 12345 practice), each in its own box,
// saved together; 恢复默认 puts the defaults back in the boxes (saved with 保存).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { Field, FormError, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import type { DeadlinesReply } from '../types';
import { checkDeadlines, DEADLINE_SPECS, deadlineSummary, defaultTexts, textsOf, type DeadlineKey, type DeadlineTexts } from './deadlineForm';

export default function DeadlineEditor({ initial }: { initial: DeadlinesReply }) {
  const [saved, setSaved] = useState(initial);
  const [texts, setTexts] = useState<DeadlineTexts>(() => textsOf(initial.deadlines));
  const [bad, setBad] = useState<DeadlineKey | null>(null);
  const { busy, error, setError, run } = useAction();

  async function save() {
    const checked = checkDeadlines(texts);
    if (!checked.ok) {
      setBad(checked.key);
      return setError(checked.message);
    }
    setBad(null);
    const data = await run('save', () => call('minqing', 'setDeadlines', { deadlines: checked.deadlines }));
    if (!data) return;
    setSaved(data);
    setTexts(textsOf(data.deadlines));
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  return (
    <View id='settings-deadlines'>
      <View className='lzt-section-title'>办理时限</View>
      <View className='lzt-card mq-settings-now' id='deadlines-now'>
        <View className='lzt-sub'>{saved.custom ? '本社区现在的时限' : '现在用的是默认时限（参照12345热线）'}</View>
        <View className='mq-settings-now__text'>{deadlineSummary(saved.deadlines)}</View>
      </View>
      <View className='lzt-form'>
        {DEADLINE_SPECS.map((s) => (
          <Field key={s.key} id={`deadline-${s.key}`} label={s.label} hint={s.hint}>
            <View className={`mq-number${bad === s.key ? ' mq-number--bad' : ''}`}>
              <TextInput
                className='mq-number__input'
                type='number'
                maxlength={3}
                value={texts[s.key]}
                onChange={(v) => {
                  setTexts({ ...texts, [s.key]: v });
                  setBad(null);
                  setError('');
                }}
              />
              <View className='mq-number__unit'>{s.unit}</View>
            </View>
          </Field>
        ))}
      </View>
      <View className='lzt-section-foot'>保存后，新提交的反映按新的受理时限，新分类的反映按新的办结时限；已经定下的时限不变。</View>
      <View id='deadlines-error'>
        <FormError message={error || null} />
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='deadlines-save' disabled={!!busy} loading={busy === 'save' || undefined} onClick={() => void save()}>
          保存办理时限
        </PrimaryButton>
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton
          id='deadlines-defaults'
          kind='default'
          disabled={!!busy}
          onClick={() => {
            setTexts(defaultTexts());
            setBad(null);
            setError('');
          }}
        >
          填入默认时限
        </PrimaryButton>
      </View>
    </View>
  );
}
