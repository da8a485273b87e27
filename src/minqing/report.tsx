// 反映问题: a resident reports a problem (against the bound household's 邻, or the 联系卡 they
// scanned); on a 五个一 visit the 邻长 collects a batch for a household (收集一批问题).
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { fetchWhoami } from '../api/whoami';
import { call } from '../api/client';
import { useSubscribeAsk } from '../api/subscribe';
import BlockedState, { isFinalError } from '../components/BlockedState';
import EmptyState from '../components/EmptyState';
import ErrorState from '../components/ErrorState';
import { FormError } from '../components/form/Field';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { useSignInGate, type SignInGate } from '../dev/useSignInGate';
import { useCall } from '../hooks/useCall';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { lastCardUnit } from '../utils/lastCard';
import ReportFields, { draftProblem, emptyDraft, toInput, type DraftState } from './parts/ReportFields';
import type { Category, ProblemRow } from './types';
import '../components/work.scss';
import './minqing.scss';

const MAX_BATCH = 10;

interface Target {
  /** Where the report goes (the resident's 邻, or the card scanned). */
  unitId?: string;
  headline: string;
  place: string;
}

/** Categories, and where a resident's report goes. */
async function loadResident(cardUnitId: string) {
  const [cats, who] = await Promise.all([call('minqing', 'categories', {}), fetchWhoami()]);
  if (!cats.ok) return cats;
  if (!who.ok) return who;
  let target: Target | null = null;
  if (who.data.household) target = { headline: `反映给 ${who.data.household.address} 所在邻的邻长`, place: who.data.household.address };
  else if (cardUnitId) {
    const card = await call('card', 'get', { unitId: cardUnitId });
    if (!card.ok) return card;
    const lead = card.data.lead ? `邻长 ${card.data.lead.name}` : '邻长';
    target = { unitId: cardUnitId, headline: `反映给 ${card.data.unit.name} 的${lead}`, place: card.data.unit.buildings[0] ?? '' };
  }
  return { ok: true as const, data: { categories: cats.data.items, target, signedIn: who.data.signedIn } };
}

function Sent({ rows, onAgain }: { rows: ProblemRow[]; onAgain: () => void }) {
  const one = rows.length === 1 ? rows[0] : null;
  return (
    <View id='report-sent'>
      <View className='lzt-state'>
        <View className='mq-done-icon'>✓</View>
        <View className='lzt-state__title'>{one ? '已提交，正在转交办理' : `已提交 ${rows.length} 个问题`}</View>
        {rows.map((r) => (
          <View key={r.id} className='lzt-state__desc report-sent__row'>
            反映编号 {r.number}：{r.categoryLabel}，由{r.handler.name ? ` ${r.handler.name} ` : ''}办理
          </View>
        ))}
        <View className='lzt-state__desc'>办理的每一步都会发到“我的 › 消息”。</View>
      </View>
      {one ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='report-open-detail' onClick={() => void Taro.redirectTo({ url: pageUrl('minqing/detail', { id: one.id }) })}>
            查看办理进度
          </PrimaryButton>
        </View>
      ) : null}
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='report-again' kind='default' onClick={onAgain}>
          再反映一个问题
        </PrimaryButton>
      </View>
    </View>
  );
}

interface FormProps {
  categories: Category[];
  target: Target;
  gate: SignInGate;
  onSent: (rows: ProblemRow[]) => void;
}

function ResidentForm({ categories, target, gate, onSent }: FormProps) {
  const [draft, setDraft] = useState<DraftState>(() => emptyDraft(target.place));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const askSubscribe = useSubscribeAsk(['problemProgress']);

  async function submit() {
    if (busy) return;
    const problem = draftProblem(draft);
    if (problem) return setError(problem);
    setError(null);
    setBusy(true);
    // WeChat grants one 办理进度 message per tap, and only inside the tap: asked first (nothing on H5).
    await askSubscribe();
    const reply = await call('minqing', 'submit', { ...toInput(draft), ...(target.unitId ? { unitId: target.unitId } : {}) });
    setBusy(false);
    if (reply.ok) return onSent([reply.data.problem]);
    if (reply.error.code === 'UNAUTHENTICATED' && gate.ask(() => void submit())) return;
    setError(reply.error.message);
  }

  return (
    <>
      <View className='lzt-card mq-target' id='report-target'>
        {target.headline}
      </View>
      <ReportFields
        categories={categories}
        value={draft}
        onChange={(d) => {
          setDraft(d);
          setError(null);
        }}
      />
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='report-submit' disabled={busy} loading={busy || undefined} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交反映'}
        </PrimaryButton>
      </View>
    </>
  );
}

interface CollectProps {
  categories: Category[];
  householdId: string;
  visitId?: string;
  address: string;
  onSent: (rows: ProblemRow[]) => void;
}

/** 收集一批问题: drafts pile up (加入本批), then go in one call for the household. */
function CollectForm({ categories, householdId, visitId, address, onSent }: CollectProps) {
  const [batch, setBatch] = useState<DraftState[]>([]);
  const [draft, setDraft] = useState<DraftState>(() => emptyDraft(address));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const touched = draft.category !== '' || draft.description.trim() !== '';

  function addToBatch() {
    const problem = draftProblem(draft);
    if (problem) return setError(problem);
    if (batch.length >= MAX_BATCH - 1) return setError(`一次最多登记 ${MAX_BATCH} 个问题`);
    setBatch([...batch, draft]);
    setDraft(emptyDraft(address));
    setError(null);
  }

  async function submit() {
    if (busy) return;
    const all = touched ? [...batch, draft] : batch;
    if (touched) {
      const problem = draftProblem(draft);
      if (problem) return setError(problem);
    }
    if (all.length === 0) return setError('请至少填写一个问题');
    setError(null);
    setBusy(true);
    const reply = await call('minqing', 'submitForHousehold', { householdId, ...(visitId ? { visitId } : {}), problems: all.map(toInput) });
    setBusy(false);
    if (reply.ok) return onSent(reply.data.problems);
    setError(reply.error.message);
  }

  const label = categories.reduce<Record<string, string>>((m, c) => ({ ...m, [c.id]: c.label }), {});
  return (
    <>
      <View className='lzt-card mq-target' id='report-target'>
        为 {address || '这户'} 登记问题{visitId ? '（关联本次走访）' : ''}
      </View>
      {batch.length ? (
        <View className='lzt-cells mq-batch' id='report-batch'>
          {batch.map((d, i) => (
            <View key={i} className='lzt-cell mq-batch__item'>
              <View className='lzt-cell__body'>
                <View className='lzt-cell__title'>
                  {i + 1}. {label[d.category] ?? d.category}
                  {d.urgent ? '（紧急）' : ''}
                </View>
                <View className='lzt-cell__desc'>{d.description}</View>
              </View>
              <View className='mq-batch__remove' onClick={() => setBatch(batch.filter((_, j) => j !== i))}>
                移除
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View className='lzt-section-title'>{batch.length ? `第 ${batch.length + 1} 个问题` : '问题'}</View>
      <ReportFields
        categories={categories}
        value={draft}
        onBehalf
        onChange={(d) => {
          setDraft(d);
          setError(null);
        }}
      />
      <FormError message={error} />
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='report-add-batch' kind='default' disabled={busy} onClick={addToBatch}>
          加入本批，再记一个
        </PrimaryButton>
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton id='report-submit' disabled={busy} loading={busy || undefined} onClick={() => void submit()}>
          {busy ? '正在提交…' : `提交本批（${batch.length + (touched ? 1 : 0)} 个问题）`}
        </PrimaryButton>
      </View>
    </>
  );
}

export default function ReportPage() {
  const params = useRouter().params;
  const householdId = decodeParam(params.householdId);
  const cardUnitId = decodeParam(params.unitId) || lastCardUnit() || '';
  const [sent, setSent] = useState<ProblemRow[] | null>(null);
  const [round, setRound] = useState(0);
  const gate = useSignInGate();
  const state = useCall(
    () => (householdId ? call('minqing', 'categories', {}).then((r) => (r.ok ? { ok: true as const, data: { categories: r.data.items, target: null, signedIn: true } } : r)) : loadResident(cardUnitId)),
    [householdId, cardUnitId],
  );
  const d = state.data;

  let body;
  if (!d) {
    if (isFinalError(state.error)) body = <BlockedState error={state.error} />;
    else if (state.error) body = <ErrorState error={state.error} onRetry={() => void state.reload()} />;
    else body = <Loading text='正在打开…' />;
  } else if (sent) {
    body = (
      <Sent
        rows={sent}
        onAgain={() => {
          setSent(null);
          setRound(round + 1);
        }}
      />
    );
  } else if (householdId) {
    body = (
      <CollectForm
        key={round}
        categories={d.categories}
        householdId={householdId}
        visitId={decodeParam(params.visitId) || undefined}
        address={decodeParam(params.address)}
        onSent={setSent}
      />
    );
  } else if (!d.target) {
    body = (
      <EmptyState
        id='report-no-target'
        title='请先找到您的邻长'
        description='扫描门上或楼栋群里的邻长联系卡，或绑定您家住户，反映的问题就会交给您的邻长办理。'
        action={
          <PrimaryButton id='report-open-card' onClick={() => void Taro.switchTab({ url: pageUrl('pages/card/index') })}>
            去找邻长联系卡
          </PrimaryButton>
        }
      />
    );
  } else {
    body = <ResidentForm key={round} categories={d.categories} target={d.target} gate={gate} onSent={setSent} />;
  }

  return (
    <PageShell name='minqing-report'>
      <View className='lzt-card'>
        <View className='lzt-title' id='report-title'>
          {householdId ? '收集一批问题' : '反映问题'}
        </View>
        <View className='lzt-sub'>{householdId ? '“五个一”走访时住户提出的问题，登记后按三事分流办理' : '有事找邻长：私事邻长帮您办，小事片长提交民情恳谈会，大事社区交部门办理'}</View>
      </View>
      {body}
      {gate.sheet}
    </PageShell>
  );
}
