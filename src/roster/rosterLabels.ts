// Chinese labels for the roster pages (the words the server also writes live in contracts/).
import { AWAY_STATUS_LABELS } from '../../contracts/labels';

export type AwayStatus = keyof typeof AWAY_STATUS_LABELS;

/** Why a 三长 is not serving, in a chip's few characters. */
export const INACTIVE_REASONS: Record<string, string> = {
  away: '外出',
  unable: '不能履职',
  unfit: '不宜担任',
  inactive: '长期未活动',
  vacant: '空缺',
};

export const AWAY_OPTIONS: { value: AwayStatus; label: string; short: string }[] = (['away', 'unable', 'unfit'] as const).map((value) => ({
  value,
  label: AWAY_STATUS_LABELS[value],
  short: INACTIVE_REASONS[value],
}));

export const HISTORY_STATUS: Record<string, string> = { active: '在任', away: '外出', replaced: '已卸任' };

export { APPLICATION_KIND_LABELS as KIND_LABELS, APPLICATION_STATUS_LABELS } from '../../contracts/labels';

export { LEAD_TITLE_LABELS as LEAD_TITLE } from '../../contracts/labels';
