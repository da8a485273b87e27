// 登记走访: five big toggles for 五个一 and the problems collected (≤ 500 字) → ledger.visit.
import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../api/client';
import PrimaryButton from '../components/PrimaryButton';
import { isCompleteVisit, NO_ITEMS, VISIT_ITEMS, type VisitItemsValue } from './visitItems';
import '../components/work.scss';
import './ledger.scss';

export type RecordedVisit = Output<'ledger', 'visit'>['visit'];

const MAX_PROBLEMS = 500;

interface Props {
  householdId: string;
  onRecorded: (visit: RecordedVisit) => void;
}

export default function VisitForm({ householdId, onRecorded }: Props) {
  const [items, setItems] = useState<VisitItemsValue>(NO_ITEMS);
  const [problems, setProblems] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const all = isCompleteVisit(items);
  const toggle = (key: keyof VisitItemsValue) => {
    setError('');
    setItems((v) => ({ ...v, [key]: !v[key] }));
  };
  const setAll = () => {
    setError('');
    setItems(VISIT_ITEMS.reduce((v, i) => ({ ...v, [i.key]: !all }), NO_ITEMS));
  };

  async function submit() {
    if (busy) return;
    const text = problems.trim();
    if (!VISIT_ITEMS.some((i) => items[i.key])) return setError('请至少勾选一项本次做到的事');
    setError('');
    setBusy(true);
    const reply = await call('ledger', 'visit', { householdId, ...items, ...(text ? { problems: text } : {}) });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setItems(NO_ITEMS);
    setProblems('');
    void Taro.showToast({ title: '走访已登记', icon: 'success' });
    onRecorded(reply.data.visit);
  }

  return (
    <View id='visit-form' className='visit-form'>
      <View className='lzt-section-title visit-form__title'>
        <View>登记走访（“五个一”）</View>
        <View id='visit-all' className='visit-form__all' onClick={setAll}>
          {all ? '全部取消' : '全部做到'}
        </View>
      </View>
      <View className='lzt-cells'>
        {VISIT_ITEMS.map((item) => (
          <View
            key={item.key}
            id={`visit-${item.key}`}
            className={`lzt-cell visit-toggle${items[item.key] ? ' visit-toggle--on' : ''}`}
            hoverClass='lzt-cell--active'
            aria-role='checkbox'
            aria-checked={items[item.key]}
            onClick={() => toggle(item.key)}
          >
            <View className='visit-toggle__box'>{items[item.key] ? '✓' : ''}</View>
            <View className='lzt-cell__body lzt-cell__title'>{item.label}</View>
          </View>
        ))}
      </View>
      <View className='lzt-field visit-problems'>
        <View className='lzt-field__label'>收集到的问题（选填）</View>
        <Textarea
          id='visit-problems'
          className='lzt-field__textarea'
          value={problems}
          maxlength={MAX_PROBLEMS}
          placeholder='例如：楼道灯不亮、想了解养老补贴'
          onInput={(e) => setProblems(e.detail.value)}
        />
        <View className='lzt-field__count'>
          {problems.length}/{MAX_PROBLEMS}
        </View>
      </View>
      {error ? (
        <View className='lzt-form-error' id='visit-error' aria-role='alert'>
          {error}
        </View>
      ) : null}
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='visit-submit' loading={busy || undefined} disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '登记走访'}
        </PrimaryButton>
      </View>
    </View>
  );
}
