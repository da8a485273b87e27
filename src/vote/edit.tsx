// 活动设置 (管理员): create a campaign or change one — title, description, cover, the
// nomination and voting windows (Beijing time), who may vote, the votes per day and per
// candidate, when the ranking shows, the number of honorees. Once voting has started only
// the title, description, cover and the number of honorees can change (the server says so too).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LEVEL_LABELS, type Level } from '../../contracts/roles';
import { VOTE_ELIGIBILITY_LABELS } from '../../contracts/vote-labels';
import { fetchWhoami } from '../api/whoami';
import { call } from '../api/client';
import BlockedState, { isFinalError } from '../components/BlockedState';
import ChoiceList from '../components/form/ChoiceList';
import { Field, FormError, TextArea, TextInput } from '../components/form/Field';
import Stepper from '../components/form/Stepper';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { BADGE_MAX, checkDraft, DESCRIPTION_MAX, draftOf, newDraft, TITLE_MAX, type Draft } from './parts/campaignForm';
import DateTimeField from './parts/DateTimeField';
import PhotoPicker from '../components/PhotoPicker';
import { STAGE_LABELS, stageOf } from './parts/status';
import type { Campaign } from './types';
import '../components/work.scss';
import './styles/nominations.scss';
import './styles/admin.scss';

interface ScopeOption {
  nodeId: string;
  label: string;
}

const ELIGIBILITY = (['anyone', 'registered', 'scope'] as const).map((k) => ({ key: k, label: VOTE_ELIGIBILITY_LABELS[k] }));
const GAPS = [
  { key: 0, label: '不限制' },
  { key: 3, label: '至少隔 3 秒' },
  { key: 10, label: '至少隔 10 秒' },
  { key: 60, label: '至少隔 1 分钟' },
];
const RANKING = [
  { key: 'live' as const, label: '投票期间实时公布' },
  { key: 'after' as const, label: '投票结束后再公布' },
];

/** Radio cells keyed by value (ChoiceList works on labels). */
function Choices<K extends string | number>({ id, items, value, onChange }: { id: string; items: { key: K; label: string }[]; value: K; onChange: (k: K) => void }) {
  const current = items.find((i) => i.key === value)?.label ?? '';
  return <ChoiceList id={id} options={items.map((i) => i.label)} value={current} onChange={(label) => onChange(items.find((i) => i.label === label)!.key)} />;
}

async function load(id: string) {
  if (id) {
    const o = await call('vote', 'overview', { campaignId: id });
    return o.ok ? { ok: true as const, data: { campaign: o.data.campaign as Campaign | null, scopes: [] as ScopeOption[] } } : o;
  }
  // A new campaign: over the 管理员's own node, or one 片 of their 社区.
  const who = await fetchWhoami();
  if (!who.ok) return who;
  const grants = who.data.grants.filter((g) => g.role === 'admin' && g.level !== 'partner');
  const scopes: ScopeOption[] = grants.map((g) => ({ nodeId: g.nodeId, label: `${g.nodeName}（整个${LEVEL_LABELS[g.level as Level]}）` }));
  if (grants.some((g) => g.level === 'community')) {
    const tree = await call('roster', 'tree', {});
    if (tree.ok) for (const n of tree.data.nodes) if (n.level === 'area') scopes.push({ nodeId: n.id, label: `${n.name}（${tree.data.community.name}的一个片）` });
  }
  if (scopes.length === 0) return { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '只有社区、镇街或区的管理员可以发起评选' } };
  return { ok: true as const, data: { campaign: null as Campaign | null, scopes } };
}

function Form({ id, campaign, scopes }: { id: string; campaign: Campaign | null; scopes: ScopeOption[] }) {
  const [draft, setDraft] = useState<Draft>(() => (campaign ? draftOf(campaign) : newDraft(Date.now(), scopes[0]?.nodeId ?? '')));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  // Once voting has started, the windows and the rules stay as they are.
  const locked = !!campaign && (campaign.status === 'voting' || campaign.status === 'closed');

  async function save() {
    if (busy) return;
    const checked = checkDraft(draft, id || undefined);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const reply = await call('vote', 'save', checked.input);
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    void Taro.showToast({ title: id ? '已保存' : '已创建', icon: 'success' });
    if (id) void Taro.navigateBack();
    else void Taro.redirectTo({ url: pageUrl('vote/manage', { id: reply.data.campaign.id }) });
  }

  const scopeLabel = scopes.find((s) => s.nodeId === draft.scopeNodeId)?.label ?? '';
  return (
    <View id='campaign-form'>
      {campaign ? (
        <View className='lzt-card'>
          <View className='lzt-sub'>
            {campaign.scope.name} · {STAGE_LABELS[stageOf(campaign)]}
          </View>
          {locked ? <View className='vote-lock-note' id='edit-locked'>投票已经开始：时间和投票规则不能再改，标题、说明、封面、表彰名额和称号还可以改。</View> : null}
        </View>
      ) : null}
      <View className='lzt-form'>
        {campaign ? null : (
          <Field id='edit-scope' label='评选范围' hint='候选人是这个范围内的邻长；创建后不能更改。'>
            <ChoiceList id='edit-scope-choices' options={scopes.map((s) => s.label)} value={scopeLabel} onChange={(label) => set({ scopeNodeId: scopes.find((s) => s.label === label)!.nodeId })} />
          </Field>
        )}
        <Field id='edit-title' label='活动标题'>
          <TextInput value={draft.title} onChange={(title) => set({ title })} placeholder='如：最美邻长评选' maxlength={TITLE_MAX} />
        </Field>
        <Field id='edit-description' label='活动说明' hint='写清楚评什么、怎么评、结果怎么用，居民都能看到。'>
          <TextArea value={draft.description} onChange={(description) => set({ description })} placeholder='为身边热心服务的邻长投上一票……' maxlength={DESCRIPTION_MAX} />
        </Field>
        <Field id='edit-cover' label='封面图片' optional>
          <PhotoPicker id='edit-cover-picker' value={draft.cover} onChange={(cover) => set({ cover })} max={1} addLabel='上传封面' folder='pub/covers' />
        </Field>
      </View>

      <View className='lzt-section-title'>时间（北京时间）</View>
      <View className='lzt-form vote-form-times'>
        <Field id='edit-nominate-from' label='提名开始'>
          <DateTimeField id='edit-nominate-from-picker' value={draft.nominateFrom} onChange={(nominateFrom) => set({ nominateFrom })} disabled={locked} />
        </Field>
        <Field id='edit-nominate-until' label='提名截止'>
          <DateTimeField id='edit-nominate-until-picker' value={draft.nominateUntil} onChange={(nominateUntil) => set({ nominateUntil })} disabled={locked} />
        </Field>
        <Field id='edit-vote-from' label='投票开始' hint='提名截止到投票开始之间，社区审核提名、给候选人编号。'>
          <DateTimeField id='edit-vote-from-picker' value={draft.voteFrom} onChange={(voteFrom) => set({ voteFrom })} disabled={locked} />
        </Field>
        <Field id='edit-vote-until' label='投票截止'>
          <DateTimeField id='edit-vote-until-picker' value={draft.voteUntil} onChange={(voteUntil) => set({ voteUntil })} disabled={locked} />
        </Field>
      </View>

      <View className='lzt-section-title'>投票规则</View>
      <View className={`lzt-form${locked ? ' vote-form--locked' : ''}`}>
        <Field id='edit-eligibility' label='谁可以投票（和推荐）'>
          {locked ? <View className='vote-locked-value'>{VOTE_ELIGIBILITY_LABELS[draft.eligibility]}</View> : <Choices id='edit-eligibility-choices' items={ELIGIBILITY} value={draft.eligibility} onChange={(eligibility) => set({ eligibility })} />}
        </Field>
        <Field id='edit-per-day' label='每人每天可投几票'>
          {locked ? (
            <View className='vote-locked-value'>{draft.perDay} 票</View>
          ) : (
            <Stepper id='edit-per-day-stepper' value={draft.perDay} min={1} max={100} unit='票' onChange={(perDay) => set({ perDay, perCandidatePerDay: Math.min(draft.perCandidatePerDay, perDay) })} />
          )}
        </Field>
        <Field id='edit-per-candidate' label='每天最多给同一位候选人投几票'>
          {locked ? (
            <View className='vote-locked-value'>{draft.perCandidatePerDay} 票</View>
          ) : (
            <Stepper id='edit-per-candidate-stepper' value={draft.perCandidatePerDay} min={1} max={draft.perDay} unit='票' onChange={(perCandidatePerDay) => set({ perCandidatePerDay })} />
          )}
        </Field>
        <Field id='edit-gap' label='防刷票：同一人两次投票的间隔'>
          {locked ? <View className='vote-locked-value'>{GAPS.find((g) => g.key === draft.minGapSeconds)?.label ?? `至少隔 ${draft.minGapSeconds} 秒`}</View> : <Choices id='edit-gap-choices' items={GAPS} value={draft.minGapSeconds} onChange={(minGapSeconds) => set({ minGapSeconds })} />}
        </Field>
        <Field id='edit-ranking' label='票数和排名什么时候公布'>
          {locked ? <View className='vote-locked-value'>{RANKING.find((r) => r.key === draft.ranking)?.label}</View> : <Choices id='edit-ranking-choices' items={RANKING} value={draft.ranking} onChange={(ranking) => set({ ranking })} />}
        </Field>
      </View>

      <View className='lzt-section-title'>表彰</View>
      <View className='lzt-form'>
        <Field id='edit-honorees' label='表彰名额' hint='投票结束后默认按票数取前几名，确认时可以调整（须写明原因）。'>
          <Stepper id='edit-honorees-stepper' value={draft.honorees} min={1} max={50} unit='名' onChange={(honorees) => set({ honorees })} />
        </Field>
        <Field id='edit-badge' label='授予的称号' optional hint='显示在获奖邻长的联系卡上；不填则为“某年度最美邻长”。'>
          <TextInput value={draft.badge} onChange={(badge) => set({ badge })} placeholder='如：最美邻长' maxlength={BADGE_MAX} />
        </Field>
      </View>

      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='edit-save' disabled={busy} loading={busy || undefined} onClick={() => void save()}>
          {busy ? '正在保存…' : id ? '保存修改' : '创建评选'}
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function EditPage() {
  const id = decodeParam(useRouter().params.id);
  const state = useCall(() => load(id), [id]);
  const d = state.data;
  let body;
  if (d) body = <Form id={id} campaign={d.campaign} scopes={d.scopes} />;
  else if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
  else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  else body = <Loading text='正在打开…' />;
  return <PageShell name='vote-edit'>{body}</PageShell>;
}
