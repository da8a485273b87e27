// 候选人页: 编号, name and 邻, votes (when shown), the vote button with what is left today,
// the story and the photos; share the candidate to canvass (weapp), a hint in H5.
import { Button, Image, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { NOMINATION_KIND_LABELS } from '../../contracts/vote-labels';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { CellGroup } from '../components/Cell';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import { useSignInGate, type SignInGate } from '../dev/useSignInGate';
import { useCall, type CallState } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { Portrait } from './parts/CandidateRow';
import { fileSrc } from '../api/fileSrc';
import { shareImage, useShare } from './parts/share';
import type { ShareCardData } from './parts/shareCard';
import { useShareCard } from './parts/useShareCard';
import StatusBanner from './parts/StatusBanner';
import VotePanel from './parts/VotePanel';
import type { CandidateReply, CastResult } from './types';
import '../components/work.scss';
import './styles/banner.scss';
import './styles/head.scss';
import './styles/results.scss';
import './styles/rows.scss';
import './styles/candidate.scss';

function ShareBox({ data, card }: { data: CandidateReply; card: string | null }) {
  if (data.campaign.status !== 'voting') return null;
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className='lzt-btn-wrap'>
        <Button id='vote-share' className='lzt-btn lzt-btn--default vote-share' openType='share' hoverClass='lzt-btn--active'>
          分享给好友，为{data.candidate.name}拉票
        </Button>
      </View>
    );
  }
  return (
    <View className='vote-share-hint' id='vote-share-hint'>
      分享：在微信里打开“邻长通”小程序，进入本页后点右上角“···”，选“转发给朋友”，邀请亲友为{data.candidate.name}投一票。
      {card ? (
        <View className='vote-share-card'>
          <Image id='vote-share-card' className='vote-share-card__img' src={card} mode='aspectFit' showMenuByLongpress />
          <View className='vote-share-card__tip'>转发时附带这张卡片；也可以长按保存，发到邻里群。</View>
        </View>
      ) : null}
    </View>
  );
}

/** What the share card shows of a candidate. */
const cardOf = (d: CandidateReply): ShareCardData => ({
  campaignTitle: d.campaign.title,
  no: d.candidate.no,
  name: d.candidate.name,
  unitName: d.candidate.unitName,
  story: d.candidate.story,
  votes: d.candidate.votes,
});

function Photos({ photos }: { photos: string[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map(fileSrc);
  return (
    <CellGroup title='照片'>
      <View className='vote-photos' id='candidate-photos'>
        {urls.map((u) => (
          <Image key={u} className='vote-photos__img' src={u} mode='widthFix' onClick={() => void Taro.previewImage({ current: u, urls })} />
        ))}
      </View>
    </CellGroup>
  );
}

function CandidateView({ state, data, gate, card }: { state: CallState<CandidateReply>; data: CandidateReply; gate: SignInGate; card: string | null }) {
  const { campaign: c, candidate: k } = data;
  const [cast, setCast] = useState<CastResult | null>(null);
  useEffect(() => setCast(null), [data]); // fresh from the server: its numbers win
  const votes = cast && cast.votes !== null ? cast.votes : k.votes;
  return (
    <>
      <View className='lzt-card vote-hero' id='candidate-hero'>
        <Portrait name={k.name} photo={k.photo} big />
        <View className='vote-hero__who'>
          <View className='vote-hero__no' id='candidate-no'>
            {k.no ? `${k.no}号` : '待编号'}
          </View>
          <View className='lzt-title' id='candidate-name'>
            {k.name}
          </View>
          <View className='lzt-sub vote-hero__unit'>{k.unitName}的邻长</View>
          <View className='lzt-chip lzt-chip--none vote-hero__kind'>{NOMINATION_KIND_LABELS[k.kind]}</View>
          {k.honoured ? (
            <View className='vote-badge' id='candidate-honour'>
              ★ 最美邻长
            </View>
          ) : null}
        </View>
        {votes !== null ? (
          <View className='vote-hero__votes' id='candidate-votes'>
            <View className='vote-hero__count'>{votes}</View>
            <View className='lzt-sub'>票</View>
          </View>
        ) : null}
      </View>
      <StatusBanner campaign={c} />
      <VotePanel data={data} cast={cast} onCast={setCast} reload={() => void state.reload()} gate={gate} />
      <ShareBox data={data} card={card} />
      <CellGroup title={k.kind === 'self' ? '个人事迹' : '推荐事迹'}>
        <View className='vote-text' id='candidate-story'>
          {k.story}
        </View>
      </CellGroup>
      <Photos photos={k.photos} />
      <View className='lzt-btn-wrap'>
        <View className='vote-link' id='candidate-open-campaign' onClick={() => void Taro.navigateTo({ url: pageUrl('vote/campaign', { id: c.id }) })}>
          {c.title} · 查看全部候选人 ›
        </View>
      </View>
    </>
  );
}

export default function CandidatePage() {
  const id = decodeParam(useRouter().params.id);
  const gate = useSignInGate();
  const state = useCall(() => call('vote', 'candidate', { candidateId: id }), [id], { refreshOnShow: true });
  const d = state.data;
  // While voting, a shared candidate travels with a card drawn on the device (their photo if it cannot be drawn).
  const card = useShareCard(d && d.campaign.status === 'voting' ? cardOf(d) : null);
  useShare(d ? { title: d.shareTitle, path: pageUrl('vote/candidate', { id }), imageUrl: card ?? shareImage(d.candidate.photo) } : null);

  let body;
  if (!id) body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪位候选人，请从评选页进入' }} />;
  else if (d) body = <CandidateView state={state} data={d} gate={gate} card={card} />;
  else if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
  else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  else body = <Loading text='正在打开候选人…' />;
  return (
    <PageShell name='vote-candidate'>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
