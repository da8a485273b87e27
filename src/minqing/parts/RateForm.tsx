// 确认并评价: 1–5 stars and a comment; 1–2 stars send it back, one level up.
import { View } from '@tarojs/components';
import { useState } from 'react';
import { RATING_LABELS, REOPEN_BELOW_STARS } from '../../../contracts/minqing-labels';
import { call } from '../../api/client';
import { Field, FormError, TextArea } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import { useAction } from '../../hooks/useAction';
import type { FormProps } from './ActionForms';
import { formatDateTime } from './labels';
import '../minqing.scss';

const COMMENT_MAX = 200;

export default function RateForm({ problem, onDone }: Omit<FormProps, 'onCancel'>) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit() {
    if (!stars) return setError('请点星星打分');
    const c = comment.trim();
    const reply = await run('rate', () => call('minqing', 'rate', { id: problem.id, stars, ...(c ? { comment: c } : {}) }));
    if (reply) onDone(reply);
  }

  return (
    <View className='mq-sheet' id='sheet-rate'>
      <View className='lzt-section-title'>问题解决了吗？请确认并评价</View>
      <View className='lzt-cells'>
        <View className='mq-rate' id='rate-stars'>
          {[1, 2, 3, 4, 5].map((n) => (
            <View
              key={n}
              id={`rate-star-${n}`}
              className={`mq-rate__star${n <= stars ? ' mq-rate__star--on' : ''}`}
              aria-role='radio'
              aria-checked={n === stars}
              aria-label={`${n}星`}
              onClick={() => {
                setStars(n);
                setError('');
              }}
            >
              ★
            </View>
          ))}
        </View>
        <View className='mq-rate__label' id='rate-label'>
          {stars ? `${stars}星 ${RATING_LABELS[stars]}` : '点星星打分'}
        </View>
        {stars && stars < REOPEN_BELOW_STARS ? (
          <View className='lzt-pad lzt-sub mq-rate__reopen' id='rate-reopen-hint'>
            不满意的话，问题会转给上一级重新办理。
          </View>
        ) : null}
      </View>
      <View className='lzt-form'>
        <Field id='rate-comment' label='说说您的看法' optional>
          <TextArea value={comment} onChange={setComment} maxlength={COMMENT_MAX} placeholder='例如：灯修好了，谢谢邻长' />
        </Field>
      </View>
      {problem.confirmBy ? <View className='lzt-section-foot'>{formatDateTime(problem.confirmBy)} 前不评价，将按“默认满意”完结。</View> : null}
      <FormError message={error || null} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='rate-submit' disabled={busy !== null} loading={busy !== null || undefined} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交评价'}
        </PrimaryButton>
      </View>
    </View>
  );
}
