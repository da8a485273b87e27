// 活动页: cover, title and stage, 我今天还剩N票, the results once announced, the rules in
// plain words, then the candidates (search by name or 编号, paged) and the ranking.
import { Image, Input, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import { Cell, CellGroup } from '../components/Cell';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PagedList from '../components/PagedList';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate, type SignInGate } from '../dev/useSignInGate';
import { usePaged } from '../hooks/usePaged';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import CandidateRow from './parts/CandidateRow';
import { fileSrc } from '../api/fileSrc';
import Leaderboard from './parts/Leaderboard';
import Results from './parts/Results';
import Rules from './parts/Rules';
import { useShare } from './parts/share';
import StatusBanner from './parts/StatusBanner';
import type { Campaign, CandidateCardT, CandidatePage, MyVotes } from './types';
import Tabs from '../components/Tabs';
import '../components/work.scss';
import './styles/banner.scss';
import './styles/head.scss';
import './styles/results.scss';
import './styles/rows.scss';
import './styles/search.scss';

const PAGE_SIZE = 10;
const go = (url: string) => () => void Taro.navigateTo({ url });

function MyVotesCard({ campaign, me, gate, onSignedIn }: { campaign: Campaign; me: MyVotes; gate: SignInGate; onSignedIn: () => void }) {
  if (campaign.status !== 'voting') return null;
  if (!me.signedIn) {
    return (
      <View className='lzt-card vote-me' id='campaign-me'>
        <View className='vote-me__line'>每人每天可投 {campaign.perDay} 票</View>
        <View className='lzt-sub'>{me.reason ?? '登录后才能投票'}</View>
        <View className='vote-me__action'>
          <PrimaryButton id='campaign-signin' onClick={() => gate.ask(onSignedIn)}>
            登录后投票
          </PrimaryButton>
        </View>
      </View>
    );
  }
  const quotaReason = me.byQuota;
  return (
    <View className={`lzt-card vote-me${me.canVote ? '' : ' vote-me--off'}`} id='campaign-me'>
      {quotaReason ? (
        <View className='vote-me__line' id='campaign-left'>
          我今天还剩 <View className='vote-me__num'>{me.leftToday}</View> 票
        </View>
      ) : null}
      <View className={quotaReason ? 'lzt-sub' : 'vote-me__reason'} id='campaign-me-note'>
        {me.canVote ? `每天 ${campaign.perDay} 票，同一位候选人每天最多 ${campaign.perCandidatePerDay} 票。点候选人进去投票。` : me.reason}
      </View>
    </View>
  );
}

function NominateLinks({ campaign, signedIn }: { campaign: Campaign; signedIn: boolean }) {
  const nominating = campaign.status === 'nominating';
  if (!nominating && !signedIn) return null;
  return (
    <CellGroup title={nominating ? '推荐身边的好邻长' : undefined} className={`campaign-nominate${nominating ? '' : ' campaign-nominate--bare'}`}>
      {nominating ? (
        <>
          <Cell id='campaign-recommend' title='推荐邻长' description='群众推荐：写下您推荐的邻长为邻里做的好事' onClick={go(pageUrl('vote/nominate', { campaignId: campaign.id, kind: 'public' }))} />
          <Cell id='campaign-apply' title='我是邻长，我要自荐' description='个人自荐：写下自己的事迹，附上照片' onClick={go(pageUrl('vote/nominate', { campaignId: campaign.id, kind: 'self' }))} />
        </>
      ) : null}
      {signedIn ? <Cell id='campaign-mine' title='我的提名' description='我推荐的邻长、我本人的候选情况' onClick={go(pageUrl('vote/mine', { campaignId: campaign.id }))} /> : null}
    </CellGroup>
  );
}

function SearchBar({ onSearch }: { onSearch: (keyword: string) => void }) {
  const [text, setText] = useState('');
  const submit = (v = text) => onSearch(v.trim());
  return (
    <View className='vote-search' id='candidate-search'>
      <Input
        className='vote-search__input'
        value={text}
        maxlength={20}
        confirmType='search'
        placeholder='姓名或编号'
        placeholderClass='lzt-input__placeholder'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={(e) => submit(e.detail.value)}
      />
      {text ? (
        <View
          className='vote-search__clear'
          aria-label='清除'
          onClick={() => {
            setText('');
            submit('');
          }}
        >
          ✕
        </View>
      ) : null}
      <View className='vote-search__go' id='candidate-search-go' hoverClass='vote-search__go--active' onClick={() => submit()}>
        搜索
      </View>
    </View>
  );
}

type Tab = 'candidates' | 'ranking';

export default function CampaignPage() {
  const id = decodeParam(useRouter().params.id);
  const gate = useSignInGate();
  const [keyword, setKeyword] = useState('');
  const [tab, setTab] = useState<Tab>('candidates');
  const [refresh, setRefresh] = useState(0);
  // Kept across searches and pages, so the top of the page does not blink while the list reloads.
  const [head, setHead] = useState<{ campaign: Campaign; me: MyVotes } | null>(null);

  const list = usePaged<CandidateCardT, CandidatePage>(
    async (page) => {
      const reply = await call('vote', 'campaign', { campaignId: id, page, pageSize: PAGE_SIZE, ...(keyword ? { keyword } : {}) });
      if (!reply.ok) return reply;
      setHead({ campaign: reply.data.campaign, me: reply.data.me });
      return { ok: true, data: reply.data.candidates };
    },
    [id, keyword, refresh],
  );

  // Back from a candidate after voting: the votes left and the counts are new.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    setRefresh((n) => n + 1);
  });

  useShare(head ? { title: `${head.campaign.title}，快来为身边的好邻长投票`, path: pageUrl('vote/campaign', { id }) } : null);

  let body;
  if (!id) body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪一次评选，请从首页进入' }} />;
  else if (!head) {
    if (isFinalError(list.error)) body = <BlockedState error={list.error} />;
    else if (list.error) body = <ErrorState error={list.error} onRetry={() => void list.reload()} />;
    else body = <Loading text='正在打开评选…' />;
  } else {
    const { campaign: c, me } = head;
    const rankingTab = c.rankingVisible;
    body = (
      <>
        {c.cover ? <Image className='vote-cover' id='campaign-cover' src={fileSrc(c.cover)} mode='aspectFill' /> : null}
        <View className='lzt-card vote-head'>
          <View className='lzt-title' id='campaign-title'>
            {c.title}
          </View>
          <View className='lzt-tag'>{c.scope.name}</View>
          <View className='lzt-tag'>{c.candidates} 位候选人</View>
        </View>
        <StatusBanner campaign={c} />
        <MyVotesCard campaign={c} me={me} gate={gate} onSignedIn={() => setRefresh((n) => n + 1)} />
        <Results campaign={c} />
        <NominateLinks campaign={c} signedIn={me.signedIn} />
        <CellGroup title='活动说明'>
          <View className='vote-text' id='campaign-description'>
            {c.description}
          </View>
        </CellGroup>
        <Rules campaign={c} />
        {rankingTab ? (
          <Tabs
            className='vote-tabs'
            idPrefix='campaign-tab-'
            value={tab}
            onChange={setTab}
            items={[
              { key: 'candidates', label: '全部候选人' },
              { key: 'ranking', label: c.status === 'closed' ? '最终排名' : '实时排名' },
            ]}
          />
        ) : (
          <View className='lzt-section-title'>全部候选人</View>
        )}
        {rankingTab && tab === 'ranking' ? (
          <Leaderboard campaignId={c.id} refresh={refresh} />
        ) : (
          <>
            <SearchBar onSearch={setKeyword} />
            {keyword && list.first ? (
              <View className='lzt-section-title' id='candidate-search-result'>
                “{keyword}”找到 {list.total} 位候选人
              </View>
            ) : null}
            <PagedList
              id='candidate-list'
              state={list}
              loadingText='正在读取候选人…'
              emptyTitle={keyword ? `没有找到“${keyword}”` : '还没有入围的候选人'}
              emptyDescription={keyword ? '请核对姓名或编号，编号只输入数字，例如 3' : c.status === 'voting' ? undefined : '提名经社区审核通过后，候选人会出现在这里。'}
            >
              {(items) => (
                <View className='lzt-cells'>
                  {items.map((k) => (
                    <CandidateRow key={k.id} id={k.id} no={k.no} name={k.name} unitName={k.unitName} photo={k.photo} votes={k.votes} />
                  ))}
                </View>
              )}
            </PagedList>
          </>
        )}
      </>
    );
  }
  return (
    <PageShell name='vote-campaign'>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
