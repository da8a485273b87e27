// 我的提名: the 邻长 I recommended in this campaign and their review, and my own candidacy.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { CellGroup } from '../components/Cell';
import EmptyState from '../components/EmptyState';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate } from '../dev/useSignInGate';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import NominationCard from './parts/NominationCard';
import type { Nomination } from './types';
import '../components/work.scss';
import './styles/nominations.scss';

function OpenCandidate({ n }: { n: Nomination }) {
  if (n.status !== 'approved') return null;
  return (
    <View className='nomination__actions'>
      <PrimaryButton kind='default' className='nomination-open' onClick={() => void Taro.navigateTo({ url: pageUrl('vote/candidate', { id: n.id }) })}>
        查看候选人页，分享拉票
      </PrimaryButton>
    </View>
  );
}

export default function MinePage() {
  const campaignId = decodeParam(useRouter().params.campaignId);
  const gate = useSignInGate();
  const state = useCall(() => call('vote', 'mine', { campaignId }), [campaignId], { refreshOnShow: true });
  const d = state.data;

  let body;
  if (!campaignId) body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪一次评选，请从评选页进入' }} />;
  else if (state.error?.code === 'UNAUTHENTICATED') {
    body = (
      <EmptyState
        id='mine-signin'
        title='登录后查看我的提名'
        action={
          <PrimaryButton onClick={() => gate.ask(() => void state.reload())} id='mine-signin-btn'>
            登录
          </PrimaryButton>
        }
      />
    );
  } else if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
  else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  else if (!d) body = <Loading text='正在读取我的提名…' />;
  else {
    // My own 自荐 is my candidacy; the list is the 邻长 I recommended.
    const recommended = d.nominations.filter((n) => n.id !== d.candidacy?.id);
    body = (
      <>
        {d.candidacy ? (
          <CellGroup title='我本人的候选情况' className='mine-candidacy'>
            <NominationCard n={d.candidacy}>
              <OpenCandidate n={d.candidacy} />
            </NominationCard>
          </CellGroup>
        ) : null}
        <View className='lzt-section-title'>我推荐的邻长{recommended.length ? `（${recommended.length}）` : ''}</View>
        {recommended.length === 0 ? (
          <EmptyState id='mine-empty' title='还没有推荐过邻长' description='提名期间，在评选页点“推荐邻长”，写下这位邻长为邻里做的好事。' />
        ) : (
          <View id='mine-list'>
            {recommended.map((n) => (
              <NominationCard key={n.id} n={n}>
                <OpenCandidate n={n} />
              </NominationCard>
            ))}
          </View>
        )}
      </>
    );
  }
  return (
    <PageShell name='vote-mine'>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
