// Roster import: a 社区's (or a 镇街's, or the 区's) Excel roster, one row per 邻, into the
// tree (片 → 组 → 邻 with their 三长). Rows are checked, diffed in memory against the
// stored tree and only what changed is written; a second import of the same file writes
// nothing. Store operations: the admin's 社区 (1–2 reads), each involved 社区's 片/组/邻
// (one read per 100 nodes), the stored 三长 of the phones that are new to the file's nodes
// (one read per 100 phones), then one or two writes per new or changed node.
import type { RoleGrantT } from '../../../contracts/common';
import type { ImportReportT } from '../../../contracts/roster';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { putPrivateFile } from '../../domain/uploads';
import {
  DEFAULT_PROMISE,
  type At,
  type ChainLink,
  type LeadDoc,
  type LeadRole,
  type LeadSnapshot,
  type NodeDoc,
  type WechatGroupInfo,
} from '../../domain/docs';
import { FigureBatch, NOW, seatDelta } from '../../domain/figures';
import { assignLead } from '../../domain/leads';
import { readAll } from '../../domain/nodes';
import { chainLeadOf, type ChainLead } from '../../domain/succession';
import { cmd, MAX_LIMIT } from '../../store/port';
import { importReportWorkbook, readSheet, type ImportStatus, type SheetRow } from '../../core/spreadsheet';
import { COLUMNS, type ColumnKey } from './columns';
import { shortId } from '../../core/ids';
import { inPool } from '../../core/pool';

const MAX_ROWS = 30_000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many added/changed rows the reply lists (the report file has them all). */
const REPORT_ROWS = 200;
/** Store calls in flight at once while writing (CloudBase answers each in ~10–30 ms). */
const WRITE_CONCURRENCY = 8;
/**
 * What one call writes at most: a cloud function has a minute. By count, 6,000 片/组/邻 (a new
 * one is 2 writes, its lead and itself: ~20 s of CloudBase at 8 in flight), so a 岳塘-size
 * sheet (13,752 邻, ~17,000 nodes) takes 3 calls; and by time, no node is started 40 s after
 * the call began (reading the sheet and the report file need the rest). The rest is written by
 * importing the same file again: the import compares with what is stored, so it goes on where
 * it stopped. A call always writes at least one node, so every call makes progress.
 */
export const IMPORT_STEPS_PER_CALL = 6_000;
export const IMPORT_MS_PER_CALL = 40_000;
export interface ImportLimits {
  steps: number;
  ms: number;
}
/** The environment's own count, if its functions have more (or less) time: LZT_IMPORT_STEPS_PER_CALL. */
export function importLimits(): ImportLimits {
  const n = Number(process.env.LZT_IMPORT_STEPS_PER_CALL);
  return { steps: Number.isInteger(n) && n > 0 ? n : IMPORT_STEPS_PER_CALL, ms: IMPORT_MS_PER_CALL };
}
const READ_CONCURRENCY = 4;
const IMPORT_REASON = '名册导入';
const MAX_NODE_NAME = 30;
const MAX_PERSON_NAME = 20;
const MAX_BUILDING = 20;
const MAX_BUILDINGS = 50;
const NODE_FIELDS = ['level', 'name', 'parentId', 'at', 'order', 'lead', 'buildings', 'wechatGroup'] as const;
/** A node as the import reads it (the fields it compares and writes back). */
type NodeRow = Pick<NodeDoc, (typeof NODE_FIELDS)[number] | '_id'>;

export const ADMIN_LEVELS = ['community', 'street', 'district'] as const;

type Status = ImportStatus;

// ---------------------------------------------------------------- reading the sheet

type RawRow = SheetRow<ColumnKey>;

const readRoster = (data: Buffer) =>
  readSheet(data, {
    columns: COLUMNS,
    maxRows: MAX_ROWS,
    maxBytes: MAX_FILE_BYTES,
    noun: '名册',
    splitHint: '请分社区导入',
    headerExample: '镇街、社区、片、片长',
  });

// ---------------------------------------------------------------- one row, on its own

interface Person {
  name: string;
  phone: string;
}

interface ParsedRow {
  row: number;
  street: string;
  community: string;
  area: string;
  group: string;
  unit: string;
  areaLead: Person | null;
  groupLead: Person | null;
  unitLead: Person;
  /** null: left blank (an existing 邻 keeps its buildings). */
  buildings: string[] | null;
}

const clean = (s: string) => s.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '').trim();
/** Names of 社区/片/组/邻 are compared without any spaces: “3栋 1单元邻” is “3栋1单元邻”. */
export const nodeName = (s: string) => clean(s).replace(/\s+/g, '');
/** Chinese names lose stray spaces (“张 三” is 张三); other names keep single spaces. */
export function personName(s: string): string {
  const t = clean(s).replace(/\s+/g, ' ');
  return /^[\p{Script=Han}·•\s]+$/u.test(t) ? t.replace(/\s/g, '') : t;
}
export const phoneOf = (s: string) =>
  clean(s)
    .replace(/[\s\-—–()]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
export const PHONE = /^1[3-9]\d{9}$/;
export const splitBuildings = (s: string) => [
  ...new Set(
    clean(s)
      .split(/[、,;\s]+/)
      .map((b) => b.trim())
      .filter(Boolean),
  ),
];

function parseRow(raw: RawRow): { parsed: ParsedRow | null; reasons: string[] } {
  const reasons: string[] = [];
  const name = (key: ColumnKey, label: string, required: boolean) => {
    const v = nodeName(raw[key]);
    if (!v && required) reasons.push(`缺少${label}`);
    if (v.length > MAX_NODE_NAME) reasons.push(`${label}过长（最多${MAX_NODE_NAME}个字）`);
    return v;
  };
  const street = name('street', '镇街', false);
  const community = name('community', '社区名称', true);
  const area = name('area', '片的名称', true);
  const group = name('group', '组的名称', true);
  const unit = name('unit', '邻的名称', true);

  const person = (nameKey: ColumnKey, phoneKey: ColumnKey, label: string, required: boolean): Person | null => {
    const n = personName(raw[nameKey]);
    const rawPhone = clean(raw[phoneKey]);
    const p = phoneOf(rawPhone);
    if (!n && !rawPhone) {
      if (required) reasons.push(`缺少${label}姓名和电话`);
      return null;
    }
    if (!n) reasons.push(`缺少${label}姓名`);
    if (n.length > MAX_PERSON_NAME) reasons.push(`${label}姓名过长（最多${MAX_PERSON_NAME}个字）`);
    if (!rawPhone) reasons.push(`缺少${label}电话`);
    else if (!PHONE.test(p)) reasons.push(`${label}电话“${rawPhone}”不是11位手机号`);
    return { name: n, phone: p };
  };
  const areaLead = person('areaLeadName', 'areaLeadPhone', '片长', false);
  const groupLead = person('groupLeadName', 'groupLeadPhone', '组长', false);
  const unitLead = person('unitLeadName', 'unitLeadPhone', '邻长', true);

  const buildingsText = clean(raw.buildings);
  const buildings = buildingsText ? splitBuildings(buildingsText) : null;
  const long = buildings?.find((b) => b.length > MAX_BUILDING);
  if (long) reasons.push(`楼栋单元“${long}”过长（每项最多${MAX_BUILDING}个字）`);
  if (buildings && buildings.length > MAX_BUILDINGS) reasons.push(`楼栋单元过多（一个邻最多${MAX_BUILDINGS}项）`);

  if (reasons.length > 0 || !unitLead) return { parsed: null, reasons };
  return {
    parsed: { row: raw.row, street, community, area, group, unit, areaLead, groupLead, unitLead, buildings },
    reasons,
  };
}

// ---------------------------------------------------------------- the stored tree

interface Place {
  community: NodeDoc;
  streetName: string;
}

interface Claim extends Person {
  row: number;
}

interface AreaState {
  id: string;
  name: string;
  node: NodeRow | null;
  at: At;
  order: number;
  claim: Claim | null;
  groups: Map<string, GroupState>;
  nextOrder: number;
  community: CommunityState;
}

interface GroupState {
  id: string;
  name: string;
  node: NodeRow | null;
  at: At;
  order: number;
  claim: Claim | null;
  area: AreaState;
  nextOrder: number;
}

interface UnitState {
  id: string;
  name: string;
  node: NodeRow | null;
  at: At;
  order: number;
  group: GroupState;
  /** The file row that speaks for this 邻 (null: not in the file). */
  row: number | null;
  lead: Person | null;
  buildings: string[] | null;
}

interface CommunityState {
  place: Place;
  areas: Map<string, AreaState>;
  units: Map<string, UnitState>;
  nextOrder: number;
  byId: Map<string, NodeRow>;
}

const nextOrderOf = (nodes: { order: number }[]) => nodes.reduce((m, n) => Math.max(m, n.order ?? 0), 0) + 1;

async function loadPlaces(ctx: Ctx, scope: RoleGrantT): Promise<Place[]> {
  const nodes = ctx.store.collection('nodes');
  const found = await readAll<NodeDoc>(
    nodes.where({ [`at.${scope.level}`]: scope.nodeId, level: cmd.in(['street', 'community']) }).orderBy('_id', 'asc'),
  );
  const communities = found.filter((n) => n.level === 'community');
  const streets = new Map(found.filter((n) => n.level === 'street').map((n) => [n._id, n]));
  const missing = [...new Set(communities.map((c) => c.at.street).filter((id): id is string => !!id && !streets.has(id)))];
  for (let i = 0; i < missing.length; i += MAX_LIMIT) {
    for (const s of await nodes.where({ _id: cmd.in(missing.slice(i, i + MAX_LIMIT)) }).get()) streets.set(s._id, s);
  }
  return communities.map((c) => ({ community: c, streetName: nodeName(streets.get(c.at.street ?? '')?.name ?? '') }));
}

async function loadCommunity(ctx: Ctx, place: Place): Promise<CommunityState> {
  const docs = await readAll(
    ctx.store.collection('nodes').where({ 'at.community': place.community._id }).field(NODE_FIELDS).orderBy('_id', 'asc'),
  );
  const state: CommunityState = { place, areas: new Map(), units: new Map(), nextOrder: 1, byId: new Map() };
  const byOrder = (a: NodeRow, b: NodeRow) => (a.order ?? 0) - (b.order ?? 0);
  const of = (level: NodeDoc['level']) => docs.filter((d) => d.level === level).sort(byOrder);
  for (const d of docs) state.byId.set(d._id, d);

  const areasById = new Map<string, AreaState>();
  const areas = of('area');
  state.nextOrder = nextOrderOf(areas);
  for (const n of areas) {
    const a: AreaState = { id: n._id, name: nodeName(n.name), node: n, at: n.at, order: n.order, claim: null, groups: new Map(), nextOrder: 1, community: state };
    areasById.set(n._id, a);
    if (!state.areas.has(a.name)) state.areas.set(a.name, a);
  }
  const groupsById = new Map<string, GroupState>();
  const groups = of('group');
  for (const n of groups) {
    const area = areasById.get(n.parentId ?? '');
    if (!area) continue;
    const g: GroupState = { id: n._id, name: nodeName(n.name), node: n, at: n.at, order: n.order, claim: null, area, nextOrder: 1 };
    groupsById.set(n._id, g);
    area.nextOrder = Math.max(area.nextOrder, (n.order ?? 0) + 1);
    if (!area.groups.has(g.name)) area.groups.set(g.name, g);
  }
  for (const n of of('unit')) {
    const group = groupsById.get(n.parentId ?? '');
    if (!group) continue;
    group.nextOrder = Math.max(group.nextOrder, (n.order ?? 0) + 1);
    const u: UnitState = { id: n._id, name: nodeName(n.name), node: n, at: n.at, order: n.order, group, row: null, lead: null, buildings: null };
    if (!state.units.has(u.name)) state.units.set(u.name, u);
  }
  return state;
}

interface StoredLead {
  name: string;
  nodeId: string;
  role: LeadRole;
}

async function storedLeadsByPhone(ctx: Ctx, phones: string[]): Promise<Map<string, StoredLead[]>> {
  const out = new Map<string, StoredLead[]>();
  const chunks: string[][] = [];
  for (let i = 0; i < phones.length; i += MAX_LIMIT) chunks.push(phones.slice(i, i + MAX_LIMIT));
  await inPool(chunks, READ_CONCURRENCY, async (chunk) => {
    const docs = await readAll(
      ctx.store
        .collection('leads')
        .where({ phone: cmd.in(chunk), status: cmd.in(['active', 'away']) })
        .field(['name', 'phone', 'nodeId', 'role'])
        .orderBy('_id', 'asc'),
    );
    for (const d of docs) {
      const list = out.get(d.phone) ?? [];
      list.push({ name: personName(d.name), nodeId: d.nodeId, role: d.role });
      out.set(d.phone, list);
    }
  });
  return out;
}

// ---------------------------------------------------------------- diffing

const ROLE_LABEL: Record<LeadRole, string> = { areaLead: '片长', groupLead: '组长', neighbourLead: '邻长' };
const samePerson = (a: Person, b: Person) => a.phone === b.phone && a.name === b.name;
const who = (p: Person) => `${p.name}（${p.phone}）`;

type LeadChange = { kind: 'new' | 'rename' | 'replace'; text: string } | null;

function leadChange(label: string, current: LeadSnapshot | null | undefined, wanted: Person | null): LeadChange {
  if (!wanted) return null;
  if (!current) return { kind: 'new', text: `${label}：空缺 → ${wanted.name}` };
  if (current.phone === wanted.phone) {
    return personName(current.name) === wanted.name ? null : { kind: 'rename', text: `${label}姓名更正：${current.name} → ${wanted.name}` };
  }
  return { kind: 'replace', text: `${label}更换：${current.name} → ${wanted.name}` };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The lead a node will have after the import (for the copies on the cards). */
function finalLead(s: { claim: Claim | null; node: NodeRow | null }): ChainLead | null {
  const current = s.node?.lead;
  // The same phone is the same lead (a rename at most): their away mark stays.
  if (s.claim) return current?.phone === s.claim.phone ? chainLeadOf({ ...current, name: s.claim.name }) : { name: s.claim.name, phone: s.claim.phone };
  return chainLeadOf(current);
}

const threeLeadsGroup = (name: string): WechatGroupInfo => ({ name: `${name}三长群`, joinHint: '由组长、片长管理，居民可请邻长转达' });
const unitGroup = (name: string): WechatGroupInfo => ({
  name: `${name.replace(/邻$/, '')}邻里群`,
  joinHint: '请邻长拉您进群，或扫楼道公示栏上的群二维码',
});

// ---------------------------------------------------------------- the import

interface Outcome {
  row: number;
  status: Status;
  raw: RawRow;
  reason?: string;
  unit?: string;
}

export async function importRoster(
  ctx: Ctx,
  scope: RoleGrantT,
  fileId: string,
  dryRun: boolean,
  limits: ImportLimits = importLimits(),
): Promise<ImportReportT> {
  const deadline = performance.now() + limits.ms;
  if (scope.role !== 'admin' || !(ADMIN_LEVELS as readonly string[]).includes(scope.level)) {
    throw new AppError('FORBIDDEN', '只有社区、镇街或区的管理员可以导入名册');
  }
  const data = await ctx.files.get(fileId);
  if (data.length > MAX_FILE_BYTES) throw new AppError('INVALID_INPUT', '文件过大（最大 20 MB），请分社区导入');
  const rawRows = await readRoster(data);
  if (rawRows.length === 0) throw new AppError('INVALID_INPUT', '名册里没有数据行');
  const now = ctx.clock.now();

  const outcomes = new Map<number, Outcome>();
  const reject = (raw: RawRow, reason: string) =>
    outcomes.set(raw.row, { row: raw.row, status: 'rejected', raw, reason, unit: nodeName(raw.unit) || undefined });

  // 1. Each row on its own.
  const parsed: { raw: RawRow; p: ParsedRow }[] = [];
  for (const raw of rawRows) {
    const { parsed: p, reasons } = parseRow(raw);
    if (!p) reject(raw, reasons.join('；'));
    else parsed.push({ raw, p });
  }

  // 2. Which 社区 each row names, within the admin's scope.
  const places = await loadPlaces(ctx, scope);
  const byName = new Map<string, Place[]>();
  for (const pl of places) {
    const key = nodeName(pl.community.name);
    byName.set(key, [...(byName.get(key) ?? []), pl]);
  }
  const unknown = [...new Set(parsed.map(({ p }) => p.community).filter((n) => !byName.has(n)))];
  const elsewhere = new Set<string>();
  for (let i = 0; i < unknown.length; i += MAX_LIMIT) {
    const docs = await ctx.store
      .collection('nodes')
      .where({ level: 'community', name: cmd.in(unknown.slice(i, i + MAX_LIMIT)) })
      .field(['name'])
      .get();
    for (const d of docs) elsewhere.add(nodeName(String(d.name)));
  }
  const located: { raw: RawRow; p: ParsedRow; place: Place }[] = [];
  for (const { raw, p } of parsed) {
    const candidates = byName.get(p.community);
    if (!candidates) {
      reject(
        raw,
        elsewhere.has(p.community)
          ? `社区“${p.community}”不在您的管理范围内（${scope.nodeName}）`
          : `系统中没有“${p.community}”这个社区，请核对名称`,
      );
      continue;
    }
    const inStreet = p.street ? candidates.filter((c) => c.streetName === p.street) : candidates;
    if (inStreet.length === 0) reject(raw, `镇街“${p.street}”下没有“${p.community}”，请核对镇街名称`);
    else if (inStreet.length > 1) reject(raw, `有${inStreet.length}个名为“${p.community}”的社区，请填写镇街以区分`);
    else located.push({ raw, p, place: inStreet[0] });
  }

  // 3. The involved 社区's 片/组/邻, read once.
  const states = new Map<string, CommunityState>();
  const involved = [...new Map(located.map((l) => [l.place.community._id, l.place])).values()];
  await inPool(involved, READ_CONCURRENCY, async (place) => {
    states.set(place.community._id, await loadCommunity(ctx, place));
  });

  // 4. The stored 三长 of every phone the file gives to someone who does not hold it yet.
  type Role = { key: 'areaLead' | 'groupLead' | 'unitLead'; role: LeadRole };
  const ROLES: Role[] = [
    { key: 'areaLead', role: 'areaLead' },
    { key: 'groupLead', role: 'groupLead' },
    { key: 'unitLead', role: 'neighbourLead' },
  ];
  const existingTarget = (c: CommunityState, p: ParsedRow, role: LeadRole): NodeRow | null => {
    const area = c.areas.get(p.area);
    if (role === 'areaLead') return area?.node ?? null;
    const group = area?.groups.get(p.group);
    if (role === 'groupLead') return group?.node ?? null;
    const unit = c.units.get(p.unit);
    return unit && group && unit.group === group ? unit.node : null;
  };
  const lookup = new Set<string>();
  /** phone → existing node → the name the file gives there (a correction, not a clash). */
  const fileTargets = new Map<string, Map<string, string>>();
  for (const { p, place } of located) {
    const c = states.get(place.community._id) as CommunityState;
    for (const r of ROLES) {
      const person = p[r.key];
      if (!person) continue;
      const target = existingTarget(c, p, r.role);
      if (target) {
        const m = fileTargets.get(person.phone) ?? new Map<string, string>();
        if (!m.has(target._id)) m.set(target._id, person.name);
        fileTargets.set(person.phone, m);
      }
      const held = target?.lead;
      if (!held || held.phone !== person.phone || personName(held.name) !== person.name) lookup.add(person.phone);
    }
  }
  const stored = await storedLeadsByPhone(ctx, [...lookup]);
  const nodeLabel = (nodeId: string) => {
    for (const c of states.values()) {
      const n = c.byId.get(nodeId);
      if (n) return n.name;
    }
    return '';
  };

  // 5. Rows in order: checks against the file so far and the stored tree; the first row wins.
  const phoneOwners = new Map<string, { name: string; row: number; label: string }>();
  const accepted: { raw: RawRow; p: ParsedRow; unit: UnitState }[] = [];
  const mentioned = new Set<UnitState>();
  for (const { raw, p, place } of located) {
    const c = states.get(place.community._id) as CommunityState;
    const listed = c.units.get(p.unit);
    if (listed) mentioned.add(listed);
    let area = c.areas.get(p.area);
    let group = area?.groups.get(p.group);
    let unit = c.units.get(p.unit);
    const where = (g: GroupState) => `${g.area.name}${g.name}`;
    const sameGroup = (g: GroupState) => g.name === p.group && g.area.name === p.area;

    const problem = ((): string | null => {
      if (unit && unit.row !== null) {
        return sameGroup(unit.group)
          ? `邻“${p.unit}”重复：第${unit.row}行已填写过这个邻`
          : `邻“${p.unit}”已在第${unit.row}行列在${where(unit.group)}，一个邻不能同时属于两个组`;
      }
      if (unit && unit.node && !sameGroup(unit.group)) {
        return `邻“${p.unit}”在系统中属于${where(unit.group)}，导入不调整邻的归属；如需调到${p.area}${p.group}，请在组织体系图中操作`;
      }
      if (p.areaLead && area?.claim && !samePerson(area.claim, p.areaLead)) {
        return `片长与第${area.claim.row}行不一致（第${area.claim.row}行：${who(area.claim)}，本行：${who(p.areaLead)}），同一个片以第一次填写的为准`;
      }
      if (p.groupLead && group?.claim && !samePerson(group.claim, p.groupLead)) {
        return `组长与第${group.claim.row}行不一致（第${group.claim.row}行：${who(group.claim)}，本行：${who(p.groupLead)}），同一个组以第一次填写的为准`;
      }
      const people = ROLES.filter((r) => p[r.key]).map((r) => ({ ...r, person: p[r.key] as Person, label: ROLE_LABEL[r.role] }));
      for (let i = 0; i < people.length; i++) {
        for (let j = i + 1; j < people.length; j++) {
          const [a, b] = [people[i], people[j]];
          if (a.person.phone === b.person.phone && a.person.name !== b.person.name) {
            return `${a.label}${a.person.name}与${b.label}${b.person.name}的手机号相同（${a.person.phone}），同一手机号不能属于不同的人`;
          }
        }
      }
      for (const { person, label, role } of people) {
        const owner = phoneOwners.get(person.phone);
        if (owner && owner.name !== person.name) {
          return `${label}电话${person.phone}与第${owner.row}行${owner.label}${owner.name}的相同，同一手机号不能属于不同的人`;
        }
        const target = existingTarget(c, p, role);
        const clash = (stored.get(person.phone) ?? []).find(
          (s) => s.name !== person.name && s.nodeId !== target?._id && fileTargets.get(person.phone)?.get(s.nodeId) !== person.name,
        );
        if (clash) {
          const at = nodeLabel(clash.nodeId);
          return `${label}电话${person.phone}已登记为${clash.name}（${at}${ROLE_LABEL[clash.role]}），同一手机号不能属于不同的人`;
        }
      }
      return null;
    })();
    if (problem) {
      reject(raw, problem);
      continue;
    }

    // Accepted: the row's 片, 组 and 邻 now exist (planned, if new) and its 三长 are claimed.
    if (!area) {
      const id = shortId('a');
      area = {
        id,
        name: p.area,
        node: null,
        at: { ...place.community.at, area: id },
        order: c.nextOrder++,
        claim: null,
        groups: new Map(),
        nextOrder: 1,
        community: c,
      };
      c.areas.set(p.area, area);
    }
    if (!group) {
      const id = shortId('g');
      group = { id, name: p.group, node: null, at: { ...area.at, group: id }, order: area.nextOrder++, claim: null, area, nextOrder: 1 };
      area.groups.set(p.group, group);
    }
    if (!unit) {
      const id = shortId('u');
      unit = { id, name: p.unit, node: null, at: { ...group.at, unit: id }, order: group.nextOrder++, group, row: null, lead: null, buildings: null };
      c.units.set(p.unit, unit);
    }
    if (p.areaLead && !area.claim) area.claim = { ...p.areaLead, row: p.row };
    if (p.groupLead && !group.claim) group.claim = { ...p.groupLead, row: p.row };
    unit.row = p.row;
    unit.lead = p.unitLead;
    unit.buildings = p.buildings;
    for (const r of ROLES) {
      const person = p[r.key];
      if (person && !phoneOwners.has(person.phone)) phoneOwners.set(person.phone, { name: person.name, row: p.row, label: ROLE_LABEL[r.role] });
    }
    accepted.push({ raw, p, unit });
  }

  // 6. What changes, row by row.
  const areaChanges = new Map<AreaState, LeadChange>();
  const groupChanges = new Map<GroupState, LeadChange>();
  for (const c of states.values()) {
    for (const a of c.areas.values()) {
      if (a.node) areaChanges.set(a, leadChange('片长', a.node.lead, a.claim));
      for (const g of a.groups.values()) if (g.node) groupChanges.set(g, leadChange('组长', g.node.lead, g.claim));
    }
  }
  const unitPlans: { unit: UnitState; lead: LeadChange; buildings: string[] | null }[] = [];
  for (const { raw, p, unit } of accepted) {
    if (!unit.node) {
      outcomes.set(p.row, { row: p.row, status: 'added', raw, unit: unit.name });
      continue;
    }
    const texts: string[] = [];
    const oldBuildings = unit.node.buildings ?? [];
    const buildings = unit.buildings && !sameList(unit.buildings, oldBuildings) ? unit.buildings : null;
    if (buildings) texts.push(`楼栋单元：${oldBuildings.join('、') || '（空）'} → ${buildings.join('、')}`);
    const lead = leadChange('邻长', unit.node.lead, unit.lead);
    if (lead) texts.push(lead.text);
    const g = groupChanges.get(unit.group);
    if (g) texts.push(g.text);
    const a = areaChanges.get(unit.group.area);
    if (a) texts.push(a.text);
    if (lead || buildings) unitPlans.push({ unit, lead, buildings });
    outcomes.set(p.row, texts.length ? { row: p.row, status: 'changed', raw, unit: unit.name, reason: texts.join('；') } : { row: p.row, status: 'unchanged', raw, unit: unit.name });
  }

  // 7. Write what changed: 片, then 组, then 邻 (so every copy on a card is final).
  const steps = dryRun ? null : await writeChanges(ctx, now, states, areaChanges, groupChanges, unitPlans, { steps: limits.steps, deadline });

  // 8. The report.
  const all = [...outcomes.values()].sort((a, b) => a.row - b.row);
  const summary = { rows: all.length, added: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const o of all) summary[o.status]++;
  const rows: ImportReportT['rows'] = [];
  let listed = 0;
  for (const o of all) {
    if (o.status === 'unchanged') continue;
    if (o.status !== 'rejected' && listed++ >= REPORT_ROWS) continue;
    rows.push({ row: o.row, status: o.status, ...(o.unit ? { unit: o.unit } : {}), ...(o.reason ? { reason: o.reason } : {}) });
  }
  const absent: UnitState[] = [];
  for (const c of states.values()) for (const u of c.units.values()) if (u.node && !mentioned.has(u)) absent.push(u);
  const report = await reportWorkbook(all, summary, absent, { now, dryRun, scope });
  // Full phones: readable by the 管理员 who imported, under an unguessable name.
  const reportId = await putPrivateFile(ctx, 'reports', 'roster', 'xlsx', report);
  const more = steps && steps.done < steps.total ? { more: steps } : {};
  return { summary, rows, reportUrl: await ctx.files.url(reportId), dryRun, ...more };
}

async function writeChanges(
  ctx: Ctx,
  now: number,
  states: Map<string, CommunityState>,
  areaChanges: Map<AreaState, LeadChange>,
  groupChanges: Map<GroupState, LeadChange>,
  unitPlans: { unit: UnitState; lead: LeadChange; buildings: string[] | null }[],
  budget: { steps: number; deadline: number },
): Promise<{ done: number; total: number }> {
  const nodes = ctx.store.collection('nodes');
  // One step per node written. A step not started when the budget is spent is left for the
  // next call; a node is never half written by it (a step writes its lead, then itself).
  let done = 0;
  const step = (): boolean => {
    if (done > 0 && (done >= budget.steps || performance.now() >= budget.deadline)) return false;
    done++;
    return true;
  };
  /** 片 and 组 made by this call: their new children can be made after them. */
  const made = new Set<AreaState | GroupState>();
  const leads = ctx.store.collection('leads');
  const zero = () => ({ households: 0, bound: 0, visited: 0 });
  /** The 三长 seats made by this call, written as a few sums at the end (the 工作台's figures). */
  const seats = new FigureBatch();

  /** A new node with its lead: the lead record first, then the node that points at it. */
  const create = async (doc: NodeDoc, role: LeadRole, person: Person | null) => {
    if (person) {
      const lead: LeadDoc = {
        _id: shortId('l', 16),
        role,
        nodeId: doc._id,
        name: person.name,
        phone: person.phone,
        openid: null,
        status: 'active',
        since: now,
        at: doc.at,
      };
      await leads.add(lead);
      doc.lead = { id: lead._id, name: person.name, phone: person.phone, since: now, activeAt: now, openid: null };
    } else {
      doc.lead = null;
    }
    await nodes.add(doc);
    if (doc.level !== 'unit') seats.made(doc._id, NOW);
    seats.add(doc.at, NOW, seatDelta(role === 'areaLead' ? 'area' : role === 'groupLead' ? 'group' : 'unit', doc.lead));
  };
  const link = (s: AreaState | GroupState): ChainLink => ({
    id: s.id,
    name: s.node?.name ?? s.name,
    lead: finalLead(s),
    wechatGroup: s.node?.wechatGroup ?? threeLeadsGroup(s.name),
  });

  const areas = [...states.values()].flatMap((c) => [...c.areas.values()]);
  const groups = areas.flatMap((a) => [...a.groups.values()]);

  const areaSteps = areas.filter((a) => !a.node || (areaChanges.get(a) && a.claim));
  const groupSteps = groups.filter((g) => !g.node || (groupChanges.get(g) && g.claim));
  const newUnits = [...states.values()].flatMap((c) => [...c.units.values()].filter((u) => !u.node && u.row !== null));
  const total = areaSteps.length + groupSteps.length + newUnits.length + unitPlans.length;

  try {
    await inPool(areaSteps, WRITE_CONCURRENCY, async (a) => {
      if (!step()) return;
      if (!a.node) {
        await create(
          { _id: a.id, level: 'area', name: a.name, parentId: a.community.place.community._id, at: a.at, order: a.order, wechatGroup: threeLeadsGroup(a.name), stats: zero() },
          'areaLead',
          a.claim,
        );
        made.add(a);
      } else if (areaChanges.get(a) && a.claim) {
        await assignLead(ctx, a.node, { name: a.claim.name, phone: a.claim.phone }, IMPORT_REASON);
      }
    });
    await inPool(groupSteps, WRITE_CONCURRENCY, async (g) => {
      // A 组 whose new 片 was left for the next call waits with it.
      if (!g.area.node && !made.has(g.area)) return;
      if (!step()) return;
      if (!g.node) {
        await create(
          { _id: g.id, level: 'group', name: g.name, parentId: g.area.id, at: g.at, order: g.order, wechatGroup: threeLeadsGroup(g.name), stats: zero() },
          'groupLead',
          g.claim,
        );
        made.add(g);
      } else if (groupChanges.get(g) && g.claim) {
        await assignLead(ctx, g.node, { name: g.claim.name, phone: g.claim.phone }, IMPORT_REASON);
      }
    });
    await inPool(newUnits, WRITE_CONCURRENCY, async (u) => {
      if (!u.group.node && !made.has(u.group)) return;
      if (!step()) return;
      const community = u.group.area.community.place.community;
      await create(
        {
          _id: u.id,
          level: 'unit',
          name: u.name,
          parentId: u.group.id,
          at: u.at,
          order: u.order,
          buildings: u.buildings ?? [],
          promise: DEFAULT_PROMISE,
          wechatGroup: unitGroup(u.name),
          chain: {
            group: link(u.group),
            area: link(u.group.area),
            community: { id: community._id, name: community.name, hotline: community.hotline ?? '' },
          },
          stats: zero(),
        },
        'neighbourLead',
        u.lead,
      );
    });
    await inPool(unitPlans, WRITE_CONCURRENCY, async ({ unit, lead, buildings }) => {
      if (!step()) return;
      const node = unit.node as NodeRow;
      if (buildings) await nodes.doc(node._id).update({ buildings });
      if (lead && unit.lead) await assignLead(ctx, node, unit.lead, IMPORT_REASON);
    });
  } finally {
    await seats.flush(ctx.store);
  }
  return { done, total };
}

// ---------------------------------------------------------------- the report file

async function reportWorkbook(
  all: Outcome[],
  summary: ImportReportT['summary'],
  absent: UnitState[],
  info: { now: number; dryRun: boolean; scope: RoleGrantT },
): Promise<Buffer> {
  const wb = importReportWorkbook({
    now: info.now,
    dryRun: info.dryRun,
    scopeLabel: ['导入范围', info.scope.nodeName],
    columns: [
      { header: '镇街', width: 12, value: (o: Outcome) => o.raw.street },
      { header: '社区', width: 14, value: (o: Outcome) => o.raw.community },
      { header: '片', width: 10, value: (o: Outcome) => o.raw.area },
      { header: '组', width: 10, value: (o: Outcome) => o.raw.group },
      { header: '邻', width: 16, value: (o: Outcome) => o.raw.unit },
      { header: '邻长', width: 10, value: (o: Outcome) => o.raw.unitLeadName },
    ],
    rows: all,
    summary,
    extraSummary: [['名册中未出现的邻', absent.length]],
  });

  const a = wb.addWorksheet('名册中未出现的邻');
  a.columns = [
    { header: '社区', key: 'community', width: 14 },
    { header: '片', key: 'area', width: 10 },
    { header: '组', key: 'group', width: 10 },
    { header: '邻', key: 'unit', width: 16 },
    { header: '邻长', key: 'lead', width: 10 },
  ];
  a.getRow(1).font = { bold: true };
  for (const u of absent) {
    a.addRow({
      community: u.group.area.community.place.community.name,
      area: u.group.area.name,
      group: u.group.name,
      unit: u.node?.name ?? u.name,
      lead: u.node?.lead?.name ?? '（空缺）',
    });
  }
  a.addRow({});
  a.addRow({ community: '导入不会删除或撤销这些邻；如需调整，请在组织体系图中操作。' });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
