// Partner-and-perk import, step 1: reading the sheet and each row on its own (pure: codes,
// dates, limits, coordinates, lengths). See import.ts for the whole import.
import dayjs from 'dayjs';
import { BusinessPhone, ELIGIBILITY_LABELS, PERK_CATEGORIES, CATEGORY_LABELS, type EligibilityT, type PerkCategoryT } from '../../../contracts/perk';
import { TZ } from '../../core/time';
import type { Sheets } from '../../core/ports';
import type { SheetRow } from '../../core/spreadsheet';
import { IMPORT_LIMITS } from '../../core/xlsx-limits';
import { PERK_COLUMNS, type PerkColumnKey } from './columns';
import type { PerkFields, PerkLimitT } from './docs';


// ---------------------------------------------------------------- reading the sheet

export type Raw = SheetRow<PerkColumnKey>;

export const readPerkSheet = (sheets: Sheets, data: Buffer) =>
  sheets.read(data, { columns: PERK_COLUMNS, headerExample: '商家名称、类别、地址', ...IMPORT_LIMITS.perk });

// ---------------------------------------------------------------- one row, on its own

/** Codes, numbers and dates: full-width folded (１２３ → 123, （ → (). */
export const clean = (s: string) => s.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '').trim();
/** Free text keeps its Chinese punctuation (NFKC would turn ，into ,); invisible characters go. */
export const plain = (s: string) => s.replace(/[\u200b-\u200d\ufeff]/g, '').trim();
/** Partner names are compared with runs of spaces folded into one. */
export const partnerName = (s: string) => plain(s).replace(/\s+/g, ' ');
export const chars = (s: string) => [...s].length;

const CATEGORY_WORDS = new Map<string, PerkCategoryT>([
  ...PERK_CATEGORIES.map((c) => [CATEGORY_LABELS[c], c] as [string, PerkCategoryT]),
  ['医疗', 'health'],
  ['医疗健康', 'health'],
  ['健康', 'health'],
  ['卫生', 'health'],
  ['教育', 'education'],
  ['文化体育', 'culture'],
  ['文娱', 'culture'],
  ['交通', 'travel'],
  ['交通出行', 'travel'],
  ['生活', 'services'],
  ['商超', 'shopping'],
]);

export function parseCategory(s: string): PerkCategoryT | null {
  return CATEGORY_WORDS.get(clean(s).replace(/\s/g, '')) ?? null;
}

const LEADS3: EligibilityT[] = ['neighbourLead', 'groupLead', 'areaLead'];
const ELIGIBILITY_WORDS = new Map<string, EligibilityT[]>([
  ['三长', LEADS3],
  ['全部', LEADS3],
  ['所有三长', LEADS3],
  ...(Object.entries(ELIGIBILITY_LABELS) as [EligibilityT, string][]).map(([k, v]) => [v, [k]] as [string, EligibilityT[]]),
]);

export function parseEligibility(s: string): { value: EligibilityT[] } | { error: string } {
  const t = clean(s);
  if (!t) return { value: LEADS3 };
  const set = new Set<EligibilityT>();
  for (const word of t.split(/[、,;/\s]+|和|及/).filter(Boolean)) {
    const found = ELIGIBILITY_WORDS.get(word);
    if (!found) return { error: `适用对象“${word}”无法识别（可填邻长、组长、片长、最美邻长或三长）` };
    found.forEach((e) => set.add(e));
  }
  return { value: (['neighbourLead', 'groupLead', 'areaLead', 'honoree'] as EligibilityT[]).filter((e) => set.has(e)) };
}

const PERIOD_WORDS: Record<string, PerkLimitT['period']> = {
  每天: 'day', 每日: 'day', 天: 'day', 日: 'day',
  每周: 'week', 每星期: 'week', 周: 'week', 星期: 'week',
  每月: 'month', 月: 'month',
  共: 'total', 累计: 'total', 总共: 'total', 限: 'total', 一共: 'total',
};

export function parseLimit(s: string): PerkLimitT | null {
  const t = clean(s).replace(/\s/g, '').replace(/^每人/, '');
  let m = /^(每天|每日|每周|每星期|每月|共|累计|总共|一共|限)(\d{1,2})次$/.exec(t);
  if (m) return within99({ count: Number(m[2]), period: PERIOD_WORDS[m[1]] });
  m = /^(\d{1,2})次[/每](天|日|周|星期|月)$/.exec(t);
  if (m) return within99({ count: Number(m[1]), period: PERIOD_WORDS[m[2]] });
  return null;
}
const within99 = (l: PerkLimitT) => (l.count >= 1 && l.count <= 99 ? l : null);

/** A Beijing calendar date from what people type (2026-12-01, 2026/12/1, 2026年12月1日, 20261201) or an Excel serial. */
export function parseDate(s: string): string | null {
  const t = clean(s).replace(/\s/g, '');
  let y: number, mo: number, d: number;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{5})(?:\.0+)?$/.exec(t))) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    return null;
  }
  if (y < 2000 || y > 2100) return null;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

/** Start of a Beijing day, and its last millisecond. */
export const dayStart = (iso: string) => dayjs.tz(iso, TZ).valueOf();
export const dayEnd = (iso: string) => dayjs.tz(iso, TZ).add(1, 'day').valueOf() - 1;

export function parseCoordinate(s: string): number | null {
  const t = clean(s);
  return /^-?\d{1,3}(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

export interface PartnerFields {
  name: string;
  category?: PerkCategoryT;
  address?: string;
  lat?: number;
  lng?: number;
  hours?: string;
  phone?: string;
  scope?: string;
  intro?: string;
}
export type PartnerField = Exclude<keyof PartnerFields, 'name'>;
export const PARTNER_FIELDS: PartnerField[] = ['category', 'address', 'lat', 'lng', 'hours', 'phone', 'scope', 'intro'];
export const FIELD_LABELS: Record<PartnerField, string> = {
  category: '类别',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  hours: '营业时间',
  phone: '电话',
  scope: '服务范围',
  intro: '商家简介',
};

export interface Parsed {
  raw: Raw;
  partner: PartnerFields | null;
  perk: PerkFields | null;
  reasons: string[];
}

export function parseRow(raw: Raw): Parsed {
  const reasons: string[] = [];
  const name = partnerName(raw.name);
  if (!name) reasons.push('缺少商家名称');
  else if (chars(name) > 30) reasons.push('商家名称过长（最多30个字）');
  const p: PartnerFields = { name };

  if (raw.category) {
    const c = parseCategory(raw.category);
    if (c) p.category = c;
    else reasons.push(`类别“${raw.category}”不在8类之中（${PERK_CATEGORIES.map((x) => CATEGORY_LABELS[x]).join('、')}）`);
  }
  const textField = (key: 'address' | 'hours' | 'intro' | 'scope', label: string, max: number) => {
    const v = plain(raw[key]).replace(/\s+/g, ' ');
    if (!v) return;
    if (chars(v) > max) reasons.push(`${label}过长（最多${max}个字）`);
    else p[key] = v;
  };
  textField('address', '地址', 60);
  textField('hours', '营业时间', 40);
  textField('intro', '商家简介', 200);
  textField('scope', '服务范围', 30);
  if (raw.phone) {
    // (0731)58001234 → 0731-58001234
    const phone = clean(raw.phone).replace(/\s/g, '').replace(/^\((\d{3,4})\)/, '$1-');
    const ok = BusinessPhone.safeParse(phone);
    if (ok.success) p.phone = ok.data;
    else reasons.push(`电话“${raw.phone}”不是手机号或带区号的固话`);
  }
  if (raw.lat || raw.lng) {
    const lat = parseCoordinate(raw.lat);
    const lng = parseCoordinate(raw.lng);
    if (lat === null || lng === null) reasons.push('经纬度应为数字，如 纬度 27.86、经度 112.95');
    else if (lat >= 73 && lat <= 136 && lng >= 3 && lng <= 54) reasons.push(`经纬度填反了：纬度约为 27.8，经度约为 112.9（本行纬度 ${lat}、经度 ${lng}）`);
    else if (lat < 3 || lat > 54 || lng < 73 || lng > 136) reasons.push(`经纬度不在中国境内（纬度 ${lat}、经度 ${lng}），请用腾讯地图坐标拾取器查询`);
    else {
      p.lat = lat;
      p.lng = lng;
    }
  }

  let perk: PerkFields | null = null;
  const perkCells = [raw.title, raw.description, raw.eligibility, raw.validFrom, raw.validTo, raw.limit];
  if (perkCells.some(Boolean)) {
    const title = plain(raw.title).replace(/\s+/g, ' ');
    const description = plain(raw.description);
    if (!title) reasons.push('缺少优惠名称');
    else if (chars(title) > 30) reasons.push('优惠名称过长（最多30个字）');
    if (!description) reasons.push('缺少优惠内容');
    else if (chars(description) > 300) reasons.push('优惠内容过长（最多300个字）');
    const eligibility = parseEligibility(raw.eligibility);
    if ('error' in eligibility) reasons.push(eligibility.error);
    const from = raw.validFrom ? parseDate(raw.validFrom) : null;
    const to = raw.validTo ? parseDate(raw.validTo) : null;
    if (!raw.validFrom) reasons.push('缺少开始日期');
    else if (!from) reasons.push(`开始日期“${raw.validFrom}”无法识别，请写成 2026-12-01`);
    if (!raw.validTo) reasons.push('缺少结束日期');
    else if (!to) reasons.push(`结束日期“${raw.validTo}”无法识别，请写成 2027-06-30`);
    if (from && to && to < from) reasons.push('结束日期早于开始日期');
    const limit = raw.limit ? parseLimit(raw.limit) : null;
    if (!raw.limit) reasons.push('缺少使用限制（如“每月1次”）');
    else if (!limit) reasons.push(`使用限制“${raw.limit}”无法识别，请写成“每天1次”“每周2次”“每月1次”或“共3次”（1–99次）`);
    if (title && description && 'value' in eligibility && from && to && to >= from && limit) {
      perk = { title, description, eligibility: eligibility.value, validFrom: dayStart(from), validTo: dayEnd(to), limit };
    }
  }
  return { raw, partner: name ? p : null, perk, reasons };
}
