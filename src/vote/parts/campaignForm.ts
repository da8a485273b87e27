// The campaign form's draft, its defaults and the checks the server makes (the windows' rule is
// contracts/rules.ts, as the contract has it), in Chinese, before anything is sent.
import { campaignProblems } from '../../../contracts/rules';
import type { Input } from '../../api/client';
import type { Campaign } from '../types';

export type SaveInput = Input<'vote', 'save'>;

export interface Draft {
  scopeNodeId: string;
  title: string;
  description: string;
  cover: string[];
  nominateFrom: number;
  nominateUntil: number;
  voteFrom: number;
  voteUntil: number;
  eligibility: 'anyone' | 'registered' | 'scope';
  perDay: number;
  perCandidatePerDay: number;
  minGapSeconds: number;
  ranking: 'live' | 'after';
  honorees: number;
  badge: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const TITLE_MAX = 40;
export const DESCRIPTION_MAX = 2000;
export const BADGE_MAX = 12;

/** Nominations from the next full hour for a week, a day of review, then a week of voting until 20:00. */
export function newDraft(now: number, scopeNodeId: string): Draft {
  const nominateFrom = Math.ceil(now / HOUR) * HOUR;
  const nominateUntil = nominateFrom + 7 * DAY;
  const voteFrom = nominateUntil + DAY;
  return {
    scopeNodeId,
    title: '',
    description: '',
    cover: [],
    nominateFrom,
    nominateUntil,
    voteFrom,
    voteUntil: voteFrom + 7 * DAY,
    eligibility: 'registered',
    perDay: 3,
    perCandidatePerDay: 1,
    minGapSeconds: 3,
    ranking: 'live',
    honorees: 10,
    badge: '',
  };
}

export function draftOf(c: Campaign): Draft {
  return {
    scopeNodeId: c.scope.nodeId,
    title: c.title,
    description: c.description,
    cover: c.cover ? [c.cover] : [],
    nominateFrom: c.nominateFrom,
    nominateUntil: c.nominateUntil,
    voteFrom: c.voteFrom,
    voteUntil: c.voteUntil,
    eligibility: c.eligibility,
    perDay: c.perDay,
    perCandidatePerDay: c.perCandidatePerDay,
    minGapSeconds: c.minGapSeconds,
    ranking: c.ranking,
    honorees: c.honorees,
    badge: c.badge,
  };
}

/** The first problem, or the input to send. */
export function checkDraft(d: Draft, id?: string): { ok: false; message: string } | { ok: true; input: SaveInput } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (!d.scopeNodeId) return fail('请选择评选范围');
  if (!d.title.trim()) return fail('请填写活动标题');
  if (!d.description.trim()) return fail('请填写活动说明');
  const [problem] = campaignProblems(d);
  if (problem) return fail(problem.message);
  const badge = d.badge.trim();
  return {
    ok: true,
    input: {
      ...(id ? { id } : {}),
      scopeNodeId: d.scopeNodeId,
      title: d.title.trim(),
      description: d.description.trim(),
      ...(d.cover[0] ? { cover: d.cover[0] } : {}),
      nominateFrom: d.nominateFrom,
      nominateUntil: d.nominateUntil,
      voteFrom: d.voteFrom,
      voteUntil: d.voteUntil,
      eligibility: d.eligibility,
      perDay: d.perDay,
      perCandidatePerDay: d.perCandidatePerDay,
      minGapSeconds: d.minGapSeconds,
      ranking: d.ranking,
      honorees: d.honorees,
      ...(badge ? { badge } : {}),
    },
  };
}
