// A roster too big for one cloud call: each import writes at most its share of nodes and
// says how far it got; importing the same file again goes on from what is stored. Several
// short calls leave the same tree as one long one, with no node half made.
import type { RoleGrantT } from '../../contracts/common';
import { makeCtx } from '../../server/core/router';
import type { LeadDoc, NodeDoc } from '../../server/domain/docs';
import { importRoster } from '../../server/features/roster/import';
import { createLocalRuntime, type LocalRuntime } from '../../server/runtime/local';
import { writeTree } from '../../server/seed/demo';
import { buildTree } from '../../server/seed/tree';
import { rosterXlsx, treeRows, XLSX_TYPE } from '../fixtures/roster-xlsx';
import { T0 } from './runtime';

const DISTRICT_ADMIN: RoleGrantT = { role: 'admin', nodeId: 'yt', nodeName: '岳塘区', level: 'district' };
const SIZE = { streets: 1, communities: 2, areas: 6, groups: 12, units: 36, households: 0 };

/** The tree as names and people, whatever ids the import chose. */
async function shape(rt: LocalRuntime): Promise<string[]> {
  const nodes = (await rt.store.collection('nodes').where({}).limit(100).get()) as NodeDoc[];
  let all = nodes;
  for (let skip = 100; nodes.length === 100 && all.length === skip; skip += 100) {
    all = all.concat((await rt.store.collection('nodes').where({}).skip(skip).limit(100).get()) as NodeDoc[]);
  }
  const byId = new Map(all.map((n) => [n._id, n]));
  const path = (n: NodeDoc): string => (n.parentId && byId.has(n.parentId) ? `${path(byId.get(n.parentId)!)}/${n.name}` : n.name);
  return all.map((n) => `${path(n)} ${n.lead ? `${n.lead.name}:${n.lead.phone}` : '-'}`).sort();
}

async function fresh(): Promise<{ rt: LocalRuntime; fileId: string }> {
  const tree = buildTree({ size: SIZE, now: T0 });
  const rt = createLocalRuntime({ dbFile: ':memory:', log: () => undefined });
  writeTree(rt.store, { nodes: tree.nodes.filter((n) => ['district', 'street', 'community'].includes(n.level)) });
  const fileId = await rt.ports.files.put('uploads/roster.xlsx', await rosterXlsx(treeRows(tree)), XLSX_TYPE);
  return { rt, fileId };
}

it('writes a roster over several calls when one call may write only part of it, and ends where one call would', async () => {
  const once = await fresh();
  const parts = await fresh();
  try {
    const whole = await importRoster(makeCtx(once.rt.ports, { openid: 'district-admin' }), DISTRICT_ADMIN, once.fileId, false);
    expect(whole.more).toBeUndefined();
    const units = whole.summary.added;
    expect(units).toBe(36);

    const ctx = makeCtx(parts.rt.ports, { openid: 'district-admin' });
    const progress: { done: number; total: number }[] = [];
    for (let call = 0; call < 50; call++) {
      const r = await importRoster(ctx, DISTRICT_ADMIN, parts.fileId, false, { steps: 7, ms: 60_000 });
      expect(r.summary.rejected).toBe(0);
      if (!r.more) break;
      expect(r.more.done).toBeLessThanOrEqual(7);
      progress.push(r.more);
    }
    // 6 片 + 12 组 + 36 邻 = 54 nodes, 7 a call: several calls, each doing its share.
    expect(progress.length).toBeGreaterThanOrEqual(54 / 7 - 1);
    expect(progress[0]).toEqual({ done: 7, total: 54 });
    expect(progress.every((p, i) => i === 0 || p.total < progress[i - 1].total)).toBe(true);

    expect(await shape(parts.rt)).toEqual(await shape(once.rt));
    // No lead record without its node, and every node's lead is its record.
    const leads = (await parts.rt.store.collection('leads').where({ status: 'active' }).limit(100).get()) as LeadDoc[];
    expect(leads).toHaveLength(54);
    for (const l of leads) {
      const node = (await parts.rt.store.collection('nodes').doc(l.nodeId).get()) as NodeDoc | null;
      expect(node?.lead?.id).toBe(l._id);
    }
    // And the file, imported once more, changes nothing.
    const again = await importRoster(ctx, DISTRICT_ADMIN, parts.fileId, false, { steps: 7, ms: 60_000 });
    expect(again.summary).toMatchObject({ added: 0, changed: 0, unchanged: units });
    expect(again.more).toBeUndefined();
  } finally {
    once.rt.close();
    parts.rt.close();
  }
});

it('stops starting nodes once a call has used its time, yet writes at least one node a call', async () => {
  const { rt, fileId } = await fresh();
  try {
    const ctx = makeCtx(rt.ports, { openid: 'district-admin' });
    const first = await importRoster(ctx, DISTRICT_ADMIN, fileId, false, { steps: 1000, ms: 0 });
    expect(first.more).toEqual({ done: 1, total: 54 });
    const second = await importRoster(ctx, DISTRICT_ADMIN, fileId, false, { steps: 1000, ms: 60_000 });
    expect(second.more).toBeUndefined();
    expect(await rt.store.collection('nodes').where({ level: 'unit' }).count()).toBe(36);
  } finally {
    rt.close();
  }
});
