// 最美邻长评选: the campaign page, a candidate (vote, share), 推荐 / 自荐 and my nominations;
// for the 管理员: campaigns, the campaign form and the console (审核, 预警, 作废, 记录, 结果).
import type { NoParams } from '../utils/pageUrl';

export const voteSubpackage = {
  root: 'vote',
  pages: ['campaign', 'candidate', 'nominate', 'mine', 'admin', 'edit', 'manage'] satisfies VotePage[],
};

/** The tabs of 评选后台 (vote/manage), opened with `?tab=`. */
export type VoteManageTab = 'review' | 'alerts' | 'void' | 'audit' | 'results';

/** Each page of this subpackage and the parameters it reads: `pageUrl('vote/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface VotePages {
  campaign: { id: string };
  candidate: { id: string };
  /** 群众推荐 (public) or 个人自荐 (self) in a campaign. */
  nominate: { campaignId: string; kind: 'public' | 'self' };
  mine: { campaignId: string };
  admin: NoParams;
  /** The campaign form: a new campaign, or campaign id. */
  edit: { id?: string };
  manage: { id: string; tab?: VoteManageTab };
}
type VotePage = keyof VotePages;
