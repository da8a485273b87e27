// 首页 block of 最美邻长评选 for the caller's place (vote.announcements): a campaign under way
// leads to 去投票 (or 去推荐 while nominating); a finished one shows its 最美邻长 and leads to
// the results. A 管理员 also gets 评选管理. Kept small: it sits in the main package.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CAMPAIGN_STATUS_LABELS } from '../../../contracts/vote-labels';
import type { WhoAmI } from '../../api/whoami';
import { call, type Output } from '../../api/client';
import { Cell, CellGroup } from '../../components/Cell';
import PrimaryButton from '../../components/PrimaryButton';
import { useCall } from '../../hooks/useCall';
import { cnDateTime } from '../../utils/beijingDay';
import { pageUrl } from '../../utils/pageUrl';
import './CampaignBanner.scss';

type Announcements = Output<'vote', 'announcements'>;
type Summary = Announcements['ongoing'][number];

const open = (url: string) => () => void Taro.navigateTo({ url });
const fetchAnnouncements = () => call('vote', 'announcements', {});

function Ongoing({ c }: { c: Summary }) {
  const voting = c.status === 'voting';
  const note =
    c.status === 'voting'
      ? `投票截止：${cnDateTime(c.voteUntil)}`
      : c.status === 'nominating'
        ? `正在提名，${cnDateTime(c.nominateUntil)} 截止`
        : c.status === 'closed'
          ? '投票已结束，结果即将公布'
          : c.status === 'reviewing'
            ? `提名审核中，投票 ${cnDateTime(c.voteFrom)} 开始`
            : `提名 ${cnDateTime(c.nominateFrom)} 开始`;
  return (
    <View className={`lzt-card home-campaign home-campaign--${c.status}`} id={`home-campaign-${c.id}`}>
      <View className='home-campaign__top'>
        <View className='home-campaign__stage'>{CAMPAIGN_STATUS_LABELS[c.status]}</View>
        <View className='home-campaign__scope'>{c.scope.name}</View>
      </View>
      <View className='home-campaign__title'>{c.title}</View>
      <View className='home-campaign__note'>{note}</View>
      <View className='home-campaign__action'>
        <PrimaryButton className='home-campaign__go' kind={voting ? 'primary' : 'default'} onClick={open(pageUrl('vote/campaign', { id: c.id }))}>
          {voting ? '去投票' : c.status === 'nominating' ? '去推荐好邻长' : '去看看'}
        </PrimaryButton>
      </View>
    </View>
  );
}

function Announced({ c }: { c: Summary }) {
  const honorees = c.results?.honorees ?? [];
  return (
    <View className='lzt-card home-honour' id={`home-results-${c.id}`}>
      <View className='home-honour__title'>★ 最美邻长 · 评选结果</View>
      <View className='home-honour__sub'>{c.title}</View>
      <View className='home-honour__names'>
        {honorees.slice(0, 6).map((h) => (
          <View key={h.candidateId} className='home-honour__name'>
            ★ {h.name}
          </View>
        ))}
        {honorees.length > 6 ? <View className='home-honour__more'>等 {honorees.length} 位</View> : null}
      </View>
      <View className='home-campaign__action'>
        <PrimaryButton kind='default' className='home-honour__go' onClick={open(pageUrl('vote/campaign', { id: c.id }))}>
          查看评选结果
        </PrimaryButton>
      </View>
    </View>
  );
}

/** 最美邻长评选 on 首页; nothing at all when there is none and the caller is no 管理员. */
export default function CampaignBanner({ me }: { me: WhoAmI }) {
  const state = useCall(fetchAnnouncements, [], { refreshOnShow: true });
  const admin = me.roles.includes('admin');
  const d = state.data;
  const adminEntry = admin ? (
    <CellGroup className='home-vote-admin'>
      <Cell id='home-vote-admin' title='评选管理' description='发起最美邻长评选、审核提名、确认结果' onClick={open(pageUrl('vote/admin'))} />
    </CellGroup>
  ) : null;

  let body = null;
  if (state.error) {
    body = (
      <View className='lzt-card home-campaign-state' id='home-campaign-error' aria-role='alert'>
        <View className='home-campaign-state__text'>评选活动没有读到：{state.error.message}</View>
        <View className='home-campaign-state__retry' onClick={() => void state.reload()}>
          重试
        </View>
      </View>
    );
  } else if (!d) {
    body = state.loading ? (
      <View className='lzt-card home-campaign-state' id='home-campaign-loading'>
        <View className='lzt-spinner lzt-spinner--small home-campaign-state__spin' />
        <View className='home-campaign-state__text'>正在读取评选活动…</View>
      </View>
    ) : null;
  } else if (d.ongoing.length + d.announced.length > 0) {
    body = (
      <>
        {d.ongoing.map((c) => (
          <Ongoing key={c.id} c={c} />
        ))}
        {d.announced.slice(0, 1).map((c) => (
          <Announced key={c.id} c={c} />
        ))}
      </>
    );
  }
  if (!body && !adminEntry) return null;
  return (
    <View id='home-campaigns' className='home-campaigns'>
      {body ? <View className='lzt-section-title'>最美邻长评选</View> : null}
      {body}
      {adminEntry}
    </View>
  );
}
