// Partner-and-perk import: an .xlsx with one row per perk (the partner's columns repeated, or
// blank after its first row), checked row by row, diffed in memory against what is stored
// and written only where something changed — a second import of the same file writes nothing.
// Partners are known by name (unique in the deployment), perks by partner and title; nothing
// absent from the file is removed or suspended. Store operations: the partners named in the
// file (one read per 100 names), their perks (one read per 100 partners), one read per
// distinct 服务范围 name, then one write per new or changed partner and perk, and one
// catalogue rebuild.
import dayjs from 'dayjs';
import type { RoleGrantT } from '../../../contracts/common';
import { BusinessPhone, ELIGIBILITY_LABELS, PERK_CATEGORIES, CATEGORY_LABELS, type EligibilityT, type PerkCategoryT, type PerkImportReportT } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { TZ, formatBeijing } from '../../core/time';
import type { NodeDoc } from '../../domain/docs';
import { readAll } from '../../domain/nodes';
import { cmd, MAX_LIMIT } from '../../store/port';
import { importReportWorkbook, readSheet, type ImportStatus, type SheetRow } from '../../core/spreadsheet';
import { fileStamp, shortId } from '../../core/ids';
import { inPool } from '../../core/pool';
import { rebuildCatalogue } from './catalogue';
import { PERK_COLUMNS, type PerkColumnKey } from './columns';
import { C, forWhom, limitText, MAX_PERKS_PER_PARTNER, SCOPE_LEVELS, scopeAt, snapshotOf, type PartnerDoc, type PerkDoc, type PerkLimitT } from './docs';

const MAX_ROWS = 2000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const REPORT_ROWS = 200;
const WRITE_CONCURRENCY = 8;
/** Texts sent to the content checker at once (msgSecCheck takes up to 2,500 characters). */
const CHECK_CHUNK = 2000;

type Status = ImportStatus;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---------------------------------------------------------------- reading the sheet

type Raw = SheetRow<PerkColumnKey>;

const readPerkSheet = (data: Buffer) =>
  readSheet(data, {
    columns: PERK_COLUMNS,
    maxRows: MAX_ROWS,
    maxBytes: MAX_FILE_BYTES,
    noun: '表格',
    splitHint: '请分批导入',
    headerExample: '商家名称、类别、地址',
  });

// ---------------------------------------------------------------- one row, on its own

/** Codes, numbers and dates: full-width folded (１２３ → 123, （ → (). */
const clean = (s: string) => s.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '').trim();
/** Free text keeps its Chinese punctuation (NFKC would turn ，into ,); invisible characters go. */
const plain = (s: string) => s.replace(/[\u200b-\u200d\ufeff]/g, '').trim();
/** Partner names are compared with runs of spaces folded into one. */
export const partnerName = (s: string) => plain(s).replace(/\s+/g, ' ');
const chars = (s: string) => [...s].length;

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

interface PartnerFields {
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
type PartnerField = Exclude<keyof PartnerFields, 'name'>;
const PARTNER_FIELDS: PartnerField[] = ['category', 'address', 'lat', 'lng', 'hours', 'phone', 'scope', 'intro'];
const FIELD_LABELS: Record<PartnerField, string> = {
  category: '类别',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  hours: '营业时间',
  phone: '电话',
  scope: '服务范围',
  intro: '商家简介',
};

interface PerkFields {
  title: string;
  description: string;
  eligibility: EligibilityT[];
  validFrom: number;
  validTo: number;
  limit: PerkLimitT;
}

interface Parsed {
  raw: Raw;
  partner: PartnerFields | null;
  perk: PerkFields | null;
  reasons: string[];
}

function parseRow(raw: Raw): Parsed {
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

// ---------------------------------------------------------------- the import

interface Outcome {
  row: number;
  status: Status;
  partner: string;
  perk: string;
  reason?: string;
}

interface Group {
  name: string;
  rows: Parsed[];
  existing: PartnerDoc | null;
  /** The merged fields and the row each came from. */
  fields: PartnerFields;
  from: Partial<Record<PartnerField, number>>;
  doc: PartnerDoc | null;
  changes: string[];
  rejected: string | null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const dateRange = (from: number, to: number) => `${formatBeijing(from, 'YYYY-MM-DD')}～${formatBeijing(to, 'YYYY-MM-DD')}`;

function inScope(grants: RoleGrantT[], at: PartnerDoc['at']): boolean {
  return grants.some((g) => g.level !== 'partner' && at[g.level] === g.nodeId);
}

export async function importPerks(ctx: Ctx, grants: RoleGrantT[], fileId: string, dryRun: boolean): Promise<PerkImportReportT> {
  const primary = grants[0];
  const now = ctx.clock.now();
  const rows = await readPerkSheet(await ctx.files.get(fileId));
  if (rows.length === 0) throw new AppError('INVALID_INPUT', '表格里没有数据行');
  const parsed = rows.map(parseRow);
  const outcomes = new Map<number, Outcome>();
  const reject = (p: Parsed, reason: string) =>
    outcomes.set(p.raw.row, { row: p.raw.row, status: 'rejected', partner: partnerName(p.raw.name), perk: plain(p.raw.title), reason });
  for (const p of parsed) if (p.reasons.length) reject(p, p.reasons.join('；'));

  // 1. Group the rows by partner; read the partners already stored under those names.
  const groups = new Map<string, Group>();
  for (const p of parsed) {
    if (!p.partner) continue;
    let g = groups.get(p.partner.name);
    if (!g) {
      g = { name: p.partner.name, rows: [], existing: null, fields: { name: p.partner.name }, from: {}, doc: null, changes: [], rejected: null };
      groups.set(g.name, g);
    }
    g.rows.push(p);
  }
  const names = [...groups.keys()];
  for (let i = 0; i < names.length; i += MAX_LIMIT) {
    const found = await ctx.store.collection(C.partners).where({ name: cmd.in(names.slice(i, i + MAX_LIMIT)) }).limit(MAX_LIMIT).get();
    for (const d of found) {
      const g = groups.get(d.name);
      if (g) g.existing = d;
    }
  }

  // 2. Where each partner is maintained: the 服务范围 names, within the caller's scope.
  const scopeNames = new Set<string>();
  for (const g of groups.values()) for (const p of g.rows) if (!p.reasons.length && p.partner?.scope) scopeNames.add(p.partner.scope);
  const scopes = new Map<string, NodeDoc | string>();
  for (const name of scopeNames) {
    const found = (
      await Promise.all(
        grants
          .filter((g) => g.level !== 'partner')
          .map((g) =>
            ctx.store
              .collection('nodes')
              .where({ name, level: cmd.in([...SCOPE_LEVELS]), [`at.${g.level}`]: g.nodeId })
              .limit(2)
              .get() as Promise<NodeDoc[]>,
          ),
      )
    ).flat();
    const unique = [...new Map(found.map((n) => [n._id, n])).values()];
    scopes.set(name, unique.length === 1 ? unique[0] : unique.length === 0 ? `服务范围“${name}”不存在或不在您的管理范围内` : `有多个名为“${name}”的单位，请联系上级管理员处理`);
  }
  const primaryNode = SCOPE_LEVELS.includes(primary.level as (typeof SCOPE_LEVELS)[number])
    ? (await ctx.store.collection('nodes').doc(primary.nodeId).get())
    : null;

  // 3. Each partner: merge its rows, check scope and required fields, diff with what is stored.
  for (const g of groups.values()) {
    const ok = g.rows.filter((p) => !p.reasons.length);
    if (g.existing && !inScope(grants, g.existing.at)) {
      g.rejected = `“${g.name}”由${g.existing.scopeName}管理，不在您的管理范围内`;
      continue;
    }
    for (const p of ok) {
      const conflicts: string[] = [];
      for (const f of PARTNER_FIELDS) {
        const v = p.partner?.[f];
        if (v === undefined) continue;
        if (g.fields[f] === undefined) {
          (g.fields as unknown as Record<string, unknown>)[f] = v;
          g.from[f] = p.raw.row;
        } else if (g.fields[f] !== v) conflicts.push(`${FIELD_LABELS[f]}与第${g.from[f]}行不一致`);
      }
      if (conflicts.length) {
        p.reasons.push(...conflicts);
        reject(p, conflicts.join('；'));
      }
    }
    const f = g.fields;
    let scopeNode: NodeDoc | null = null;
    if (f.scope) {
      const s = scopes.get(f.scope);
      if (typeof s === 'string') {
        g.rejected = s;
        continue;
      }
      scopeNode = s ?? null;
    }
    const ex = g.existing;
    if (!ex) {
      const missing = (['category', 'address', 'lat', 'hours', 'phone'] as PartnerField[])
        .filter((k) => f[k] === undefined)
        .map((k) => (k === 'lat' ? '经纬度' : FIELD_LABELS[k]));
      if (missing.length) {
        g.rejected = `新商家缺少：${missing.join('、')}`;
        continue;
      }
      scopeNode ??= primaryNode;
      if (!scopeNode) {
        g.rejected = '请填写服务范围（区、镇街或社区）';
        continue;
      }
    }
    const doc: PartnerDoc = {
      ...(ex ?? { _id: shortId('p'), status: 'active' as const, createdAt: now }),
      name: g.name,
      category: f.category ?? (ex as PartnerDoc).category,
      address: f.address ?? (ex as PartnerDoc).address,
      location: f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : (ex as PartnerDoc).location,
      hours: f.hours ?? (ex as PartnerDoc).hours,
      phone: f.phone ?? (ex as PartnerDoc).phone,
      ...(f.intro !== undefined || ex?.intro ? { intro: f.intro ?? ex?.intro } : {}),
      scopeId: scopeNode?._id ?? (ex as PartnerDoc).scopeId,
      scopeName: scopeNode?.name ?? (ex as PartnerDoc).scopeName,
      at: scopeNode ? scopeAt(scopeNode) : (ex as PartnerDoc).at,
      updatedAt: now,
    } as PartnerDoc;
    if (ex) {
      const c: string[] = [];
      if (doc.category !== ex.category) c.push(`类别：${CATEGORY_LABELS[ex.category]} → ${CATEGORY_LABELS[doc.category]}`);
      if (doc.address !== ex.address) c.push(`地址：${ex.address} → ${doc.address}`);
      if (doc.location.lat !== ex.location.lat || doc.location.lng !== ex.location.lng) c.push('位置（经纬度）已修改');
      if (doc.hours !== ex.hours) c.push(`营业时间：${ex.hours} → ${doc.hours}`);
      if (doc.phone !== ex.phone) c.push(`电话：${ex.phone} → ${doc.phone}`);
      if ((doc.intro ?? '') !== (ex.intro ?? '')) c.push('商家简介已修改');
      if (doc.scopeId !== ex.scopeId) c.push(`服务范围：${ex.scopeName} → ${doc.scopeName}`);
      g.changes = c;
      if (c.length === 0) Object.assign(doc, { updatedAt: ex.updatedAt });
    }
    g.doc = doc;
  }
  for (const g of groups.values()) {
    if (g.rejected) for (const p of g.rows) if (!outcomes.has(p.raw.row)) reject(p, g.rejected);
  }

  // 4. Their perks, as stored.
  const existingIds = [...groups.values()].filter((g) => g.doc && g.existing).map((g) => g.existing!._id);
  const stored = new Map<string, PerkDoc>();
  const perkCount = new Map<string, number>();
  for (let i = 0; i < existingIds.length; i += MAX_LIMIT) {
    const perks = await readAll<PerkDoc>(
      ctx.store.collection(C.perks).where({ partnerId: cmd.in(existingIds.slice(i, i + MAX_LIMIT)) }).orderBy('_id', 'asc'),
    );
    for (const k of perks) {
      stored.set(`${k.partnerId}\u0000${k.title}`, k);
      perkCount.set(k.partnerId, (perkCount.get(k.partnerId) ?? 0) + 1);
    }
  }

  // 5. Row by row.
  interface PerkPlan {
    group: Group;
    parsed: Parsed;
    doc: PerkDoc;
    isNew: boolean;
    changes: string[];
  }
  const plans: PerkPlan[] = [];
  for (const g of groups.values()) {
    if (!g.doc) continue;
    const seen = new Map<string, number>();
    let partnerReported = false;
    for (const p of g.rows) {
      if (outcomes.has(p.raw.row)) continue;
      const partnerNote = !partnerReported ? (g.existing ? g.changes : ['新增商家']) : [];
      partnerReported = true;
      const label = { partner: g.name, perk: p.perk?.title ?? '' };
      if (!p.perk) {
        const status: Status = !g.existing ? 'added' : partnerNote.length ? 'changed' : 'unchanged';
        outcomes.set(p.raw.row, { row: p.raw.row, status, ...label, ...(partnerNote.length ? { reason: partnerNote.join('；') } : {}) });
        continue;
      }
      const k = p.perk;
      const dup = seen.get(k.title);
      if (dup) {
        reject(p, `优惠名称与第${dup}行重复`);
        continue;
      }
      seen.set(k.title, p.raw.row);
      const old = g.existing ? stored.get(`${g.doc._id}\u0000${k.title}`) : undefined;
      if (!old) {
        const count = perkCount.get(g.doc._id) ?? 0;
        if (count >= MAX_PERKS_PER_PARTNER) {
          reject(p, `一个商家最多${MAX_PERKS_PER_PARTNER}项优惠`);
          continue;
        }
        perkCount.set(g.doc._id, count + 1);
      }
      const doc: PerkDoc = {
        ...(old ?? { _id: shortId('k'), status: 'active' as const, createdAt: now, order: perkCount.get(g.doc._id) ?? 0 }),
        partnerId: g.doc._id,
        partner: snapshotOf(g.doc),
        title: k.title,
        description: k.description,
        eligibility: k.eligibility,
        validFrom: k.validFrom,
        validTo: k.validTo,
        limit: k.limit,
        updatedAt: now,
      } as PerkDoc;
      const changes: string[] = [];
      if (old) {
        if (old.description !== k.description) changes.push('优惠内容已修改');
        if (!sameList(old.eligibility, k.eligibility)) changes.push(`适用对象：${forWhom(old.eligibility)} → ${forWhom(k.eligibility)}`);
        if (old.validFrom !== k.validFrom || old.validTo !== k.validTo) {
          changes.push(`有效期：${dateRange(old.validFrom, old.validTo)} → ${dateRange(k.validFrom, k.validTo)}`);
        }
        if (old.limit.count !== k.limit.count || old.limit.period !== k.limit.period) changes.push(`使用限制：${limitText(old.limit)} → ${limitText(k.limit)}`);
        if (changes.length === 0) doc.updatedAt = old.updatedAt;
      }
      const notes = [...partnerNote, ...(old ? changes : ['新增优惠'])];
      const status: Status = !g.existing || !old ? 'added' : notes.length ? 'changed' : 'unchanged';
      outcomes.set(p.raw.row, { row: p.raw.row, status, ...label, ...(notes.length ? { reason: notes.join('；') } : {}) });
      if (!old || changes.length) plans.push({ group: g, parsed: p, doc, isNew: !old, changes });
    }
  }

  // 6. Content check of what is new or changed (admins' text is published to every 三长).
  const writesPartner = (g: Group) => !!g.doc && !g.rejected && (!g.existing || g.changes.length > 0);
  // A partner is written only for a row that was not refused: a refused row writes nothing.
  const accepted = (g: Group) => g.rows.some((p) => outcomes.get(p.raw.row)?.status !== 'rejected');
  const entries: { text: string; fail: (label: string) => void }[] = [];
  for (const g of groups.values()) {
    if (!writesPartner(g) || !accepted(g)) continue;
    const d = g.doc as PartnerDoc;
    entries.push({
      text: [d.name, d.address, d.hours, d.intro ?? ''].join(' '),
      fail: (label) => {
        g.rejected = `商家信息含有不适宜的内容（${label}），请修改后再导入`;
        for (const p of g.rows) outcomes.set(p.raw.row, { row: p.raw.row, status: 'rejected', partner: g.name, perk: p.perk?.title ?? '', reason: g.rejected });
      },
    });
  }
  for (const plan of plans) {
    entries.push({
      text: `${plan.doc.title} ${plan.doc.description}`,
      fail: (label) => {
        outcomes.set(plan.parsed.raw.row, {
          row: plan.parsed.raw.row,
          status: 'rejected',
          partner: plan.group.name,
          perk: plan.doc.title,
          reason: `优惠内容含有不适宜的信息（${label}），请修改后再导入`,
        });
      },
    });
  }
  await checkInChunks(ctx, entries);

  // 7. Write what changed: partners first (a perk carries its partner's snapshot), then perks.
  const partnerWrites = [...groups.values()].filter((g) => writesPartner(g) && accepted(g));
  const perkWrites = plans.filter((p) => !p.group.rejected && outcomes.get(p.parsed.raw.row)?.status !== 'rejected');
  if (!dryRun && (partnerWrites.length || perkWrites.length)) {
    await inPool(partnerWrites, WRITE_CONCURRENCY, async (g) => {
      const { _id, ...rest } = g.doc as PartnerDoc;
      await ctx.store.collection(C.partners).doc(_id).set(rest);
    });
    await inPool(perkWrites, WRITE_CONCURRENCY, async (p) => {
      const { _id, ...rest } = p.doc;
      await ctx.store.collection(C.perks).doc(_id).set(rest);
    });
    // Perks of a changed partner that the file did not mention carry its new snapshot too.
    await inPool(
      partnerWrites.filter((g) => g.existing),
      WRITE_CONCURRENCY,
      async (g) => {
        const d = g.doc as PartnerDoc;
        await ctx.store.collection(C.perks).where({ partnerId: d._id }).update({ partner: snapshotOf(d) });
        await ctx.store.collection(C.stats).where({ partnerId: d._id }).update({ partnerName: d.name, category: d.category, at: d.at });
      },
    );
    await rebuildCatalogue(ctx);
  }

  // 8. The report.
  const all = [...outcomes.values()].sort((a, b) => a.row - b.row);
  const summary = { rows: all.length, added: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const o of all) summary[o.status]++;
  const listed: PerkImportReportT['rows'] = [];
  let n = 0;
  for (const o of all) {
    if (o.status === 'unchanged') continue;
    if (o.status !== 'rejected' && n++ >= REPORT_ROWS) continue;
    listed.push({ row: o.row, status: o.status, ...(o.partner ? { partner: o.partner } : {}), ...(o.perk ? { perk: o.perk } : {}), ...(o.reason ? { reason: o.reason } : {}) });
  }
  const report = await reportWorkbook(all, summary, { now, dryRun, scope: primary.nodeName });
  const reportId = await ctx.files.put(`reports/perks-${fileStamp(now)}.xlsx`, report, XLSX);
  return { summary, rows: listed, reportUrl: await ctx.files.url(reportId), dryRun };
}

/** Checks texts a chunk at a time; a flagged chunk is checked entry by entry to find the culprits. */
async function checkInChunks(ctx: Ctx, entries: { text: string; fail: (label: string) => void }[]): Promise<void> {
  const openid = ctx.openid();
  let chunk: typeof entries = [];
  let size = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const verdict = await ctx.checker.checkText(chunk.map((e) => e.text).join('\n'), { openid, scene: 1 });
    if (!verdict.ok) {
      for (const e of chunk) {
        const v = chunk.length === 1 ? verdict : await ctx.checker.checkText(e.text, { openid, scene: 1 });
        if (!v.ok) e.fail(v.label);
      }
    }
    chunk = [];
    size = 0;
  };
  for (const e of entries) {
    if (size + e.text.length > CHECK_CHUNK) await flush();
    chunk.push(e);
    size += e.text.length + 1;
  }
  await flush();
}

async function reportWorkbook(all: Outcome[], summary: PerkImportReportT['summary'], info: { now: number; dryRun: boolean; scope: string }): Promise<Buffer> {
  const wb = importReportWorkbook({
    now: info.now,
    dryRun: info.dryRun,
    scopeLabel: ['导入单位', info.scope],
    columns: [
      { header: '商家名称', width: 24, value: (o: Outcome) => o.partner },
      { header: '优惠名称', width: 24, value: (o: Outcome) => o.perk },
    ],
    rows: all,
    summary,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
