// The documents of 专属优惠 as stored, and the small rules every handler shares:
// eligibility, usage periods and the words shown for them.
import {
  CATEGORY_LABELS,
  ELIGIBILITY,
  ELIGIBILITY_LABELS,
  PERIOD_LABELS,
  type EligibilityT,
  type LimitPeriodT,
  type LocationT,
  type PartnerAdminT,
  type PerkAdminT,
  type PerkCategoryT,
} from '../../../contracts/perk';
import { LEADS, type Role } from '../../../contracts/roles';
import { beijingDay, beijingMonth, beijingWeek, formatBeijing, startOfBeijingDay } from '../../core/time';
import type { At } from '../../domain/docs';
import type { UserDoc } from '../../domain/users';

export const C = {
  partners: 'partners',
  perks: 'perks',
  catalogue: 'perkcatalog',
  passes: 'perkpasses',
  redemptions: 'redemptions',
  usage: 'perkusage',
  stats: 'perkstats',
} as const;

export type PartnerStatusT = 'active' | 'suspended';

/** What a partner's card shows to the 三长: stored on the partner, copied into the catalogue. */
export interface PartnerPublic {
  name: string;
  category: PerkCategoryT;
  address: string;
  location: LocationT;
  hours: string;
  phone: string;
  logo?: string;
}

export const partnerPublicOf = (p: PartnerPublic): PartnerPublic => ({
  name: p.name,
  category: p.category,
  address: p.address,
  location: p.location,
  hours: p.hours,
  phone: p.phone,
  ...(p.logo ? { logo: p.logo } : {}),
});

/** 支持单位. `at` is its scope node's place in the tree (who may maintain it). */
export interface PartnerDoc extends PartnerPublic {
  _id: string;
  intro?: string;
  status: PartnerStatusT;
  suspendReason?: string;
  scopeId: string;
  scopeName: string;
  at: At;
  createdAt: number;
  updatedAt: number;
}

/** What a perk carries of its partner, so verifying a pass reads one perk document. */
export interface PartnerSnapshot {
  name: string;
  category: PerkCategoryT;
  status: PartnerStatusT;
  at: At;
}

export interface PerkLimitT {
  count: number;
  period: LimitPeriodT;
}

/** A perk's own terms, as the form or a row of an import sets them and the catalogue copies them. */
export interface PerkFields {
  title: string;
  description: string;
  eligibility: EligibilityT[];
  validFrom: number;
  validTo: number;
  limit: PerkLimitT;
}

export const perkFieldsOf = (k: PerkFields): PerkFields => ({
  title: k.title,
  description: k.description,
  eligibility: k.eligibility,
  validFrom: k.validFrom,
  validTo: k.validTo,
  limit: k.limit,
});

export interface PerkDoc extends PerkFields {
  _id: string;
  partnerId: string;
  partner: PartnerSnapshot;
  status: 'active' | 'suspended';
  /** Position among the partner's perks (form order, or row order of an import). */
  order: number;
  createdAt: number;
  updatedAt: number;
}

/** A pass as the short code finds it; the signed token stays the proof. */
export interface PassDoc {
  _id: string; // the 8-digit short code
  token: string;
  nonce: string;
  openid: string;
  perkId: string;
  partnerId: string;
  expiresAt: number;
}

/** One 核销, `_id` = the pass's nonce: a second consumption of the same pass cannot be added. */
export interface RedemptionDoc {
  _id: string;
  perkId: string;
  perkTitle: string;
  partnerId: string;
  partnerName: string;
  category: PerkCategoryT;
  openid: string;
  holderName: string;
  holderRole: string;
  clerk: string;
  at: number;
  month: string;
  period: string;
  /** The node the 工作台's `redeemed` figure was counted at (the holder's first 三长 seat then); absent on older records. */
  leadNodeId?: string;
  /** 撤销核销: once, on the redemption's Beijing day; the record is kept and marked. */
  reversed?: { at: number; by: string; role: 'clerk' | 'admin'; reason: string };
}

/** Redemptions of one partner in one Beijing month, kept by increments (never counted by scans). */
export interface StatsDoc {
  _id: string; // partnerId:YYYYMM
  partnerId: string;
  partnerName: string;
  category: PerkCategoryT;
  month: string;
  at: At;
  n: number;
  /** Per Beijing day of the month: { '25': 3 } */
  days: Record<string, number>;
}

/** Uses of one perk by one person in one period (`_id` = perkId:openid:period), kept by increments. */
export interface UsageDoc {
  _id: string;
  perkId: string;
  openid: string;
  period: string;
  n: number;
  updatedAt: number;
}

export const statsId = (partnerId: string, month: string) => `${partnerId}:${month}`;

// ---------------------------------------------------------------- words

export function forWhom(eligibility: readonly EligibilityT[]): string {
  const leads = (['neighbourLead', 'groupLead', 'areaLead'] as const).every((r) => eligibility.includes(r));
  if (leads) return '三长均可';
  return `仅限${ELIGIBILITY.filter((e) => eligibility.includes(e)).map((e) => ELIGIBILITY_LABELS[e]).join('、')}`;
}

export function limitText(limit: PerkLimitT): string {
  return limit.period === 'total' ? `每人共${limit.count}次` : `${PERIOD_LABELS[limit.period]}${limit.count}次`;
}

const USED_IN: Record<LimitPeriodT, string> = { day: '今天', week: '本周', month: '本月', total: '累计' };

export function usageView(limit: PerkLimitT, used: number) {
  return {
    used,
    count: limit.count,
    period: limit.period,
    text: `${USED_IN[limit.period]}已用 ${used} 次，${limitText(limit)}`,
  };
}

export const categoryLabel = (c: PerkCategoryT) => CATEGORY_LABELS[c];

export interface BeijingCalendar {
  /** The Beijing day [from, to) these keys hold for. */
  from: number;
  to: number;
  /** 20261125 */
  day: string;
  /** 20261123: the day's Monday */
  week: string;
  /** 202611 */
  month: string;
  /** 25: the day of the month */
  dom: string;
}

let calendar: BeijingCalendar | null = null;

/**
 * The Beijing day, week and month of `t`, from server/core/time.ts, worked out once per Beijing
 * day: dayjs' time-zone conversion costs tens of µs, and verifying a pass needs several keys.
 */
export function calendarOf(t: number): BeijingCalendar {
  if (calendar && t >= calendar.from && t < calendar.to) return calendar;
  const from = startOfBeijingDay(t);
  const day = beijingDay(t);
  calendar = { from, to: from + 24 * 3600_000, day, week: beijingWeek(t), month: beijingMonth(t), dom: day.slice(6) };
  return calendar;
}

/** The key of the usage period `t` falls in: D20261125, W20261123 (its Monday), M202611, T. */
export function periodKey(period: LimitPeriodT, t: number): string {
  switch (period) {
    case 'day':
      return `D${calendarOf(t).day}`;
    case 'week':
      return `W${calendarOf(t).week}`;
    case 'month':
      return `M${calendarOf(t).month}`;
    case 'total':
      return 'T';
  }
}

/** One counter per perk, person and period: the transaction that consumes a pass reads and bumps it. */
export const usageId = (perkId: string, openid: string, period: LimitPeriodT, t: number) => counterIdOf(perkId, openid, periodKey(period, t));
/** The counter a redemption moved: its perk, holder and period key as recorded. */
export const counterIdOf = (perkId: string, openid: string, period: string) => `${perkId}:${openid}:${period}`;

// ---------------------------------------------------------------- who may use a perk

const LEAD_ORDER = ['areaLead', 'groupLead', 'neighbourLead'] as const;

export function leadRoles(user: UserDoc | null): Set<Role> {
  return new Set((user?.grants ?? []).map((g) => g.role).filter((r) => LEADS.includes(r)));
}

/** Whether `user` holds a 三长 role now (no user holds none). */
export const isLead = (user: UserDoc | null): user is UserDoc => leadRoles(user).size > 0;

export const isHonoree = (user: UserDoc | null) => (user?.honours?.length ?? 0) > 0;

/**
 * Whether `user` may use a perk for `eligibility`; if not, why, in the words the list shows.
 * A 最美邻长 perk needs a current 三长 with a commendation (a former 三长 keeps the honour
 * but no longer the perks).
 */
export function eligibilityOf(eligibility: readonly EligibilityT[], user: UserDoc | null): { eligible: boolean; reason?: string } {
  return eligibilityFor(eligibility, leadRoles(user), isHonoree(user));
}

/** The same, for roles already worked out (the list checks hundreds of perks for one caller). */
export function eligibilityFor(eligibility: readonly EligibilityT[], roles: Set<Role>, honoree: boolean): { eligible: boolean; reason?: string } {
  if (roles.size === 0) return { eligible: false, reason: '仅限三长使用' };
  const ok = eligibility.some((e) => (e === 'honoree' ? honoree : roles.has(e)));
  return ok ? { eligible: true } : { eligible: false, reason: forWhom(eligibility) };
}

/** Not yet started / ended, in words; null within the period. */
export function periodProblem(validFrom: number, validTo: number, now: number): string | null {
  if (now < validFrom) return `${formatBeijing(validFrom, 'M月D日')}起可用`;
  if (now > validTo) return `已于${formatBeijing(validTo, 'M月D日')}结束`;
  return null;
}

/** The holder as the pass shows them: the highest 三长 role held, its node, commendations. */
export function holderView(user: UserDoc) {
  const grants = user.grants.filter((g) => LEADS.includes(g.role));
  const top = LEAD_ORDER.map((r) => grants.find((g) => g.role === r)).find(Boolean);
  const roleLabel = top ? ELIGIBILITY_LABELS[top.role as EligibilityT] : '';
  return {
    name: user.name || '三长',
    roleLabel,
    nodeName: top?.nodeName ?? '',
    ...(user.avatar ? { photo: user.avatar } : {}),
    honours: [...new Set((user.honours ?? []).map((h) => h.title))],
  };
}

// ---------------------------------------------------------------- admin views

/** What every view shows of a partner (the catalogue keeps exactly these fields). */
export function partnerInfo(id: string, p: Pick<PartnerDoc, 'name' | 'category' | 'address' | 'location' | 'hours' | 'phone' | 'logo'>) {
  return {
    id,
    name: p.name,
    category: p.category,
    categoryLabel: categoryLabel(p.category),
    address: p.address,
    location: p.location,
    hours: p.hours,
    phone: p.phone,
    ...(p.logo ? { logo: p.logo } : {}),
  };
}

export function partnerAdminView(p: PartnerDoc): PartnerAdminT {
  return {
    ...partnerInfo(p._id, p),
    ...(p.intro ? { intro: p.intro } : {}),
    status: p.status,
    ...(p.suspendReason ? { suspendReason: p.suspendReason } : {}),
    scope: { id: p.scopeId, name: p.scopeName },
    updatedAt: p.updatedAt,
  };
}

export function perkAdminView(p: PerkDoc): PerkAdminT {
  return {
    id: p._id,
    partnerId: p.partnerId,
    title: p.title,
    description: p.description,
    eligibility: p.eligibility,
    forWhom: forWhom(p.eligibility),
    validFrom: p.validFrom,
    validTo: p.validTo,
    limit: p.limit,
    limitText: limitText(p.limit),
    status: p.status,
    updatedAt: p.updatedAt,
  };
}

export const snapshotOf = (p: PartnerDoc): PartnerSnapshot => ({ name: p.name, category: p.category, status: p.status, at: p.at });

// ---------------------------------------------------------------- scope and limits

/** Levels a partner can be maintained at (and 管理员 hold grants at). */
export const SCOPE_LEVELS = ['district', 'street', 'community'] as const;
/** Keeps the catalogue bounded: a partner with more perks is a catalogue of its own. */
export const MAX_PERKS_PER_PARTNER = 50;

/** A 区/镇街/社区 node's place in the tree, as a partner scoped there records it. */
export function scopeAt(node: { at: At }): At {
  const at: At = {};
  for (const l of SCOPE_LEVELS) if (node.at[l]) at[l] = node.at[l];
  return at;
}

/** Deep equality of stored documents, whatever the order of their keys. */
export function sameDoc(a: unknown, b: unknown): boolean {
  const canon = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canon)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x as object)
              .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
              .sort()
              .map((k) => [k, canon((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}
