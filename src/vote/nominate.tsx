// 提名: 群众推荐 (a resident picks a 邻长 of the scope and writes why) and 个人自荐 (a 邻长
// writes their own story and adds photos). Photos wait for the 管理员's review.
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CANDIDATE_STATUS_LABELS } from '../../contracts/vote-labels';
import { fetchWhoami, type WhoAmI } from '../api/whoami';
import { call } from '../api/client';
import { useSubscribeAsk } from '../api/subscribe';
import BlockedState, { isFinalError } from '../components/BlockedState';
import EmptyState from '../components/EmptyState';
import ErrorState from '../components/ErrorState';
import ChoiceList from '../components/form/ChoiceList';
import { Field, FormError, TextArea } from '../components/form/Field';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate, type SignInGate } from '../dev/useSignInGate';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import LeadPicker, { type PickedLead } from './parts/LeadPicker';
import PhotoPicker from '../components/PhotoPicker';
import { shortDateTime } from '../utils/beijingTime';
import type { Campaign, Nomination } from './types';
import Tabs, { type Tab } from '../components/Tabs';
import '../components/work.scss';
import './styles/search.scss';
import './styles/nominate.scss';
import './styles/nominations.scss';

const STORY_MAX = 800;
const PHOTOS_MAX = 6;
type Kind = 'public' | 'self';
const KINDS: Tab<Kind>[] = [
  { key: 'public', label: '群众推荐' },
  { key: 'self', label: '个人自荐' },
];

async function load(campaignId: string) {
  const [c, who] = await Promise.all([call('vote', 'campaign', { campaignId, page: 1, pageSize: 1 }), fetchWhoami()]);
  if (!c.ok) return c;
  if (!who.ok) return who;
  return { ok: true as const, data: { campaign: c.data.campaign, who: who.data } };
}

function Sent({ n, kind }: { n: Nomination; kind: Kind }) {
  return (
    <View id='nominate-sent'>
      <View className='lzt-state'>
        <View className='vote-done-icon'>✓</View>
        <View className='lzt-state__title'>已提交，等待社区审核</View>
        <View className='lzt-state__desc'>
          {kind === 'self' ? '您的自荐' : `您推荐的 ${n.name}（${n.unitName}）`}：{CANDIDATE_STATUS_LABELS[n.status]}
        </View>
        {n.photos.length > 0 ? <View className='lzt-state__desc'>照片经社区审核后才会公开显示。</View> : null}
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='nominate-open-mine' onClick={() => void Taro.redirectTo({ url: pageUrl('vote/mine', { campaignId: n.campaignId }) })}>
          查看我的提名
        </PrimaryButton>
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton kind='default' onClick={() => void Taro.navigateBack()}>
          返回
        </PrimaryButton>
      </View>
    </View>
  );
}

interface FormProps {
  campaign: Campaign;
  who: WhoAmI;
  kind: Kind;
  gate: SignInGate;
  onSent: (n: Nomination) => void;
}

function NominateForm({ campaign, who, kind, gate, onSent }: FormProps) {
  const myUnits = who.grants.filter((g) => g.role === 'neighbourLead');
  const [lead, setLead] = useState<PickedLead | null>(null);
  const [unitName, setUnitName] = useState(myUnits[0]?.nodeName ?? '');
  const [story, setStory] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const self = kind === 'self';
  const askToNotify = useSubscribeAsk(['reviewResult']);

  async function submit() {
    if (busy) return;
    if (!self && !lead) return setError('请先选择您要推荐的邻长');
    if (!story.trim()) return setError(self ? '请写一写您为邻里做的事' : '请写一写推荐这位邻长的理由和事迹');
    setError(null);
    setBusy(true);
    await askToNotify(); // 审核结果通知: asked at this tap, before submitting
    const unit = myUnits.find((g) => g.nodeName === unitName);
    const reply = self
      ? await call('vote', 'apply', { campaignId: campaign.id, story: story.trim(), photos, ...(myUnits.length > 1 && unit ? { unitId: unit.nodeId } : {}) })
      : await call('vote', 'recommend', { campaignId: campaign.id, unitId: lead!.unitId, story: story.trim(), photos });
    setBusy(false);
    if (reply.ok) return onSent(reply.data.nomination);
    if (reply.error.code === 'UNAUTHENTICATED' && gate.ask(() => void submit())) return;
    setError(reply.error.message);
  }

  if (self && myUnits.length === 0) {
    return (
      <EmptyState
        id='nominate-not-lead'
        title='只有邻长本人可以自荐'
        description='您还不是邻长。想推荐身边的好邻长，请选上方的“推荐邻长”。'
      />
    );
  }
  return (
    <View id={`nominate-form-${kind}`}>
      {self ? (
        myUnits.length > 1 ? (
          <Field id='nominate-unit' label='以哪个邻的邻长身份参加'>
            <ChoiceList id='nominate-unit-choices' options={myUnits.map((g) => g.nodeName)} value={unitName} onChange={setUnitName} />
          </Field>
        ) : null
      ) : (
        <>
          <View className='lzt-section-title'>1. 选择您要推荐的邻长（{campaign.scope.name}）</View>
          {lead ? (
            <View className='lzt-card nominate-picked' id='nominate-picked'>
              已选：<View className='nominate-picked__name'>{lead.leadName}</View>
              <View className='lzt-sub'>{lead.unitName}</View>
            </View>
          ) : null}
          <LeadPicker id='nominate-lead' scope={campaign.scope} value={lead} onChange={setLead} />
        </>
      )}
      <View className='lzt-section-title'>{self ? '写下您的事迹' : '2. 写下推荐理由'}</View>
      <View className='lzt-form'>
        <Field id='nominate-story' label={self ? '个人事迹' : '推荐理由和事迹'} hint='写清楚做了哪些好事、帮了谁，大家投票时会看到。'>
          <TextArea
            value={story}
            onChange={(v) => {
              setStory(v);
              setError(null);
            }}
            placeholder={self ? '例如：每周走访本邻住户，帮独居老人取药、修水管……' : '例如：每天帮独居的刘奶奶取牛奶、量血压……'}
            maxlength={STORY_MAX}
          />
        </Field>
        <Field id='nominate-photos' label='照片' optional hint={`最多 ${PHOTOS_MAX} 张；社区审核通过后才会公开显示。`}>
          <PhotoPicker id='nominate-photo-picker' value={photos} onChange={setPhotos} max={PHOTOS_MAX} />
        </Field>
      </View>
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='nominate-submit' disabled={busy} loading={busy || undefined} onClick={() => void submit()}>
          {busy ? '正在提交…' : self ? '提交自荐' : '提交推荐'}
        </PrimaryButton>
      </View>
    </View>
  );
}

function NotOpen({ campaign }: { campaign: Campaign }) {
  const message =
    campaign.status === 'upcoming' ? `提名将于 ${shortDateTime(campaign.nominateFrom)} 开始` : `提名已经截止（${shortDateTime(campaign.nominateUntil)}）`;
  return (
    <>
      <ErrorState error={{ code: 'CLOSED', message }} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton kind='default' id='nominate-open-campaign' onClick={() => void Taro.redirectTo({ url: pageUrl('vote/campaign', { id: campaign.id }) })}>
          去评选页看看
        </PrimaryButton>
      </View>
    </>
  );
}

export default function NominatePage() {
  const params = useRouter().params;
  const campaignId = decodeParam(params.campaignId);
  const [kind, setKind] = useState<Kind>(params.kind === 'self' ? 'self' : 'public');
  const [sent, setSent] = useState<Nomination | null>(null);
  const gate = useSignInGate();
  const state = useCall(() => load(campaignId), [campaignId]);
  const d = state.data;

  let body;
  if (!campaignId) body = <ErrorState error={{ code: 'INVALID_INPUT', message: '没有指定是哪一次评选，请从评选页进入' }} />;
  else if (!d) {
    if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
    else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    else body = <Loading text='正在打开…' />;
  } else if (sent) body = <Sent n={sent} kind={kind} />;
  else {
    const c = d.campaign;
    body = (
      <>
        <View className='lzt-card'>
          <View className='lzt-title' id='nominate-title'>
            {kind === 'self' ? '个人自荐' : '推荐邻长'}
          </View>
          <View className='lzt-sub'>{c.title}</View>
          <View className='lzt-sub'>提名截止：{shortDateTime(c.nominateUntil)}（北京时间）</View>
        </View>
        {c.status !== 'nominating' ? (
          <NotOpen campaign={c} />
        ) : !d.who.signedIn ? (
          <EmptyState
            id='nominate-signin'
            title='登录后才能推荐或自荐'
            action={
              <PrimaryButton id='nominate-signin-btn' onClick={() => gate.ask(() => void state.reload())}>
                登录
              </PrimaryButton>
            }
          />
        ) : (
          <>
            <Tabs items={KINDS} value={kind} onChange={setKind} idPrefix='nominate-tab-' />
            <NominateForm key={kind} campaign={c} who={d.who} kind={kind} gate={gate} onSent={setSent} />
          </>
        )}
      </>
    );
  }
  return (
    <PageShell name='vote-nominate'>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
