// 动态调整: mark a 邻长 away, appoint a successor; the 邻's households, card and open work
// pass over; history is kept; the 30-day list.
import fc from 'fast-check';
import type { NodeDoc } from '../../server/domain/docs';
import { manualClock } from '../../server/runtime/local-ports';
import { demoRuntime, T0 } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const DAY = 24 * 3600_000;

describe('succession', () => {
  it('moves households, card and open work to the successor; the old QR shows them; history is kept', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const oldName = ((await rt.store.collection('nodes').doc('u1').get()) as NodeDoc).lead!.name;
    // open work on this 邻: a pending recommendation
    data(await rt.call('register', { action: 'recommend', unitId: 'u1', name: '吴热心', story: '热心肠' }, 'demo-resident'));

    data(await rt.call('roster', { action: 'markAway', nodeId: 'u1', status: 'away', reason: '外出务工' }, 'demo-admin'));
    clock.advance(2 * DAY);
    const { invite } = data(
      await rt.call('roster', { action: 'succeed', nodeId: 'u1', name: '新邻长', phone: '13900008888', reason: '原邻长外出超过一个月' }, 'demo-admin'),
    );
    expect(invite.code).toMatch(/^\d{8}$/);

    // The same QR (unit id) now opens the successor's card.
    const card = data(await rt.call('card', { action: 'get', unitId: 'u1' }, null));
    expect(card.lead.name).toBe('新邻长');

    // The old 邻长 lost the role; the successor claims it and sees the same households.
    expect(data(await rt.call('account', { action: 'whoami' }, 'demo-neighbour-lead')).roles).toEqual(['resident']);
    expect(await rt.call('ledger', { action: 'households', unitId: 'u1' }, 'demo-neighbour-lead')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const claimed = data(await rt.call('account', { action: 'claim', code: invite.code }, 'successor-openid'));
    expect(claimed.roles).toContain('neighbourLead');
    const list = data(await rt.call('ledger', { action: 'households', pageSize: 50 }, 'successor-openid'));
    expect(list.unit.id).toBe('u1');
    expect(list.items.map((i: any) => i.address)).toContain('1栋1单元101');
    const resident = data(await rt.call('account', { action: 'whoami' }, 'demo-resident'));
    expect(resident.household.unitId).toBe('u1');
    const pending = data(await rt.call('register', { action: 'pending' }, 'demo-admin'));
    expect(pending.items).toEqual([expect.objectContaining({ unitId: 'u1', name: '吴热心' })]);

    // History keeps both.
    const history = data(await rt.call('roster', { action: 'history', nodeId: 'u1' }, 'demo-admin')).items;
    expect(history).toEqual([
      expect.objectContaining({ name: '新邻长', status: 'active', linked: true }),
      expect.objectContaining({
        name: oldName,
        status: 'replaced',
        reason: '原邻长外出超过一个月',
        until: T0 + 2 * DAY,
        away: { status: 'away', since: T0, reason: '外出务工' },
      }),
    ]);
    rt.close();
  });

  it('a binding code works once, and not after it expires', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const { code } = data(await rt.call('roster', { action: 'invite', nodeId: 'u5' }, 'demo-admin'));
    data(await rt.call('account', { action: 'claim', code }, 'lead-5'));
    expect(await rt.call('account', { action: 'claim', code }, 'someone-else')).toMatchObject({ error: { code: 'CONFLICT' } });
    const second = data(await rt.call('roster', { action: 'invite', nodeId: 'u6' }, 'demo-admin'));
    clock.advance(8 * DAY);
    expect(await rt.call('account', { action: 'claim', code: second.code }, 'lead-6')).toMatchObject({ error: { code: 'CLOSED' } });
    expect(await rt.call('account', { action: 'claim', code: '00000000' }, 'guesser')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    rt.close();
  });

  it('stops guessing binding codes after 10 tries an hour', async () => {
    const rt = demoRuntime();
    for (let i = 0; i < 10; i++) await rt.call('account', { action: 'claim', code: `1000000${i}` }, 'guesser');
    expect(await rt.call('account', { action: 'claim', code: '10000010' }, 'guesser')).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    rt.close();
  });

  it('lists 邻 whose 邻长 has been away or inactive for more than 30 days, and vacant ones', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    data(await rt.call('roster', { action: 'markAway', nodeId: 'u1', status: 'unable', reason: '长期住院' }, 'demo-admin'));
    clock.advance(31 * DAY);
    data(await rt.call('account', { action: 'whoami' }, 'demo-neighbour-lead-2')); // u2's 邻长 is active today
    const list = data(await rt.call('roster', { action: 'inactive', pageSize: 50 }, 'demo-admin'));
    const byUnit = Object.fromEntries(list.items.map((i: any) => [i.unitId, i]));
    expect(byUnit.u1).toMatchObject({ reason: 'unable', sinceDays: 31 });
    expect(byUnit.u2).toBeUndefined();
    expect(byUnit.u3).toMatchObject({ reason: 'inactive', sinceDays: 31 });
    expect(list.total).toBe(29);
    rt.close();
  });

  it('a 管理员 acts only inside their own 社区', async () => {
    const rt = demoRuntime();
    await rt.store.collection('users').doc('other-admin').set({
      name: '别的社区管理员',
      grants: [{ role: 'admin', nodeId: 'c2', nodeName: '别的社区', level: 'community' }],
      createdAt: T0,
    });
    expect(await rt.call('roster', { action: 'markAway', nodeId: 'u1', status: 'away', reason: 'x' }, 'other-admin')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await rt.call('roster', { action: 'succeed', nodeId: 'u1', name: '张三', phone: '13900001234', reason: 'x' }, 'other-admin')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    rt.close();
  });
});

describe('a 邻长 marked away', () => {
  it('shows on the card, points to the 组长, and is undone when they are back', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const card = async () => data(await rt.call('card', { action: 'get', unitId: 'u3' }, null)).lead;
    const contact = (who: string) => rt.call('card', { action: 'contact', unitId: 'u3', who }, 'demo-resident');

    data(await rt.call('roster', { action: 'markAway', nodeId: 'u3', status: 'away', reason: '外出务工' }, 'demo-admin'));
    expect((await card()).away).toMatchObject({ status: 'away' });
    expect(await contact('neighbourLead')).toMatchObject({ ok: true }); // 外出: still reachable by phone

    data(await rt.call('roster', { action: 'markAway', nodeId: 'u3', status: 'unable', reason: '住院治疗' }, 'demo-admin'));
    expect((await card()).away).toMatchObject({ status: 'unable' });
    expect(await contact('neighbourLead')).toMatchObject({ ok: false, error: { code: 'CLOSED', message: expect.stringContaining('组长') } });
    expect(await contact('groupLead')).toMatchObject({ ok: true });
    clock.advance(31 * DAY);
    // All 30 邻 are inactive by now, with equal activity times: one page of 50 holds them whatever the tie order.
    const listed = async () =>
      data(await rt.call('roster', { action: 'inactive', pageSize: 50 }, 'demo-admin')).items.map((u: { unitId: string }) => u.unitId);
    expect(await listed()).toContain('u3');

    data(await rt.call('roster', { action: 'markBack', nodeId: 'u3' }, 'demo-admin'));
    expect((await card()).away).toBeUndefined();
    expect(await contact('neighbourLead')).toMatchObject({ ok: true });
    const node = data(await rt.call('roster', { action: 'tree' }, 'demo-admin')).nodes.find((n: { id: string }) => n.id === 'u3');
    expect(node.leadStatus).toBe('active');
    expect(await listed()).not.toContain('u3');
    expect(await rt.call('roster', { action: 'markBack', nodeId: 'u3' }, 'demo-neighbour-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    rt.close();
  });
});

describe('succession guards', () => {
  it('refuses a successor whose phone belongs to another 三长 under another name', async () => {
    const rt = demoRuntime();
    const other = (await rt.store.collection('nodes').doc('u2').get()) as NodeDoc;
    expect(
      await rt.call('roster', { action: 'succeed', nodeId: 'u1', name: '别人', phone: other.lead!.phone, reason: '接替' }, 'demo-admin'),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    rt.close();
  });
});

describe('组织体系图 for a 镇街 管理员', () => {
  it('opens at the first 社区 of their area and lists the others', async () => {
    const rt = demoRuntime();
    await rt.store.collection('users').doc('street-admin').set({
      name: '街道干部',
      grants: [{ role: 'admin', nodeId: 's1', nodeName: '示范街道', level: 'street' }],
      createdAt: 0,
    });
    const tree = data(await rt.call('roster', { action: 'tree' }, 'street-admin'));
    expect(tree.community.id).toBe('c1');
    expect(tree.communities).toEqual([{ id: 'c1', name: '幸福里社区' }]);
    expect(tree.nodes.length).toBe(3 + 9 + 30);
    expect(data(await rt.call('roster', { action: 'tree' }, 'demo-admin')).communities).toBeUndefined();
    rt.close();
  });

  it('lists 片, then 组, then 邻, each in its order, whatever their ids', async () => {
    const rt = demoRuntime();
    const a1 = (await rt.store.collection('nodes').doc('a1').get()) as NodeDoc;
    // Imported nodes have random ids: one that sorts last by id but comes first by order.
    await rt.store.collection('nodes').doc('zz-new-area').set({ ...a1, _id: undefined, name: '新设的片', order: 0, at: { ...a1.at, area: 'zz-new-area' } } as never);
    const nodes = data(await rt.call('roster', { action: 'tree' }, 'demo-admin')).nodes as { id: string; level: string }[];
    expect(nodes[0].id).toBe('zz-new-area');
    const levels = nodes.map((n) => n.level);
    expect(levels).toEqual([...levels].sort((x, y) => ['area', 'group', 'unit'].indexOf(x) - ['area', 'group', 'unit'].indexOf(y)));
    rt.close();
  });

  it('opens a 管理员 who lives in another 社区 on the one they run, not their home’s', async () => {
    const rt = demoRuntime();
    const nodes = rt.store.collection('nodes');
    const c1 = (await nodes.doc('c1').get()) as NodeDoc;
    await nodes.doc('c2').set({ ...c1, _id: undefined, name: '和平社区', at: { ...c1.at, community: 'c2' } } as never);
    await nodes.doc('c2-u1').set({ level: 'unit', name: '和平1栋邻', parentId: 'c2', order: 1, at: { ...c1.at, community: 'c2' }, buildings: ['1栋'], stats: { households: 0, bound: 0 } } as never);
    await rt.store.collection('users').doc('demo-admin').update({ household: { id: 'h-elsewhere', unitId: 'c2-u1', address: '和平1栋101' } });
    expect(data(await rt.call('roster', { action: 'tree' }, 'demo-admin')).community.id).toBe('c1');
    rt.close();
  });
});

describe('succession at every level (generated marks on 邻长, 组长 and 片长)', () => {
  const WHO = ['neighbourLead', 'groupLead', 'areaLead'] as const;
  const NODE = { neighbourLead: 'u1', groupLead: 'g1', areaLead: 'a1' } as const;
  const ROLE = { neighbourLead: '邻长', groupLead: '组长', areaLead: '片长' } as const;
  const mark = fc.constantFrom(null, 'away', 'unable', 'unfit');
  const serves = (m: string | null) => m === null || m === 'away';

  it('hands out only leads who may serve, marks the card at every level, points to the nearest who can, and is undone by 恢复在任', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(mark, mark, mark), async (marks) => {
        const clock = manualClock(T0);
        const rt = demoRuntime({ clock });
        try {
          const byWho = { neighbourLead: marks[0], groupLead: marks[1], areaLead: marks[2] };
          for (const who of WHO) {
            const status = byWho[who];
            if (status) data(await rt.call('roster', { action: 'markAway', nodeId: NODE[who], status, reason: '动态调整' }, 'demo-admin'));
          }
          const card = data(await rt.call('card', { action: 'get', unitId: 'u1' }, null));
          expect(card.lead.away?.status ?? null).toBe(byWho.neighbourLead);
          expect(card.group.lead.away?.status ?? null).toBe(byWho.groupLead);
          expect(card.area.lead.away?.status ?? null).toBe(byWho.areaLead);
          const expectedTurnTo = serves(byWho.groupLead) ? 'groupLead' : serves(byWho.areaLead) ? 'areaLead' : 'community';
          expect(card.turnTo).toBe(expectedTurnTo);

          for (const [i, who] of WHO.entries()) {
            const reply = await rt.call('card', { action: 'contact', unitId: 'u1', who }, 'demo-resident');
            if (serves(byWho[who])) {
              expect(reply).toMatchObject({ ok: true, data: { phone: expect.stringMatching(/^1\d{10}$/) } });
              continue;
            }
            const above = WHO.slice(i + 1).find((w) => serves(byWho[w]));
            expect(reply).toEqual({
              ok: false,
              error: {
                code: 'CLOSED',
                message: above
                  ? `这位${ROLE[who]}目前不能履职，请联系${ROLE[above]}或拨打社区电话`
                  : `这位${ROLE[who]}目前不能履职，请拨打社区电话`,
              },
            });
          }

          for (const who of WHO) if (byWho[who]) data(await rt.call('roster', { action: 'markBack', nodeId: NODE[who] }, 'demo-admin'));
          const back = data(await rt.call('card', { action: 'get', unitId: 'u1' }, null));
          expect([back.lead.away, back.group.lead.away, back.area.lead.away]).toEqual([undefined, undefined, undefined]);
          for (const who of WHO) expect(await rt.call('card', { action: 'contact', unitId: 'u1', who }, 'demo-resident')).toMatchObject({ ok: true });
        } finally {
          rt.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('marks every card below a 组长 (each 邻 of the 组), and a successor arrives without the mark', async () => {
    const rt = demoRuntime();
    data(await rt.call('roster', { action: 'markAway', nodeId: 'g1', status: 'unfit', reason: '群众反映强烈' }, 'demo-admin'));
    const units = (await rt.store.collection('nodes').where({ level: 'unit', 'at.group': 'g1' }).get()) as NodeDoc[];
    expect(units.length).toBeGreaterThan(1);
    for (const u of units) {
      expect(await rt.call('card', { action: 'contact', unitId: u._id, who: 'groupLead' }, 'demo-resident')).toMatchObject({ error: { code: 'CLOSED' } });
    }
    data(await rt.call('roster', { action: 'succeed', nodeId: 'g1', name: '新组长', phone: '13900008899', reason: '原组长不宜担任' }, 'demo-admin'));
    for (const u of units) {
      const card = data(await rt.call('card', { action: 'get', unitId: u._id }, null));
      expect(card.group.lead).toEqual({ name: '新组长', phoneMasked: '139****8899' });
      expect(data(await rt.call('card', { action: 'contact', unitId: u._id, who: 'groupLead' }, 'demo-resident'))).toEqual({ name: '新组长', phone: '13900008899' });
    }
    rt.close();
  });
});
