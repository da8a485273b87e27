// Roster import, the plan (pure: no store, no clock): which 社区 each row names, which rows
// are taken (checked against the file so far and the stored tree, the first row winning),
// the 片/组/邻 they make or change, and each row's outcome. Unit-tested on its own
// (test/unit/roster-import-plan.test.ts); the reads are import-tree.ts, the writes import-write.ts.
// Each step loops over up to 30,000 rows in time slices (server/core/time-slices.ts), so the
// local server answers other callers meanwhile; they stay here rather than in the sheets worker
// because the steps take turns with the store's reads and share the tree's objects with the writes.
import type { RoleGrantT } from '../../../contracts/common';
import { ROLE_LABELS } from '../../../contracts/roles';
import type { ImportStatus } from '../../core/spreadsheet';
import { shortId } from '../../core/ids';
import { timeSlices } from '../../core/time-slices';
import type { LeadRole, LeadSnapshot } from '../../domain/docs';
import { nodeName, personName, type ParsedRow, type Person, type RawRow } from './import-parse';
import type { AreaState, CommunityState, GroupState, NodeRow, Place, StoredLead, UnitState } from './import-tree';

export interface Outcome {
  row: number;
  status: ImportStatus;
  raw: RawRow;
  reason?: string;
  unit?: string;
}
/** Takes a row out of the import, with the reason the report gives. */
export type Reject = (raw: RawRow, reason: string) => void;
export type Located = { raw: RawRow; p: ParsedRow; place: Place };
export type Accepted = { raw: RawRow; p: ParsedRow; unit: UnitState };
export type UnitPlan = { unit: UnitState; lead: LeadChange; buildings: string[] | null };
export interface Changes {
  areaChanges: Map<AreaState, LeadChange>;
  groupChanges: Map<GroupState, LeadChange>;
  unitPlans: UnitPlan[];
}

export const ROLE_LABEL: Record<LeadRole, string> = ROLE_LABELS;
const samePerson = (a: Person, b: Person) => a.phone === b.phone && a.name === b.name;
const who = (p: Person) => `${p.name}（${p.phone}）`;

export type LeadChange = { kind: 'new' | 'rename' | 'replace'; text: string } | null;

function leadChange(label: string, current: LeadSnapshot | null | undefined, wanted: Person | null): LeadChange {
  if (!wanted) return null;
  if (!current) return { kind: 'new', text: `${label}：空缺 → ${wanted.name}` };
  if (current.phone === wanted.phone) {
    return personName(current.name) === wanted.name ? null : { kind: 'rename', text: `${label}姓名更正：${current.name} → ${wanted.name}` };
  }
  return { kind: 'replace', text: `${label}更换：${current.name} → ${wanted.name}` };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

type Role = { key: 'areaLead' | 'groupLead' | 'unitLead'; role: LeadRole };
const ROLES: Role[] = [
  { key: 'areaLead', role: 'areaLead' },
  { key: 'groupLead', role: 'groupLead' },
  { key: 'unitLead', role: 'neighbourLead' },
];
function existingTarget(c: CommunityState, p: ParsedRow, role: LeadRole): NodeRow | null {
  const area = c.areas.get(p.area);
  if (role === 'areaLead') return area?.node ?? null;
  const group = area?.groups.get(p.group);
  if (role === 'groupLead') return group?.node ?? null;
  const unit = c.units.get(p.unit);
  return unit && group && unit.group === group ? unit.node : null;
}

/** The admin's 社区 by name (names can repeat across 镇街). */
export function communitiesByName(places: Place[]): Map<string, Place[]> {
  const byName = new Map<string, Place[]>();
  for (const pl of places) {
    const key = nodeName(pl.community.name);
    byName.set(key, [...(byName.get(key) ?? []), pl]);
  }
  return byName;
}

/** Step 2: the one 社区 each row names, within the admin's scope (`elsewhere`: names that exist outside it). */
export async function locateRows(
  parsed: { raw: RawRow; p: ParsedRow }[],
  byName: Map<string, Place[]>,
  elsewhere: Set<string>,
  scope: RoleGrantT,
  reject: Reject,
): Promise<Located[]> {
  const located: { raw: RawRow; p: ParsedRow; place: Place }[] = [];
  const pause = timeSlices();
  for (const { raw, p } of parsed) {
    await pause();
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
  return located;
}

/**
 * Step 4: the phones whose stored 三长 must be read (every phone the file gives to someone
 * who does not hold it yet), and for each phone the name the file gives it at each existing
 * node (a correction there, not a clash).
 */
export async function leadLookups(located: Located[], states: Map<string, CommunityState>) {
  const lookup = new Set<string>();
  /** phone → existing node → the name the file gives there (a correction, not a clash). */
  const fileTargets = new Map<string, Map<string, string>>();
  const pause = timeSlices();
  for (const { p, place } of located) {
    await pause();
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
  return { phones: [...lookup], fileTargets };
}

/** Step 5: rows in order, checked against the file so far and the stored tree; the first row wins. */
export async function acceptRows(
  located: Located[],
  states: Map<string, CommunityState>,
  stored: Map<string, StoredLead[]>,
  fileTargets: Map<string, Map<string, string>>,
  reject: Reject,
): Promise<{ accepted: Accepted[]; mentioned: Set<UnitState> }> {
  const nodeLabel = (nodeId: string) => {
    for (const c of states.values()) {
      const n = c.byId.get(nodeId);
      if (n) return n.name;
    }
    return '';
  };

  const phoneOwners = new Map<string, { name: string; row: number; label: string }>();
  const accepted: { raw: RawRow; p: ParsedRow; unit: UnitState }[] = [];
  const mentioned = new Set<UnitState>();
  const pause = timeSlices();
  for (const { raw, p, place } of located) {
    await pause();
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
      unit = {
        id,
        name: p.unit,
        node: null,
        at: { ...group.at, unit: id },
        order: group.nextOrder++,
        group,
        row: null,
        lead: null,
        buildings: null,
      };
      c.units.set(p.unit, unit);
    }
    if (p.areaLead && !area.claim) area.claim = { ...p.areaLead, row: p.row };
    if (p.groupLead && !group.claim) group.claim = { ...p.groupLead, row: p.row };
    unit.row = p.row;
    unit.lead = p.unitLead;
    unit.buildings = p.buildings;
    for (const r of ROLES) {
      const person = p[r.key];
      if (person && !phoneOwners.has(person.phone))
        phoneOwners.set(person.phone, { name: person.name, row: p.row, label: ROLE_LABEL[r.role] });
    }
    accepted.push({ raw, p, unit });
  }
  return { accepted, mentioned };
}

/** Step 6: what changes, row by row: the lead and building changes to write, and each accepted row's outcome. */
export async function diffRows(states: Map<string, CommunityState>, accepted: Accepted[]): Promise<Changes & { outcomes: Outcome[] }> {
  const pause = timeSlices();
  const outcomes: Outcome[] = [];
  const areaChanges = new Map<AreaState, LeadChange>();
  const groupChanges = new Map<GroupState, LeadChange>();
  for (const c of states.values()) {
    for (const a of c.areas.values()) {
      await pause();
      if (a.node) areaChanges.set(a, leadChange('片长', a.node.lead, a.claim));
      for (const g of a.groups.values()) if (g.node) groupChanges.set(g, leadChange('组长', g.node.lead, g.claim));
    }
  }
  const unitPlans: UnitPlan[] = [];
  for (const { raw, p, unit } of accepted) {
    await pause();
    if (!unit.node) {
      outcomes.push({ row: p.row, status: 'added', raw, unit: unit.name });
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
    outcomes.push(
      texts.length
        ? { row: p.row, status: 'changed', raw, unit: unit.name, reason: texts.join('；') }
        : { row: p.row, status: 'unchanged', raw, unit: unit.name },
    );
  }
  return { areaChanges, groupChanges, unitPlans, outcomes };
}
