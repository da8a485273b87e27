// A campaign's rules: its status follows the clock (no scheduled job ever flips it), who
// may vote, and when the ranking is shown.
import type { CampaignStatusT } from '../../../contracts/vote';
import { AppError } from '../../core/errors';
import { beijingDay, formatBeijing, startOfBeijingDay } from '../../core/time';
import type { NodeDoc } from '../../domain/docs';
import type { UserDoc } from '../../domain/users';
import type { CampaignDoc } from './docs';

export function statusOf(c: Pick<CampaignDoc, 'nominateFrom' | 'nominateUntil' | 'voteFrom' | 'voteUntil'>, now: number): CampaignStatusT {
  if (now < c.nominateFrom) return 'upcoming';
  if (now < c.nominateUntil) return 'nominating';
  if (now < c.voteFrom) return 'reviewing';
  if (now < c.voteUntil) return 'voting';
  return 'closed';
}

/** Why a vote cast at `now` is refused by the window, or null. */
export function windowClosed(c: CampaignDoc, now: number): string | null {
  if (now < c.voteFrom) return `投票将于 ${formatBeijing(c.voteFrom)} 开始`;
  if (now >= c.voteUntil) return '投票已经结束，感谢参与';
  return null;
}

export function requireVotingOpen(c: CampaignDoc, now: number): void {
  const closed = windowClosed(c, now);
  if (closed) throw new AppError('CLOSED', closed);
}

export function requireNominationOpen(c: CampaignDoc, now: number): void {
  if (now < c.nominateFrom) throw new AppError('CLOSED', `提名将于 ${formatBeijing(c.nominateFrom)} 开始`);
  if (now >= c.nominateUntil) throw new AppError('CLOSED', '提名已经截止');
}

/** The ranking is public while voting when live, for everyone once voting has ended. */
export const rankingPublic = (c: CampaignDoc, now: number) => c.ranking === 'live' || now >= c.voteUntil;

/**
 * Why `openid` may not vote (or recommend) in this campaign, or null. Reads the user (for
 * 'registered') and the household's 邻 (for 'scope', to know where it sits); a vote does
 * this once a day per voter, on the day's first vote (see cast.ts).
 */
export async function ineligibility(
  c: CampaignDoc,
  loadUser: () => Promise<UserDoc | null>,
  loadNode: (id: string) => Promise<NodeDoc | null>,
): Promise<string | null> {
  if (c.eligibility === 'anyone') return null;
  const household = (await loadUser())?.household;
  if (!household) return '本次评选仅限已绑定住户的居民参与：扫门上的邻长联系卡即可绑定';
  if (c.eligibility === 'registered') return null;
  const unit = await loadNode(household.unitId);
  if (!unit || unit.at[c.scopeLevel] !== c.scopeNodeId) return `本次评选仅限${c.scopeName}的居民参与`;
  return null;
}

export const defaultBadge = (voteUntil: number) => `${formatBeijing(voteUntil, 'YYYY')}年度最美邻长`;

let cachedDay = { from: 0, until: -1, day: '' };
/**
 * beijingDay(t) with the day's bounds, computed once per Beijing day: dayjs's timezone plugin
 * costs about 100 µs a call (Intl), more than all the store work of a vote.
 */
export function voteDay(t: number): { day: string; from: number; until: number } {
  if (t < cachedDay.from || t >= cachedDay.until) {
    const from = startOfBeijingDay(t);
    cachedDay = { from, until: startOfBeijingDay(from + 36 * 3600_000), day: beijingDay(t) };
  }
  return cachedDay;
}
