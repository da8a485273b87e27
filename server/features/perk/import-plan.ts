// Partner-and-perk import, step 2: the plan. Pure: from the parsed rows and what is stored
// under their names, each row's outcome (added, changed, unchanged, rejected and why), the
// partner and perk documents to write, and the texts to check before writing them.
import type { RoleGrantT } from '../../../contracts/common';
import { CATEGORY_LABELS } from '../../../contracts/perk';
import type { ImportStatus } from '../../core/spreadsheet';
import { formatBeijing } from '../../core/time';
import { shortId } from '../../core/ids';
import type { NodeDoc } from '../../domain/docs';
import { forWhom, limitText, MAX_PERKS_PER_PARTNER, perkFieldsOf, scopeAt, snapshotOf, type PartnerDoc, type PerkDoc } from './docs';
import { FIELD_LABELS, PARTNER_FIELDS, partnerName, plain, type Parsed, type PartnerField, type PartnerFields } from './import-parse';

type Status = ImportStatus;

/** What is stored that the file names: its partners (by name), its 服务范围 names, the caller's own node, those partners' perks. */
export interface Stored {
  partners: readonly PartnerDoc[];
  /** Each 服务范围 name: its node, or why it cannot be used. */
  scopes: ReadonlyMap<string, NodeDoc | string>;
  primaryNode: NodeDoc | null;
  perks: readonly PerkDoc[];
}

export interface Outcome {
  row: number;
  status: Status;
  partner: string;
  perk: string;
  reason?: string;
}

export interface Group {
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

export interface PerkPlan {
  group: Group;
  parsed: Parsed;
  doc: PerkDoc;
  isNew: boolean;
  changes: string[];
}

export interface ImportPlan {
  outcomes: Map<number, Outcome>;
  groups: Map<string, Group>;
  plans: PerkPlan[];
}

/** The 服务范围 names the rows give (to read before planning). */
export function scopeNamesOf(parsed: readonly Parsed[]): Set<string> {
  return new Set(parsed.filter((p) => !p.reasons.length && p.partner?.scope).map((p) => p.partner!.scope as string));
}

/** The partner names the rows give (to read before planning). */
export function partnerNamesOf(parsed: readonly Parsed[]): string[] {
  return [...new Set(parsed.flatMap((p) => (p.partner ? [p.partner.name] : [])))];
}

type PartnerBase = Pick<PartnerDoc, 'category' | 'address' | 'location' | 'hours' | 'phone' | 'scopeId' | 'scopeName' | 'at'>;

/** A new partner's fields from the file, or why it cannot be added (a required field missing, no scope). */
function newPartnerBase(f: PartnerFields, scope: NodeDoc | null): PartnerBase | string {
  const { category, address, lat, lng, hours, phone } = f;
  if (category === undefined || address === undefined || lat === undefined || lng === undefined || hours === undefined || phone === undefined) {
    const missing = (['category', 'address', 'lat', 'hours', 'phone'] as PartnerField[])
      .filter((k) => f[k] === undefined)
      .map((k) => (k === 'lat' ? '经纬度' : FIELD_LABELS[k]));
    return `新商家缺少：${missing.join('、')}`;
  }
  if (!scope) return '请填写服务范围（区、镇街或社区）';
  return { category, address, location: { lat, lng }, hours, phone, scopeId: scope._id, scopeName: scope.name, at: scopeAt(scope) };
}

export function planImport(parsed: readonly Parsed[], stored: Stored, grants: RoleGrantT[], now: number): ImportPlan {
  const outcomes = new Map<number, Outcome>();
  const reject = (p: Parsed, reason: string) =>
    outcomes.set(p.raw.row, { row: p.raw.row, status: 'rejected', partner: partnerName(p.raw.name), perk: plain(p.raw.title), reason });
  for (const p of parsed) if (p.reasons.length) reject(p, p.reasons.join('；'));

  // 1. Group the rows by partner, with the partner stored under that name.
  const byName = new Map(stored.partners.map((d) => [d.name, d]));
  const groups = new Map<string, Group>();
  for (const p of parsed) {
    if (!p.partner) continue;
    let g = groups.get(p.partner.name);
    if (!g) {
      g = { name: p.partner.name, rows: [], existing: byName.get(p.partner.name) ?? null, fields: { name: p.partner.name }, from: {}, doc: null, changes: [], rejected: null };
      groups.set(g.name, g);
    }
    g.rows.push(p);
  }
  const { scopes, primaryNode } = stored;

  // 2. Each partner: merge its rows, check scope and required fields, diff with what is stored.
  for (const g of groups.values()) {
    const ok = g.rows.filter((p) => !p.reasons.length);
    if (g.existing && !inScope(grants, g.existing.at)) {
      g.rejected = `“${g.name}”由${g.existing.scopeName}管理，不在您的管理范围内`;
      continue;
    }
    for (const p of ok) {
      const conflicts: string[] = [];
      const merge = <F extends PartnerField>(f: F, v: PartnerFields[F] | undefined) => {
        if (v === undefined) return;
        if (g.fields[f] === undefined) {
          g.fields[f] = v;
          g.from[f] = p.raw.row;
        } else if (g.fields[f] !== v) conflicts.push(`${FIELD_LABELS[f]}与第${g.from[f]}行不一致`);
      };
      for (const f of PARTNER_FIELDS) merge(f, p.partner?.[f]);
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
    // What a field the file leaves empty keeps: the stored partner's, or for a new one the
    // fields it must give (and the caller's own node as its scope).
    const base = ex ?? newPartnerBase(f, scopeNode ?? primaryNode);
    if (typeof base === 'string') {
      g.rejected = base;
      continue;
    }
    const doc: PartnerDoc = {
      ...(ex ?? { _id: shortId('p'), status: 'active' as const, createdAt: now }),
      name: g.name,
      category: f.category ?? base.category,
      address: f.address ?? base.address,
      location: f.lat !== undefined && f.lng !== undefined ? { lat: f.lat, lng: f.lng } : base.location,
      hours: f.hours ?? base.hours,
      phone: f.phone ?? base.phone,
      ...(f.intro !== undefined || ex?.intro ? { intro: f.intro ?? ex?.intro } : {}),
      scopeId: scopeNode?._id ?? base.scopeId,
      scopeName: scopeNode?.name ?? base.scopeName,
      at: scopeNode ? scopeAt(scopeNode) : base.at,
      updatedAt: now,
    };
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

  // 3. Their perks, as stored.
  const stored_ = new Map<string, PerkDoc>();
  const perkCount = new Map<string, number>();
  for (const k of stored.perks) {
    stored_.set(`${k.partnerId}\u0000${k.title}`, k);
    perkCount.set(k.partnerId, (perkCount.get(k.partnerId) ?? 0) + 1);
  }

  // 4. Row by row.
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
      const old = g.existing ? stored_.get(`${g.doc._id}\u0000${k.title}`) : undefined;
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
        ...perkFieldsOf(k),
        updatedAt: now,
      };
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

  return { outcomes, groups, plans };
}

export interface CheckEntry {
  text: string;
  fail: (label: string) => void;
}

/** What is new or changed, to check before writing (admins' text is published to every 三长); a flagged entry refuses its rows. */
export function checkEntries({ outcomes, groups, plans }: ImportPlan): CheckEntry[] {
  const entries: CheckEntry[] = [];
  for (const g of groups.values()) {
    if (!writesPartner(g) || !accepted(outcomes, g)) continue;
    const d = g.doc;
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
  return entries;
}

/** One unit of writing: a partner (if it changed) and its perks to write, in that order (a perk carries its partner's snapshot). */
export interface WriteUnit {
  partner: PartnerDoc | null;
  /** A stored partner that changed: its other perks and figures take its new snapshot. */
  propagate: boolean;
  perks: PerkDoc[];
}

/** After the checks: what to write, partner by partner. */
export function writeUnits({ outcomes, groups, plans }: ImportPlan): WriteUnit[] {
  const units: WriteUnit[] = [];
  for (const g of groups.values()) {
    if (!g.doc || g.rejected) continue;
    const partner = writesPartner(g) && accepted(outcomes, g) ? g.doc : null;
    const perks = plans.filter((p) => p.group === g && outcomes.get(p.parsed.raw.row)?.status !== 'rejected').map((p) => p.doc);
    if (partner || perks.length) units.push({ partner, propagate: !!partner && !!g.existing, perks });
  }
  return units;
}

const writesPartner = (g: Group): g is Group & { doc: PartnerDoc } => !!g.doc && !g.rejected && (!g.existing || g.changes.length > 0);
// A partner is written only for a row that was not refused: a refused row writes nothing.
const accepted = (outcomes: Map<number, Outcome>, g: Group) => g.rows.some((p) => outcomes.get(p.raw.row)?.status !== 'rejected');
