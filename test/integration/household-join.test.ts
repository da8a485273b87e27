// Joining a household that has members needs their consent (issue 14): a stranger who names an
// occupied door waits, sees nothing of the household through any action, and changes nothing;
// a member approves or rejects (the members hear of it in 消息); a member removes a wrong join.
import { FUNCTIONS } from '../../contracts';
import type { HouseholdDoc } from '../../server/domain/docs';
import { ACTION_EXAMPLES } from './examples';
import { manualClock } from '../../server/runtime/local-ports';
import { demoRuntime, T0 } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};

const FAMILY_PHONE = '13900009999';
const VISIT_NOTE = '老人独居需要关照';
const DOOR = { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '101' };

/** The demo resident's household h1, with a visit note, and a stranger's request on it. */
async function strangerWaits(rt: ReturnType<typeof demoRuntime>, stranger = 'stranger') {
  data(await rt.call('household', { action: 'update', people: 4 }, 'demo-resident'));
  clock.advance(60_000);
  data(await rt.call('ledger', { action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true, problems: VISIT_NOTE }, 'demo-neighbour-lead'));
  clock.advance(60_000);
  const reply = data(await rt.call('card', { ...DOOR, people: 9, phone: '13700001111', phoneConsent: true }, stranger));
  return reply;
}

// Each test's runtime runs on this clock, a day after the demo was seeded, moved on by hand.
let clock = manualClock(T0);
const demo = () => {
  clock = manualClock(T0 + 24 * 3600_000);
  return demoRuntime({ clock });
};

const inboxOf = async (rt: ReturnType<typeof demoRuntime>, openid: string) => data(await rt.call('minqing', { action: 'inbox' }, openid)).items as { title: string; body: string }[];

describe('household join with consent', () => {
  it('a stranger who names an occupied door waits: nothing written to the family, the members hear of it', async () => {
    const rt = demo();
    const before = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    const reply = await strangerWaits(rt);
    expect(reply).toEqual({ household: null, pending: { address: '1栋1单元101', at: expect.any(Number) } });
    const after = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    expect(after.members).toEqual(before.members);
    expect(after).toMatchObject({ phone: FAMILY_PHONE, people: 4 });
    expect(after.requests).toEqual([expect.objectContaining({ openid: 'stranger', people: 9, phone: '13700001111' })]);
    expect(await inboxOf(rt, 'demo-resident')).toEqual([expect.objectContaining({ title: '有人申请加入您家的登记' })]);
    // The member sees the request (the stranger's phone masked), and the stranger is told they wait.
    const mine = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household;
    expect(mine.requests).toEqual([{ id: after.requests![0].id, at: expect.any(Number), people: 9, phoneMasked: '137****1111' }]);
    expect(data(await rt.call('household', { action: 'mine' }, 'stranger'))).toEqual({ household: null, pending: { address: '1栋1单元101', at: expect.any(Number) } });
    rt.close();
  });

  // Every action, as the waiting stranger: nothing of h1 comes back (its id, the family's phone
  // in full or masked, the 邻长's note, the people count the family gave) and nothing of it changes.
  const actions = Object.entries(FUNCTIONS).flatMap(([fn, contract]) => Object.keys(contract).map((action) => ({ fn, action, name: `${fn}.${action}` })));
  it.each(actions)('nothing of the household reaches a waiting stranger through $name', async ({ fn, action }) => {
    const rt = demo();
    try {
      await strangerWaits(rt);
      const stored = JSON.stringify(await rt.store.collection('households').doc('h1').get());
      const reply = await rt.call(fn, { action, ...ACTION_EXAMPLES[`${fn}.${action}`] }, 'stranger');
      const text = JSON.stringify(reply);
      for (const secret of ['"h1"', FAMILY_PHONE, '139****9999', VISIT_NOTE, '"people":4', '"members":1']) expect(text).not.toContain(secret);
      // The request itself is not membership: the stranger changed nothing of h1 (only card.bind elsewhere withdraws it,
      // and 注销 takes the request, with the phone it holds, away).
      const now = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
      expect(now.members).toEqual(['demo-resident']);
      const withdraws = (fn === 'card' && action === 'bind') || (fn === 'household' && action === 'withdraw') || (fn === 'privacy' && action === 'erase');
      if (!withdraws) expect(JSON.stringify(now)).toBe(stored);
    } finally {
      rt.close();
    }
  });

  it('a member approves: the newcomer joins from now (no earlier visits, the family phone masked), and hears of it', async () => {
    const rt = demo();
    await strangerWaits(rt, 'grandson');
    const [request] = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests;
    clock.advance(60_000);
    const approved = data(await rt.call('household', { action: 'decide', requestId: request.id, approve: true }, 'demo-resident')).household;
    expect(approved).toMatchObject({ members: 2, requests: [] });
    const theirs = data(await rt.call('household', { action: 'mine' }, 'grandson'));
    expect(theirs.pending).toBeUndefined();
    expect(theirs.household).toMatchObject({ id: 'h1', familyPhoneMasked: '139****9999', people: 4, visits: [] });
    expect(data(await rt.call('account', { action: 'whoami' }, 'grandson')).household).toMatchObject({ id: 'h1' });
    expect(await inboxOf(rt, 'grandson')).toEqual([expect.objectContaining({ title: '家人已同意您加入' })]);
    // Deciding twice, or someone else's request id, finds nothing.
    expect(await rt.call('household', { action: 'decide', requestId: request.id, approve: false }, 'demo-resident')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    rt.close();
  });

  it('a member rejects: the stranger stays unbound and is told; the request is gone', async () => {
    const rt = demo();
    await strangerWaits(rt);
    const [request] = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests;
    expect(data(await rt.call('household', { action: 'decide', requestId: request.id, approve: false }, 'demo-resident')).household).toMatchObject({ members: 1, requests: [] });
    expect(data(await rt.call('household', { action: 'mine' }, 'stranger'))).toEqual({ household: null });
    expect(await inboxOf(rt, 'stranger')).toEqual([expect.objectContaining({ title: '加入住户的申请未获同意' })]);
    expect(((await rt.store.collection('households').doc('h1').get()) as HouseholdDoc).members).toEqual(['demo-resident']);
    rt.close();
  });

  it('a member removes a wrong join; the one who joined later cannot remove the family', async () => {
    const rt = demo();
    await strangerWaits(rt);
    const [request] = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests;
    clock.advance(60_000);
    data(await rt.call('household', { action: 'decide', requestId: request.id, approve: true }, 'demo-resident'));
    const joined = data(await rt.call('household', { action: 'mine' }, 'stranger')).household;
    const family = joined.memberList.find((m: any) => !m.you);
    expect(family.removable).toBe(false);
    expect(await rt.call('household', { action: 'removeMember', member: family.key }, 'stranger')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const mine = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household;
    const wrong = mine.memberList.find((m: any) => !m.you);
    expect(wrong.removable).toBe(true);
    expect(mine.memberList.find((m: any) => m.you).removable).toBe(false);
    const after = data(await rt.call('household', { action: 'removeMember', member: wrong.key }, 'demo-resident')).household;
    expect(after).toMatchObject({ members: 1, phone: FAMILY_PHONE });
    expect(data(await rt.call('household', { action: 'mine' }, 'stranger')).household).toBeNull();
    expect(data(await rt.call('account', { action: 'whoami' }, 'stranger')).household).toBeNull();
    expect(await inboxOf(rt, 'stranger')).toEqual(expect.arrayContaining([expect.objectContaining({ title: '您已被移出住户登记' })]));
    rt.close();
  });

  it('someone bound elsewhere who asks to join stays where they are until approved, then moves', async () => {
    const rt = demo();
    data(await rt.call('card', { ...DOOR, room: '707', people: 1 }, 'mover'));
    expect(data(await rt.call('card', { ...DOOR, people: 2 }, 'mover')).moveFrom).toEqual({ address: '1栋1单元707', erases: true });
    expect(data(await rt.call('card', { ...DOOR, people: 2, move: true }, 'mover')).pending).toMatchObject({ address: '1栋1单元101' });
    const waiting = data(await rt.call('household', { action: 'mine' }, 'mover'));
    expect(waiting.household).toMatchObject({ address: '1栋1单元707' });
    expect(waiting.pending).toMatchObject({ address: '1栋1单元101' });
    const [request] = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests;
    data(await rt.call('household', { action: 'decide', requestId: request.id, approve: true }, 'demo-resident'));
    expect(data(await rt.call('household', { action: 'mine' }, 'mover')).household).toMatchObject({ id: 'h1' });
    expect(await rt.store.collection('households').where({ unitId: 'u1', room: '707' }).count()).toBe(0);
    rt.close();
  });

  it('a request can be withdrawn; a door flooded with requests refuses more', async () => {
    const rt = demo();
    await strangerWaits(rt);
    expect(data(await rt.call('household', { action: 'withdraw' }, 'stranger'))).toEqual({ withdrawn: true });
    expect(data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests).toEqual([]);
    for (let i = 0; i < 5; i++) data(await rt.call('card', { ...DOOR, people: 1 }, `door-trier-${i}`));
    expect(await rt.call('card', { ...DOOR, people: 1 }, 'door-trier-5')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    rt.close();
  });
});
