// A campaign's stage in words: the five clock-driven statuses, plus 已公布结果 once the
// 管理员 has confirmed the honorees.
import { CAMPAIGN_STATUS_LABELS } from '../../../contracts/vote-labels';
import type { CampaignStatus } from '../types';
import { shortDateTime } from '../../utils/beijingTime';

export type Stage = CampaignStatus | 'announced';

interface Timed {
  status: CampaignStatus;
  nominateFrom: number;
  nominateUntil: number;
  voteFrom: number;
  voteUntil: number;
  results: { confirmedAt: number } | null;
}

export const stageOf = (c: Timed): Stage => (c.results ? 'announced' : c.status);

export const STAGE_LABELS: Record<Stage, string> = { ...CAMPAIGN_STATUS_LABELS, announced: '已公布结果' };

/** The one line under the stage: what happens next, and when (Beijing time). */
export function stageNote(c: Timed): string {
  switch (stageOf(c)) {
    case 'upcoming':
      return `${shortDateTime(c.nominateFrom)} 开始提名`;
    case 'nominating':
      return `提名 ${shortDateTime(c.nominateUntil)} 截止，欢迎推荐身边的好邻长`;
    case 'reviewing':
      return `社区正在审核提名，${shortDateTime(c.voteFrom)} 开始投票`;
    case 'voting':
      return `投票 ${shortDateTime(c.voteUntil)} 截止`;
    case 'closed':
      return '投票已结束，社区正在确认表彰名单';
    case 'announced':
      return `评选结果已于 ${shortDateTime(c.results!.confirmedAt)} 公布`;
  }
}

/** Chip colour (work.scss) for a stage. */
export const STAGE_CHIP: Record<Stage, string> = {
  upcoming: 'none',
  nominating: 'partial',
  reviewing: 'partial',
  voting: 'done',
  closed: 'none',
  announced: 'done',
};
