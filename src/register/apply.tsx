import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import ErrorState from '../components/ErrorState';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate } from '../dev/useSignInGate';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import ApplyForm from './parts/ApplyForm';
import { APPLY_COPY, type Application, type ApplyKind } from './parts/labels';
import NextSteps from './parts/NextSteps';
import './register.scss';

const openMine = () => void Taro.redirectTo({ url: pageUrl('register/mine') });

function Sent({ a, kind }: { a: Application; kind: ApplyKind }) {
  return (
    <View id='apply-sent'>
      <View className='lzt-state'>
        <View className='register-done__icon'>✓</View>
        <View className='lzt-state__title'>已提交，等待社区审核</View>
        <View className='lzt-state__desc'>
          {kind === 'self' ? '自荐' : '推荐'} {a.name} 担任 {a.unitName} 的邻长
        </View>
      </View>
      <NextSteps steps={APPLY_COPY[kind].next} title='接下来' />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='apply-open-mine' onClick={openMine}>
          查看我的自荐与推荐
        </PrimaryButton>
      </View>
    </View>
  );
}

/** 个人自荐 (kind=self) or 群众推荐 (kind=recommend) for one 邻, opened from its 联系卡. */
export default function ApplyPage() {
  const params = useRouter().params;
  const unitId = decodeParam(params.unitId);
  const unitName = decodeParam(params.unitName);
  const kind: ApplyKind = params.kind === 'recommend' ? 'recommend' : 'self';
  const copy = APPLY_COPY[kind];
  const gate = useSignInGate();
  const [sent, setSent] = useState<Application | null>(null);

  let body;
  if (!unitId) {
    body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪个邻，请从邻长联系卡上的“我想当邻长”或“推荐邻长”进入' }} />;
  } else if (sent) {
    body = <Sent a={sent} kind={kind} />;
  } else {
    body = (
      <>
        <View className='lzt-card'>
          <View className='lzt-title' id='apply-title'>
            {copy.title}
          </View>
          {unitName ? <View className='lzt-tag'>{unitName}</View> : null}
          <View className='register-intro'>{copy.intro}</View>
        </View>
        <ApplyForm unitId={unitId} kind={kind} gate={gate} onSent={setSent} />
        <NextSteps steps={copy.next} />
      </>
    );
  }
  return (
    <PageShell name='register-apply'>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
