// Chinese labels for the roster pages.
export type AwayStatus = 'away' | 'unable' | 'unfit';

export const AWAY_OPTIONS: { value: AwayStatus; label: string; short: string }[] = [
  { value: 'away', label: '外出超过一个月', short: '外出' },
  { value: 'unable', label: '不能正常履职', short: '不能履职' },
  { value: 'unfit', label: '不宜担任', short: '不宜担任' },
];

export const INACTIVE_REASONS: Record<string, string> = {
  away: '外出',
  unable: '不能履职',
  unfit: '不宜担任',
  inactive: '长期未活动',
  vacant: '空缺',
};

export const HISTORY_STATUS: Record<string, string> = { active: '在任', away: '外出', replaced: '已卸任' };

export { APPLICATION_KIND_LABELS as KIND_LABELS } from '../../contracts/labels';

export const LEAD_TITLE: Record<string, string> = { area: '片长', group: '组长', unit: '邻长' };
