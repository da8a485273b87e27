// One 自荐 / 推荐 / 指定 application, with inline 通过 / 不通过 (a reason is required to reject).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, type Output } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import { formatDateTime } from '../../utils/beijingTime';
import { APPLICATION_STATUS_LABELS, KIND_LABELS } from '../rosterLabels';
import { FormError, TextAreaField } from './Fields';
import InviteCode from './InviteCode';
import { useAction } from '../../hooks/useAction';
import '../roster.scss';

export type Application = Output<'register', 'pending'>['items'][number];

const RESULT: Record<string, string> = APPLICATION_STATUS_LABELS;

export default function ApplicationCard({ app, onReviewed }: { app: Application; onReviewed: (app: Application) => void }) {
  const { busy, error, setError, run } = useAction();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  async function review(approve: boolean) {
    if (!approve && !reason.trim()) return setError('不通过时请写明原因');
    const data = await run(approve ? 'approve' : 'reject', () =>
      call('register', 'review', { id: app.id, approve, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    );
    if (!data) return;
    void Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'success' });
    onReviewed(data.application);
  }

  return (
    <View className={`lzt-card application application--${app.status}`} id={`application-${app.id}`}>
      <View className='application__head'>
        <View className='lzt-chip lzt-chip--none'>{KIND_LABELS[app.kind] ?? app.kind}</View>
        <View className='lzt-sub application__time'>{formatDateTime(app.createdAt)}</View>
      </View>
      <View className='application__who'>
        {app.name}
        {app.phoneMasked ? <View className='lzt-sub application__phone'>{app.phoneMasked}</View> : null}
      </View>
      <View className='lzt-sub'>申请担任：{app.unitName} 邻长</View>
      {app.clash ? (
        <View className='application__clash' id={`application-clash-${app.id}`}>
          <View className='application__clash-title'>⚠ {app.clash}</View>
          <View className='lzt-sub'>
            {app.phoneConfirmed ? '申请人已用微信验证这个手机号是自己的。通过后，原三长的职务和工作台账由申请人接手。' : '申请人还没有用微信验证这个手机号，验证之前不能通过。'}
          </View>
        </View>
      ) : app.phoneConfirmed ? (
        <View className='lzt-sub application__confirmed'>手机号已用微信验证</View>
      ) : null}
      {app.story ? <View className='application__story'>{app.story}</View> : null}
      {app.status !== 'pending' ? (
        <View className='application__result'>
          <View className={`lzt-chip lzt-chip--${app.status === 'approved' ? 'done' : 'warn'}`}>{RESULT[app.status]}</View>
          {app.reason ? <View className='lzt-sub application__reason'>原因：{app.reason}</View> : null}
        </View>
      ) : null}
      {app.invite ? <InviteCode id={`application-invite-${app.id}`} code={app.invite.code} expiresAt={app.invite.expiresAt} forWhom={`新任邻长 ${app.name}`} /> : null}
      {app.status === 'pending' ? (
        <>
          {rejecting ? (
            <View className='application__reject'>
              <TextAreaField id={`reject-reason-${app.id}`} label='不通过的原因（会告知申请人）' value={reason} onChange={setReason} maxLength={200} />
            </View>
          ) : null}
          <FormError id={`review-error-${app.id}`} message={error} />
          <View className='application__actions'>
            {rejecting ? (
              <>
                <PrimaryButton kind='default' onClick={() => setRejecting(false)}>
                  取消
                </PrimaryButton>
                <PrimaryButton className='review-reject-confirm' kind='warn' loading={busy === 'reject' || undefined} disabled={!!busy} onClick={() => void review(false)}>
                  确认不通过
                </PrimaryButton>
              </>
            ) : (
              <>
                <PrimaryButton className='review-reject' kind='warn' disabled={!!busy} onClick={() => setRejecting(true)}>
                  不通过
                </PrimaryButton>
                <PrimaryButton className='review-approve' loading={busy === 'approve' || undefined} disabled={!!busy} onClick={() => void review(true)}>
                  通过
                </PrimaryButton>
              </>
            )}
          </View>
        </>
      ) : null}
    </View>
  );
}
