// Chinese words for the perk vocabulary. contracts/perk.ts holds the same labels next to its
// zod schemas; the mini program imports that file as types only (zod stays out of the
// bundles), so the words are repeated here, each table typed against the contract's enums
// so a new category or verdict cannot be forgotten.
import type { EligibilityT, LimitPeriodT, PerkCategoryT, VerdictT } from '../../contracts/perk';

export const CATEGORY_LABELS: Record<PerkCategoryT, string> = {
  health: '卫生健康',
  eldercare: '养老',
  education: '就学',
  dining: '餐饮',
  culture: '文体',
  travel: '出行',
  services: '生活服务',
  shopping: '购物',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as PerkCategoryT[];

export const ELIGIBILITY_LABELS: Record<EligibilityT, string> = {
  neighbourLead: '邻长',
  groupLead: '组长',
  areaLead: '片长',
  honoree: '最美邻长',
};
export const ELIGIBILITY = Object.keys(ELIGIBILITY_LABELS) as EligibilityT[];

export const PERIOD_LABELS: Record<LimitPeriodT, string> = { day: '每天', week: '每周', month: '每月', total: '累计' };
export const PERIODS = Object.keys(PERIOD_LABELS) as LimitPeriodT[];

/** The clerk's screen: only `valid` is green; every refusal is red with its own word. */
export const VERDICT_TONE: Record<VerdictT, 'ok' | 'bad'> = {
  valid: 'ok',
  used: 'bad',
  expired: 'bad',
  forged: 'bad',
  wrongPartner: 'bad',
  ineligible: 'bad',
  limitReached: 'bad',
  suspended: 'bad',
  outOfPeriod: 'bad',
};

/** 850米 / 1.2公里 */
export function distanceText(m: number | undefined): string {
  if (m === undefined) return '';
  if (m < 1000) return `${Math.max(10, Math.round(m / 10) * 10)}米`;
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)}公里`;
}

/** 1234 5678: an 8-digit code in two groups, easier to read out and type. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
