// Chinese words for the perk vocabulary (the tables live in contracts/labels.ts, free of zod).
import { PERK_CATEGORY_LABELS, PERK_ELIGIBILITY_LABELS, PERK_PERIOD_LABELS } from '../../contracts/labels';
import type { EligibilityT, LimitPeriodT, PerkCategoryT, VerdictT } from '../../contracts/perk';

export const CATEGORY_LABELS: Record<PerkCategoryT, string> = PERK_CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as PerkCategoryT[];

export const ELIGIBILITY_LABELS: Record<EligibilityT, string> = PERK_ELIGIBILITY_LABELS;
export const ELIGIBILITY = Object.keys(ELIGIBILITY_LABELS) as EligibilityT[];

export const PERIOD_LABELS: Record<LimitPeriodT, string> = PERK_PERIOD_LABELS;
export const PERIODS = Object.keys(PERIOD_LABELS) as LimitPeriodT[];

/** The clerk's screen: only `valid` is green; every refusal is red with its own word. */
export const VERDICT_TONE: Record<VerdictT, 'ok' | 'bad'> = {
  valid: 'ok',
  used: 'bad',
  expired: 'bad',
  forged: 'bad',
  wrongPartner: 'bad',
  ownPass: 'bad',
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
