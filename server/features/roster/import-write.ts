// Roster import, the writes: what the plan changed, 片 first, then 组, then 邻 (so every copy
// on a card is final), within the call's budget of steps and time; the rest is left for the
// next call of the same file (which plans again against what is stored).
import type { Ctx } from '../../core/context';
import { shortId } from '../../core/ids';
import { inPool } from '../../core/pool';
import { timeSlices } from '../../core/time-slices';
import { DEFAULT_PROMISE, type ChainLink, type LeadDoc, type LeadRole, type NodeDoc, type WechatGroupInfo } from '../../domain/docs';
import { FigureBatch, NOW, seatDelta } from '../../domain/figures';
import { noteAuditIds } from '../../domain/audit';
import { assignLead } from '../../domain/leads';
import { chainLeadOf, type ChainLead } from '../../domain/succession';
import type { Person } from './import-parse';
import type { LeadChange, UnitPlan } from './import-plan';
import type { AreaState, Claim, CommunityState, GroupState, NodeRow } from './import-tree';

/** Store calls in flight at once while writing (CloudBase answers each in ~10–30 ms). */
const WRITE_CONCURRENCY = 8;
const IMPORT_REASON = '名册导入';

/** The lead a node will have after the import (for the copies on the cards). */
function finalLead(s: { claim: Claim | null; node: NodeRow | null }): ChainLead | null {
  const current = s.node?.lead;
  // The same phone is the same lead (a rename at most): their away mark stays.
  if (s.claim)
    return current?.phone === s.claim.phone
      ? chainLeadOf({ ...current, name: s.claim.name })
      : { name: s.claim.name, phone: s.claim.phone };
  return chainLeadOf(current);
}

const threeLeadsGroup = (name: string): WechatGroupInfo => ({ name: `${name}三长群`, joinHint: '由组长、片长管理，居民可请邻长转达' });
const unitGroup = (name: string): WechatGroupInfo => ({
  name: `${name.replace(/邻$/, '')}邻里群`,
  joinHint: '请邻长拉您进群，或扫楼道公示栏上的群二维码',
});

export async function writeChanges(
  ctx: Ctx,
  now: number,
  states: Map<string, CommunityState>,
  areaChanges: Map<AreaState, LeadChange>,
  groupChanges: Map<GroupState, LeadChange>,
  unitPlans: UnitPlan[],
  budget: { steps: number; deadline: number },
): Promise<{ done: number; total: number }> {
  const nodes = ctx.store.collection('nodes');
  // One step per node written. A step not started when the budget is spent is left for the
  // next call; a node is never half written by it (a step writes its lead, then itself).
  let done = 0;
  // The local store answers within the same turn: a pause before each step lets other callers in.
  const pause = timeSlices();
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
      noteAuditIds(ctx, { after: [lead._id] });
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
      await pause();
      if (!step()) return;
      if (!a.node) {
        await create(
          {
            _id: a.id,
            level: 'area',
            name: a.name,
            parentId: a.community.place.community._id,
            at: a.at,
            order: a.order,
            wechatGroup: threeLeadsGroup(a.name),
            stats: zero(),
          },
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
      await pause();
      if (!step()) return;
      if (!g.node) {
        await create(
          {
            _id: g.id,
            level: 'group',
            name: g.name,
            parentId: g.area.id,
            at: g.at,
            order: g.order,
            wechatGroup: threeLeadsGroup(g.name),
            stats: zero(),
          },
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
      await pause();
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
      await pause();
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
