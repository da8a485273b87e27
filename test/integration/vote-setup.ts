// Shared setup of the 最美邻长评选 tests: the demo runtime on a manual clock, and a campaign
// made through the real actions (vote.save, then 组织推荐 of the 邻长 of u1…uN).
import type { Reply } from '../../contracts/envelope';
import type { CandidateDoc } from '../../server/features/vote/docs';
import { manualClock } from '../../server/runtime/local-ports';
import type { LocalRuntime } from '../../server/runtime/local';
import type { StoreMode } from '../../server/store/local-store';
import { demoRuntime, T0 } from './runtime';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const ADMIN = 'demo-admin';

export const data = <T = any>(r: Reply<unknown>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.data as T;
};
export const errorOf = (r: Reply<unknown>) => (r.ok ? null : r.error.code);

export interface VoteWorld {
  rt: LocalRuntime;
  clock: ReturnType<typeof manualClock>;
  campaignId: string;
  /** Candidate ids by 编号 - 1 (candidate No. 1 is u1's 邻长, …). */
  candidates: string[];
  call(action: string, input: Record<string, unknown>, openid: string | null): Promise<Reply<unknown>>;
  cast(openid: string, candidateId: string, requestId: string): Promise<Reply<unknown>>;
  close(): void;
}

export interface WorldOptions {
  candidates?: number;
  rules?: Record<string, unknown>;
  /** Clock start; default T0 (2026-11-25 10:00 Beijing), inside the voting window. */
  now?: number;
  windows?: { nominateFrom: number; nominateUntil: number; voteFrom: number; voteUntil: number };
  /** The store mode (default: the test run's, see runtime.ts). */
  store?: StoreMode;
}

/** Voting open from T0 − 1 day to T0 + 5 days; nominations were T0 − 3 days to T0 − 1 day. */
export async function votingWorld(opts: WorldOptions = {}): Promise<VoteWorld> {
  const clock = manualClock(opts.now ?? T0);
  const rt = demoRuntime({ clock, store: opts.store });
  const call = (action: string, input: Record<string, unknown>, openid: string | null) => rt.call('vote', { action, ...input }, openid);
  const windows = opts.windows ?? { nominateFrom: T0 - 3 * DAY, nominateUntil: T0 - DAY, voteFrom: T0 - DAY, voteUntil: T0 + 5 * DAY };
  const { campaign } = data(
    await call(
      'save',
      {
        scopeNodeId: 'c1',
        title: '幸福里社区最美邻长评选（测试）',
        description: '评选身边的好邻长。',
        ...windows,
        eligibility: 'anyone',
        perDay: 3,
        perCandidatePerDay: 1,
        minGapSeconds: 0,
        honorees: 3,
        ...opts.rules,
      },
      ADMIN,
    ),
  );
  const candidates: string[] = [];
  for (let i = 1; i <= (opts.candidates ?? 5); i++) {
    const { nomination } = data(await call('nominate', { campaignId: campaign.id, unitId: `u${i}`, story: `第${i}位邻长热心服务邻里。` }, ADMIN));
    candidates.push(nomination.id);
  }
  return {
    rt,
    clock,
    campaignId: campaign.id,
    candidates,
    call,
    cast: (openid, candidateId, requestId) => call('cast', { campaignId: campaign.id, candidateId, requestId }, openid),
    close: () => rt.close(),
  };
}

/** Counters against the stored votes: every candidate's counter, and its valid votes counted in the store. */
export async function countersAndVotes(w: VoteWorld): Promise<{ id: string; counter: number; valid: number }[]> {
  const out = [];
  for (const id of w.candidates) {
    const k = (await w.rt.store.collection('candidates').doc(id).get()) as CandidateDoc;
    const valid = await w.rt.store.collection('votes').where({ candidateId: id, valid: true }).count();
    out.push({ id, counter: k.votes, valid });
  }
  return out;
}
