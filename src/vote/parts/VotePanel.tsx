// The vote button. It says how many votes the caller has left today, in the campaign and
// for this candidate. Each tap sends a new requestId; when the answer is lost (network
// error, timeout) the next tap is a retry of the same vote and reuses its requestId, so it
// can never count twice. Refusals show the server's own message (quota, CLOSED, …).
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { AppErrorBody } from '../../../contracts';
import { call } from '../../api/client';
import PrimaryButton from '../../components/PrimaryButton';
import type { SignInGate } from '../../dev/useSignInGate';
import type { CandidateReply, CastResult } from '../types';
import { newRequestId } from './requestId';

interface Props {
  data: CandidateReply;
  /** The last accepted vote on this page (null after a reload). */
  cast: CastResult | null;
  onCast: (result: CastResult) => void;
  /** Reads the candidate again, quietly (the server's own words for what is left). */
  reload: () => void;
  gate: SignInGate;
}

/** Lost answers: the vote may or may not have counted, so the retry keeps the requestId. */
const isLost = (e: AppErrorBody) => e.code === 'INTERNAL';

export default function VotePanel({ data, cast, onCast, reload, gate }: Props) {
  const { campaign: c, candidate: k } = data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const [closed, setClosed] = useState(false);
  const [done, setDone] = useState<CastResult | null>(null);
  // The requestId of a tap whose answer was lost; the next tap retries it.
  const pending = useRef<string | null>(null);

  const me = data.me;
  const leftToday = cast ? cast.leftToday : me.leftToday;
  const leftForCandidate = cast ? cast.leftForCandidate : me.leftForCandidate;
  const canVote = !closed && (cast ? leftForCandidate > 0 : me.canVote);
  const needsSignIn = !me.signedIn && !closed && c.status === 'voting';
  // Counts are the caller's own only when the quota is what decides (not for a barred or ineligible caller).
  const byQuota = !!cast || me.byQuota;

  async function vote() {
    if (busy) return;
    const requestId = pending.current ?? newRequestId();
    pending.current = requestId;
    setBusy(true);
    setError(null);
    setDone(null);
    const reply = await call('vote', 'cast', { campaignId: c.id, candidateId: k.id, requestId });
    setBusy(false);
    if (reply.ok) {
      pending.current = null;
      setDone(reply.data);
      onCast(reply.data);
      // A limit reached: read the server's words for it (今天的票已经投完了 …).
      if (reply.data.leftToday === 0 || reply.data.leftForCandidate === 0) reload();
      return;
    }
    const e = reply.error;
    if (!isLost(e)) pending.current = null;
    if (e.code === 'UNAUTHENTICATED' && gate.ask(() => void reload())) return;
    if (e.code === 'CLOSED') setClosed(true);
    setError(e);
    // Read the page again: what is left, or that voting has ended (the banner and counts follow).
    if (e.code === 'RATE_LIMITED' || e.code === 'FORBIDDEN' || e.code === 'CLOSED') reload();
  }

  const retrying = pending.current !== null && !!error && isLost(error);
  const ended = closed || c.status === 'closed';
  const signedInVoting = me.signedIn && !ended && c.status === 'voting';
  let label = '投 票';
  if (busy) label = retrying ? '正在重试…' : '正在投票…';
  else if (retrying) label = '重试投票';
  else if (ended) label = '投票已结束';
  else if (needsSignIn) label = '登录后投票';
  else if (!canVote && signedInVoting && byQuota && leftToday === 0) label = '今天的票已投完';
  else if (!canVote && signedInVoting && byQuota && leftForCandidate === 0) label = `今天已为${k.name}投满`;
  else if (!canVote) label = '暂时不能投票';

  const reason = !canVote && !needsSignIn && !error ? (closed ? '投票已经结束，感谢参与' : me.reason) : undefined;
  const showCounts = signedInVoting && byQuota && (canVote || leftToday === 0 || leftForCandidate === 0);
  const num = (n: number) => <View className={`vote-panel__num${n === 0 ? ' vote-panel__num--zero' : ''}`}>{n}</View>;

  // Voting over and nothing tapped here: the reason alone, no dead button.
  if (c.status === 'closed' && !error && !done) {
    return (
      <View className='lzt-card vote-panel vote-panel--ended' id='vote-panel'>
        <View className='vote-panel__reason' id='vote-reason'>
          {me.reason ?? '投票已经结束，感谢参与'}
        </View>
      </View>
    );
  }

  return (
    <View className='lzt-card vote-panel' id='vote-panel'>
      {showCounts ? (
        <View className='vote-panel__left' id='vote-left'>
          <View className='vote-panel__part'>
            今天还剩 {num(leftToday)} 票{leftToday > 0 ? '，' : ''}
          </View>
          {leftToday > 0 ? <View className='vote-panel__part'>还可以给{k.name}投 {num(leftForCandidate)} 票</View> : null}
        </View>
      ) : null}
      <PrimaryButton
        id='vote-button'
        className='vote-button'
        disabled={busy || (!canVote && !needsSignIn && !retrying)}
        loading={busy || undefined}
        onClick={() => (needsSignIn ? gate.ask(() => void reload()) : void vote())}
      >
        {label}
      </PrimaryButton>
      {done ? (
        <View className='vote-panel__done' id='vote-done' aria-role='alert'>
          {done.replayed ? '这一票已经记上了，不会重复计算。' : '投票成功，感谢您的支持！'}
          {done.votes !== null ? `${k.name}现在有 ${done.votes} 票。` : ''}
        </View>
      ) : null}
      {error ? (
        <View className={`vote-panel__error lzt-error--${error.code}`} id='vote-error' aria-role='alert'>
          {error.message}
          {retrying ? <View className='vote-panel__hint'>请再点一次“重试投票”：同一次投票不会被重复计算。</View> : null}
        </View>
      ) : null}
      {reason ? (
        <View className='vote-panel__reason' id='vote-reason'>
          {reason}
        </View>
      ) : null}
    </View>
  );
}
