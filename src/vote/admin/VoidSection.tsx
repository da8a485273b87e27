// 作废选票: a candidate's votes in a time window, or every vote of one voter (optionally
// barring them), with a reason. The votes can be looked at first; the void runs in rounds
// (the server voids at most a few thousand per call and continues with the audit id) and
// says how many were voided. Everything is written to the 操作记录.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AppErrorBody } from '../../../contracts';
import { call } from '../../api/client';
import CheckRow from '../../components/form/CheckRow';
import { Field, FormError, TextArea, TextInput } from '../../components/form/Field';
import PrimaryButton from '../../components/PrimaryButton';
import DateTimeField from '../parts/DateTimeField';
import { clockTime } from '../../utils/beijingTime';
import { useAction } from '../../hooks/useAction';
import type { Audit, Campaign, CandidateCardT, VoteRows } from '../types';
import type { WindowTarget } from './AlertsSection';
import Tabs, { type Tab } from '../../components/Tabs';

type Mode = 'window' | 'voter';
const MODES: Tab<Mode>[] = [
  { key: 'window', label: '候选人某时段' },
  { key: 'voter', label: '某位投票人' },
];
type Row = VoteRows['items'][number];

const VOTER_RE = /^[0-9A-Za-z_-]{1,64}$/;

function CandidateFinder({ campaignId, value, onPick }: { campaignId: string; value: { id: string; label: string } | null; onPick: (c: { id: string; label: string }) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<CandidateCardT[] | null>(null);
  const { busy, error, run } = useAction();
  async function find() {
    const data = await run('find', () => call('vote', 'campaign', { campaignId, page: 1, pageSize: 10, ...(text.trim() ? { keyword: text.trim() } : {}) }));
    if (data) setFound(data.candidates.items);
  }
  return (
    <View className='void-finder'>
      {value ? (
        <View className='void-finder__picked' id='void-candidate-picked'>
          已选：{value.label}
        </View>
      ) : null}
      <View className='void-finder__bar'>
        <TextInput className='void-finder__input' value={text} onChange={setText} placeholder='编号或姓名' maxlength={20} />
        <PrimaryButton kind='default' className='void-finder__go' id='void-candidate-find' loading={!!busy || undefined} onClick={() => void find()}>
          查找
        </PrimaryButton>
      </View>
      <FormError message={error} />
      {found ? (
        <View className='lzt-cells void-finder__list'>
          {found.length === 0 ? <View className='lzt-cell lzt-sub'>没有找到这位候选人</View> : null}
          {found.map((k) => (
            <View
              key={k.id}
              id={`void-candidate-${k.id}`}
              className='lzt-cell void-finder__option'
              hoverClass='lzt-cell--active'
              onClick={() => {
                onPick({ id: k.id, label: `${k.no}号 ${k.name}` });
                setFound(null);
              }}
            >
              <View className='lzt-cell__body'>
                <View className='lzt-cell__title'>
                  {k.no}号 {k.name}
                </View>
                <View className='lzt-cell__desc'>{k.unitName}</View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

interface Filter {
  candidateId?: string;
  voter?: string;
  from?: number;
  until?: number;
}

/** The matching valid votes, newest first, 20 at a time (vote.votes has no total: 加载更多 while hasMore). */
function VotesPreview({ campaignId, filter, onVoter }: { campaignId: string; filter: Filter; onVoter: (voter: string) => void }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorBody | null>(null);
  async function load(p: number) {
    setLoading(true);
    setError(null);
    const reply = await call('vote', 'votes', { campaignId, ...filter, page: p, pageSize: 10 });
    setLoading(false);
    if (!reply.ok) return setError(reply.error);
    setRows((r) => (p === 1 ? reply.data.items : [...r, ...reply.data.items]));
    setPage(p);
    setHasMore(reply.data.hasMore);
  }
  useEffect(() => void load(1), [JSON.stringify(filter)]);
  return (
    <View id='void-preview' className='void-preview'>
      {error ? (
        <View className='lzt-form-error' aria-role='alert'>
          {error.message}
        </View>
      ) : null}
      {page > 0 && rows.length === 0 ? <View className='lzt-sub void-preview__empty'>没有符合条件的有效选票</View> : null}
      {rows.length > 0 ? (
        <View className='lzt-cells'>
          {rows.map((v) => (
            <View key={v.id} className='lzt-cell void-row' hoverClass='lzt-cell--active' onClick={filter.voter ? undefined : () => onVoter(v.voter)}>
              <View className='lzt-cell__body'>
                <View className='lzt-cell__title'>{clockTime(v.at)}</View>
                <View className='lzt-cell__desc'>投票人 {v.voter}</View>
              </View>
              {filter.voter ? null : <View className='lzt-sub void-row__hint'>查此人</View>}
            </View>
          ))}
        </View>
      ) : null}
      <View className='lzt-paged__foot'>
        {loading ? (
          <View className='lzt-paged__loading'>
            <View className='lzt-spinner lzt-spinner--small' />
            <View className='lzt-sub'>正在读取选票…</View>
          </View>
        ) : hasMore ? (
          <PrimaryButton kind='default' onClick={() => void load(page + 1)}>
            加载更多（已显示 {rows.length} 张）
          </PrimaryButton>
        ) : page > 0 && rows.length > 0 ? (
          <View className='lzt-sub'>共 {rows.length} 张有效选票</View>
        ) : null}
      </View>
    </View>
  );
}

export default function VoidSection({ campaign, target, onVoided }: { campaign: Campaign; target: WindowTarget | null; onVoided: () => void }) {
  const [mode, setMode] = useState<Mode>('window');
  const [candidate, setCandidate] = useState<{ id: string; label: string } | null>(target ? { id: target.candidateId, label: target.label } : null);
  const [from, setFrom] = useState(target?.from ?? Math.max(campaign.voteFrom, Math.floor(Date.now() / 60_000) * 60_000 - 3600_000));
  const [until, setUntil] = useState(target?.until ?? Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
  const [voter, setVoter] = useState('');
  const [block, setBlock] = useState(false);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Filter | null>(target ? { candidateId: target.candidateId, from: target.from, until: target.until } : null);
  const [result, setResult] = useState<Audit | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  // Bumped after a void, so the list below shows what is left.
  const [version, setVersion] = useState(0);
  const { busy, error, setError, run } = useAction();

  const filter = (): Filter | null => {
    if (mode === 'window') {
      if (!candidate) return setError('请先查找并选择一位候选人'), null;
      if (from >= until) return setError('结束时间应晚于开始时间'), null;
      return { candidateId: candidate.id, from, until };
    }
    if (!VOTER_RE.test(voter.trim())) return setError('请填写投票人标识（可在选票明细中点“查此人”带入）'), null;
    return { voter: voter.trim() };
  };

  const pickVoter = (v: string) => {
    setMode('voter');
    setVoter(v);
    setPreview({ voter: v });
  };

  async function doVoid() {
    const f = filter();
    if (!f) return;
    if (!reason.trim()) return setError('请写明作废的原因');
    const what = mode === 'window' ? `${candidate!.label} 在这段时间得到的选票` : `投票人 ${voter.trim()} 的全部选票${block ? '，并取消其投票资格' : ''}`;
    const ok = await Taro.showModal({ title: '确认作废', content: `作废${what}？作废后不能恢复，会记入操作记录。`, confirmText: '作废', confirmColor: '#b71c1c' });
    if (!ok.confirm) return;
    const t = mode === 'window' ? { kind: 'window' as const, candidateId: candidate!.id, from, until } : { kind: 'voter' as const, voter: voter.trim(), block };
    let auditId: string | undefined;
    setResult(null);
    for (;;) {
      const data = await run('void', () => call('vote', 'void', { campaignId: campaign.id, target: t, reason: reason.trim(), ...(auditId ? { auditId } : {}) }));
      if (!data) break;
      setProgress(data.audit.count);
      if (!data.more) {
        setResult(data.audit);
        break;
      }
      auditId = data.audit.id;
    }
    setProgress(null);
    setPreview(f);
    setVersion((v) => v + 1);
    onVoided();
  }

  if (campaign.results) {
    return <View className='lzt-section-foot' id='manage-void'>结果已经确认，不能再作废选票。</View>;
  }
  return (
    <View id='manage-void'>
      <Tabs items={MODES} value={mode} onChange={setMode} idPrefix='void-mode-' />
      <View className='lzt-form'>
        {mode === 'window' ? (
          <>
            <Field id='void-candidate' label='候选人'>
              <CandidateFinder campaignId={campaign.id} value={candidate} onPick={setCandidate} />
            </Field>
            <Field id='void-from' label='从（北京时间）'>
              <DateTimeField id='void-from-picker' value={from} onChange={setFrom} />
            </Field>
            <Field id='void-until' label='到（不含）'>
              <DateTimeField id='void-until-picker' value={until} onChange={setUntil} />
            </Field>
          </>
        ) : (
          <>
            <Field id='void-voter' label='投票人标识' hint='在候选人某时段的选票明细里，点一张选票可带入投票人。'>
              <TextInput value={voter} onChange={setVoter} placeholder='投票人标识' maxlength={64} />
            </Field>
            <Field id='void-block' label='投票资格'>
              <CheckRow id='void-block-check' checked={block} onChange={setBlock}>
                同时取消此人在本次评选中的投票资格
              </CheckRow>
            </Field>
          </>
        )}
      </View>
      <View className='lzt-btn-wrap'>
        <PrimaryButton
          kind='default'
          id='void-preview-btn'
          onClick={() => {
            const f = filter();
            if (f) setPreview(f);
          }}
        >
          先看看这些选票
        </PrimaryButton>
      </View>
      {preview ? <VotesPreview key={version} campaignId={campaign.id} filter={preview} onVoter={pickVoter} /> : null}
      <View className='lzt-form'>
        <Field id='void-reason' label='作废原因（必填，记入操作记录）'>
          <TextArea
            value={reason}
            onChange={(v) => {
              setReason(v);
              setError('');
            }}
            maxlength={200}
            placeholder='例如：同一设备短时间内集中投票，经核查为刷票'
          />
        </Field>
      </View>
      <FormError message={error} />
      {progress !== null ? <View className='lzt-section-foot' id='void-progress'>正在作废，已作废 {progress} 张…</View> : null}
      {result ? (
        <View className='lzt-card void-result' id='void-result'>
          <View className='void-result__count'>已作废 {result.count} 张选票</View>
          <View className='lzt-sub'>{result.summary}</View>
        </View>
      ) : null}
      <View className='lzt-btn-wrap'>
        <PrimaryButton kind='warn' id='void-submit' loading={busy === 'void' || undefined} disabled={!!busy} onClick={() => void doVoid()}>
          {busy === 'void' ? '正在作废…' : '作废选票'}
        </PrimaryButton>
      </View>
    </View>
  );
}
