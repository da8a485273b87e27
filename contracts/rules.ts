// Rules both the contracts (with zod) and the mini program's forms (without) check, written once
// here and kept free of zod so src/ may import them (the lint rule lets contracts/rules in).

/** Mainland mobile number, 11 digits starting with 1[3-9]. */
export const PHONE_RE = /^1[3-9]\d{9}$/;
/** Room number as written on the door: 101, 1202, B-3. */
export const ROOM_RE = /^[0-9A-Za-z-]{1,8}$/;

/** The longest a campaign may run, from its nominations to the end of its voting. */
export const CAMPAIGN_MAX_DAYS = 180;
const DAY_MS = 24 * 3600_000;

export interface CampaignWindows {
  nominateFrom: number;
  nominateUntil: number;
  voteFrom: number;
  voteUntil: number;
  perDay: number;
  perCandidatePerDay: number;
}

/** Every problem with a campaign's windows and daily votes, in the order the form shows them. */
export function campaignProblems(v: CampaignWindows): { path: keyof CampaignWindows; message: string }[] {
  const problems: { path: keyof CampaignWindows; message: string }[] = [];
  if (v.nominateFrom >= v.nominateUntil) problems.push({ path: 'nominateUntil', message: '提名截止时间应晚于提名开始时间' });
  if (v.nominateUntil > v.voteFrom) problems.push({ path: 'voteFrom', message: '投票应在提名截止之后开始' });
  if (v.voteFrom >= v.voteUntil) problems.push({ path: 'voteUntil', message: '投票截止时间应晚于投票开始时间' });
  if (v.voteUntil - v.nominateFrom > CAMPAIGN_MAX_DAYS * DAY_MS) problems.push({ path: 'voteUntil', message: `一次评选最长 ${CAMPAIGN_MAX_DAYS} 天` });
  if (v.perCandidatePerDay > v.perDay) problems.push({ path: 'perCandidatePerDay', message: '每位候选人每天可投票数不能超过每天总票数' });
  return problems;
}
