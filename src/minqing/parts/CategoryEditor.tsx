// 民情设置 › 问题类别: the fixed list every 社区 has, the 社区's own (停用 one that is no longer
// wanted: reports already filed keep it), and a box to add one.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { Field, FormError, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import type { Category } from '../types';

const LABEL_MAX = 8;

export default function CategoryEditor({ initial }: { initial: Category[] }) {
  const [items, setItems] = useState(initial);
  const [label, setLabel] = useState('');
  const { busy, error, setError, run } = useAction();

  async function add() {
    const text = label.trim();
    if (!text) return setError('请填写类别名称，例如“停车管理”');
    if (text.length > LABEL_MAX) return setError(`类别名称最多${LABEL_MAX}个字`);
    const data = await run('add', () => call('minqing', 'addCategory', { label: text }));
    if (!data) return;
    setItems(data.items);
    setLabel('');
    void Taro.showToast({ title: '已增加', icon: 'success' });
  }

  async function stop(c: Category) {
    const sure = await Taro.showModal({
      title: '停用类别',
      content: `停用后，居民反映问题时不再有“${c.label}”可选；已经提交的反映不受影响。`,
      confirmText: '停用',
      confirmColor: '#b71c1c',
    });
    if (!sure.confirm) return;
    const data = await run(`stop:${c.id}`, () => call('minqing', 'removeCategory', { id: c.id }));
    if (!data) return;
    setItems(data.items);
    void Taro.showToast({ title: '已停用', icon: 'success' });
  }

  return (
    <View id='settings-categories'>
      <View className='lzt-section-title'>问题类别（居民反映时按这个顺序选）</View>
      <View className='lzt-cells' id='category-list'>
        {items.map((c) => (
          <View key={c.id} id={`category-${c.id}`} className='lzt-cell mq-category'>
            <View className='lzt-cell__body'>
              <View className='lzt-cell__title'>{c.label}</View>
            </View>
            {c.custom ? (
              <PrimaryButton
                id={`category-stop-${c.id}`}
                className='mq-category__stop'
                kind='warn'
                disabled={!!busy}
                loading={busy === `stop:${c.id}` || undefined}
                onClick={() => void stop(c)}
              >
                停用
              </PrimaryButton>
            ) : (
              <View className='lzt-chip lzt-chip--none'>固定</View>
            )}
          </View>
        ))}
      </View>
      <View className='lzt-form'>
        <Field id='category-new' label='增加本社区的类别' hint={`最多${LABEL_MAX}个字，加在“其他”前面。固定类别各社区都有，不能停用。`}>
          <TextInput
            value={label}
            maxlength={LABEL_MAX}
            placeholder='如：停车管理'
            onChange={(v) => {
              setLabel(v);
              setError('');
            }}
          />
        </Field>
      </View>
      <View id='category-error'>
        <FormError message={error || null} />
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='category-add' kind='default' disabled={!!busy} loading={busy === 'add' || undefined} onClick={() => void add()}>
          增加类别
        </PrimaryButton>
      </View>
    </View>
  );
}
