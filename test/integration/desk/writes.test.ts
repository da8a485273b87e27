// The 工作台's counters are kept by the writes they stand for: a roster import's new seats,
// a 三长's redeemed perk, a published 民情恳谈会 (each checked against what the desk shows).
import type { RoleGrantT } from '../../../contracts/common';
import { makeCtx } from '../../../server/core/router';
import { importRoster } from '../../../server/features/roster/import';
import { row, rosterXlsx, demoRosterRows, XLSX_TYPE } from '../../fixtures/roster-xlsx';
import { CLERK, NL, ok, perkCall, perkRuntime } from '../perk-helpers';

const ADMIN = 'demo-admin';
type Data = Record<string, any>;
const summary = async (rt: ReturnType<typeof perkRuntime>, openid = ADMIN, input: Record<string, unknown> = {}): Promise<Data> =>
  ok(await rt.call('desk', { action: 'summary', ...input }, openid));

describe('desk figures kept on write', () => {
  it('a roster import adds its new seats, filled or vacant, to every level above them', async () => {
    const rt = perkRuntime();
    const grant: RoleGrantT = { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' };
    const rows = [
      ...demoRosterRows(),
      row({ community: '幸福里社区', area: '第四片', areaLeadName: '白立新', areaLeadPhone: '13900001002', group: '第一组', unit: '20栋1单元邻', unitLeadName: '孟雪梅', unitLeadPhone: '13900001004', buildings: '20栋1单元' }),
    ];
    const fileId = await rt.ports.files.put('uploads/roster-desk.xlsx', await rosterXlsx(rows), XLSX_TYPE);
    const report = await importRoster(makeCtx(rt.ports, { openid: ADMIN }), grant, fileId, false);
    expect(report.more).toBeUndefined();
    const s = await summary(rt);
    // One new 片 with its 片长, one new 组 without a 组长, one new 邻 with its 邻长.
    expect(s.leads).toEqual({
      area: { seats: 4, filled: 4, vacant: 0, away: 0 },
      group: { seats: 10, filled: 9, vacant: 1, away: 0 },
      unit: { seats: 31, filled: 31, vacant: 0, away: 0 },
    });
    const nodes = await rt.store.collection('nodes').where({ 'at.community': 'c1', level: 'unit' }).limit(100).get();
    expect(nodes.length).toBe(s.leads.unit.seats);
    expect(nodes.filter((n) => n.lead).length).toBe(s.leads.unit.filled);
    const a4 = s.children.find((c: Data) => c.name === '第四片');
    expect(a4).toMatchObject({ leadsVacant: 1 });
  });

  it('a redeemed perk counts for the 三长 who used it, under their 组, 片 and 社区', async () => {
    const rt = perkRuntime();
    expect((await summary(rt)).redeemed).toBe(0);
    const pass = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL));
    expect(ok(await perkCall(rt, 'verify', { shortCode: pass.shortCode }, CLERK))).toMatchObject({ verdict: 'valid' });
    // Verified twice: consumed once, counted once.
    expect(ok(await perkCall(rt, 'verify', { shortCode: pass.shortCode }, CLERK))).toMatchObject({ verdict: 'used' });
    const s = await summary(rt);
    expect(s.redeemed).toBe(1);
    expect(s.children.map((c: Data) => c.id)).toEqual(['a1', 'a2', 'a3']);
    expect((await summary(rt, 'demo-area-lead')).redeemed).toBe(1);
    const other = await rt.call('desk', { action: 'summary', nodeId: 'a2' }, ADMIN);
    expect(ok(other).redeemed).toBe(0);
  });
});
