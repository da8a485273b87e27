// Roster import at 岳塘 scale: 12 镇街 and 72 社区 exist, their 689 片, 2,753 组 and
// 13,752 邻 come from one district-wide sheet, imported by the 区's 管理员.
import type { RoleGrantT } from '../../contracts/common';
import { makeCtx } from '../../server/core/router';
import { IMPORT_STEPS_PER_CALL, importRoster } from '../../server/features/roster/import';
import { createLocalRuntime } from '../../server/runtime/local';
import { writeTree } from '../../server/seed/demo';
import { buildTree, YUETANG_SIZE } from '../../server/seed/tree';
import { rosterXlsx, treeRows, XLSX_TYPE } from '../fixtures/roster-xlsx';
import { T0 } from './runtime';

const DISTRICT_ADMIN: RoleGrantT = { role: 'admin', nodeId: 'yt', nodeName: '岳塘区', level: 'district' };

// 300 s for the whole test (two full imports); each call is held to its own bound inside. Under load in a CI trial the pair took 152 s.
it('imports a 岳塘-size roster (13,752 邻) in calls of well under a minute each, and a second time changes nothing', async () => {
  const tree = buildTree({ size: { ...YUETANG_SIZE, households: 0 }, now: T0 });
  const places = tree.nodes.filter((n) => n.level === 'district' || n.level === 'street' || n.level === 'community');
  expect(places).toHaveLength(1 + 12 + 72);
  const rows = treeRows(tree);
  expect(rows).toHaveLength(13_752);

  const rt = createLocalRuntime({ dbFile: ':memory:', log: () => undefined });
  try {
    writeTree(rt.store, { nodes: places });
    const ctx = makeCtx(rt.ports, { openid: 'district-admin' });
    const fileId = await rt.ports.files.put('uploads/yuetang.xlsx', await rosterXlsx(rows), XLSX_TYPE);

    // One call writes at most IMPORT_STEPS_PER_CALL nodes (a cloud function has a minute); the
    // 管理员's page imports the same file again until it is all written.
    const s0 = rt.store.stats();
    let t = Date.now();
    const first = await importRoster(ctx, DISTRICT_ADMIN, fileId, false);
    expect(first.summary).toEqual({ rows: 13_752, added: 13_752, changed: 0, unchanged: 0, rejected: 0 });
    expect(first.rows).toHaveLength(200);
    expect(first.more).toEqual({ done: IMPORT_STEPS_PER_CALL, total: 689 + 2753 + 13_752 });
    const calls = [Date.now() - t];
    for (let more = first.more; more; ) {
      t = Date.now();
      more = (await importRoster(ctx, DISTRICT_ADMIN, fileId, false)).more;
      calls.push(Date.now() - t);
    }
    const firstMs = calls.reduce((a, b) => a + b, 0);
    const s1 = rt.store.stats();
    expect(calls).toHaveLength(Math.ceil((689 + 2753 + 13_752) / IMPORT_STEPS_PER_CALL));
    expect(Math.max(...calls)).toBeLessThan(60_000);
    // One write for each new node and one for its lead: (689 + 2,753 + 13,752) × 2; and the
    // 三长 seats in the 工作台's figures: one add for each new 片's and 组's document, and for the
    // 区, 镇街 and 社区 (there before) one update per distinct sum and call, at most one each.
    const figureDocs = await rt.store.collection('deskstats').count();
    expect(figureDocs).toBe(689 + 2753 + 72 + 12 + 1);
    const figureWrites = s1.writes - s0.writes - (689 + 2753 + 13_752) * 2;
    expect(figureWrites).toBeGreaterThanOrEqual(figureDocs);
    expect(figureWrites - figureDocs).toBeLessThanOrEqual(places.length * calls.length);
    const district = await rt.store.collection('deskstats').doc('yt:now').get();
    expect(district?.leads).toEqual({ area: { seats: 689, filled: 689 }, group: { seats: 2753, filled: 2753 }, unit: { seats: 13_752, filled: 13_752 } });
    expect(await rt.store.collection('nodes').where({ level: 'unit' }).count()).toBe(13_752);
    expect(await rt.store.collection('leads').where({ role: 'groupLead', status: 'active' }).count()).toBe(2753);

    t = Date.now();
    const second = await importRoster(ctx, DISTRICT_ADMIN, fileId, false);
    const secondMs = Date.now() - t;
    const s2 = rt.store.stats();
    expect(second.summary).toEqual({ rows: 13_752, added: 0, changed: 0, unchanged: 13_752, rejected: 0 });
    expect(second.rows).toEqual([]);
    expect(s2.writes - s1.writes).toBe(0);

    console.log(
      `roster import at 岳塘 scale: first ${firstMs} ms in ${calls.length} calls (${calls.join(' + ')} ms; ${s1.reads - s0.reads} reads, ${s1.writes - s0.writes} writes), ` +
        `second ${secondMs} ms (${s2.reads - s1.reads} reads, ${s2.writes - s1.writes} writes)`,
    );
  } finally {
    rt.close();
  }
}, 300_000);
