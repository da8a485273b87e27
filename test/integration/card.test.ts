// 邻长联系卡: open, reveal a contact, bind a household; identity and consent rules.
import type { NodeDoc, HouseholdDoc } from '../../server/domain/docs';
import { demoRuntime, T0 } from './runtime';

type Ok<T = any> = { ok: true; data: T };
const ok = <T = any>(r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as Ok<T>).data;
};

describe('card', () => {
  it('opens a card with one read, phones masked, the chain above and the hotline', async () => {
    const rt = demoRuntime();
    const unit = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    const before = rt.store.stats().reads;
    const card = ok(await rt.call('card', { action: 'get', unitId: 'u1' }, null));
    expect(rt.store.stats().reads - before).toBe(1);
    expect(card.lead.name).toBe(unit.lead!.name);
    expect(card.lead.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(JSON.stringify(card)).not.toContain(unit.lead!.phone);
    expect(card.group.lead.name).toBeTruthy();
    expect(card.area.lead.name).toBeTruthy();
    expect(card.community).toMatchObject({ id: 'c1', name: '幸福里社区', hotline: expect.stringMatching(/^0731-/) });
    expect(card.unit.buildings).toEqual(['1栋1单元']);
    rt.close();
  });

  it("gives the 邻长's number in full only to a caller whose household is bound to that 邻", async () => {
    const rt = demoRuntime();
    const unit = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    const full = unit.lead!.phone;
    const get = (who: string | null, unitId = 'u1') => rt.call('card', { action: 'get', unitId }, who);
    const leaks = (r: unknown) => JSON.stringify(r).includes(full);

    // demo-resident lives at u1 101 (the seed): the number comes in full, in at most two reads.
    const before = rt.store.stats().reads;
    const own = ok(await get('demo-resident'));
    expect(rt.store.stats().reads - before).toBeLessThanOrEqual(2);
    expect(own.mine).toBe(true);
    expect(own.lead).toMatchObject({ phone: full, phoneMasked: expect.stringMatching(/^1\d\d\*{4}\d{4}$/) });
    // Only the 邻长's: the 组长 and 片长 stay masked on the card.
    expect(JSON.stringify(own.group)).not.toContain(unit.chain!.group.lead!.phone);

    // Strangers: anonymous, signed in but unbound, bound to another 邻, or only asking to join a door of u1.
    expect(leaks(await get(null))).toBe(false);
    expect(leaks(await get('visitor-9'))).toBe(false);
    ok(await rt.call('card', { action: 'bind', unitId: 'u2', building: '1栋2单元', room: '502', people: 1 }, 'u2-resident'));
    expect(leaks(await get('u2-resident'))).toBe(false);
    expect(ok(await get('u2-resident')).mine).toBe(false);
    expect(ok(await get('u2-resident', 'u2')).lead.phone).toBeTruthy();
    const asked = ok(await rt.call('card', { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '101', people: 1 }, 'asker'));
    expect(asked.pending).toBeTruthy();
    expect(leaks(await get('asker'))).toBe(false);
    // The identity is the runtime's: naming someone in the body changes nothing.
    expect(leaks(await rt.call('card', { action: 'get', unitId: 'u1', openid: 'demo-resident' }, 'visitor-9'))).toBe(false);

    // A 邻长 who cannot serve (动态调整) is not handed out, even to their own households.
    await rt.store.collection('nodes').doc('u1').update({ 'lead.away': { status: 'unable', since: T0 } });
    expect(leaks(await get('demo-resident'))).toBe(false);
    await rt.store.collection('nodes').doc('u1').update({ 'lead.away': { status: 'away', since: T0 } });
    expect(ok(await get('demo-resident')).lead.phone).toBe(full);

    // Moved out: a stranger again.
    ok(await rt.call('card', { action: 'bind', unitId: 'u2', building: '1栋2单元', room: '503', people: 1, move: true }, 'demo-resident'));
    expect(leaks(await get('demo-resident'))).toBe(false);
    rt.close();
  });

  it('answers NOT_FOUND for an unknown or non-unit id', async () => {
    const rt = demoRuntime();
    expect(await rt.call('card', { action: 'get', unitId: 'u999999' }, null)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await rt.call('card', { action: 'get', unitId: 'g1' }, null)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    rt.close();
  });

  it('reveals a full phone only to a signed-in caller, and rate-limits it', async () => {
    const rt = demoRuntime();
    const unit = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    expect(await rt.call('card', { action: 'contact', unitId: 'u1', who: 'neighbourLead' }, null)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(ok(await rt.call('card', { action: 'contact', unitId: 'u1', who: 'neighbourLead' }, 'visitor-1'))).toEqual({
      name: unit.lead!.name,
      phone: unit.lead!.phone,
    });
    for (let i = 1; i < 30; i++) await rt.call('card', { action: 'contact', unitId: 'u1', who: 'groupLead' }, 'visitor-1');
    expect(await rt.call('card', { action: 'contact', unitId: 'u1', who: 'areaLead' }, 'visitor-1')).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });
    rt.close();
  });

  it('binds a new household for a first-time user, counts it, and whoami shows it', async () => {
    const rt = demoRuntime();
    const before = (await rt.store.collection('nodes').doc('c1').get()) as NodeDoc;
    const bound = ok(
      await rt.call('card', { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '1502', people: 3, phone: '13912345678', phoneConsent: true }, 'visitor-2'),
    );
    expect(bound.household).toMatchObject({ unitId: 'u1', address: '1栋1单元1502' });
    const me = ok(await rt.call('account', { action: 'whoami' }, 'visitor-2'));
    expect(me.household).toEqual(bound.household);
    const after = (await rt.store.collection('nodes').doc('c1').get()) as NodeDoc;
    expect(after.stats.households).toBe(before.stats.households + 1);
    expect(after.stats.bound).toBe(before.stats.bound + 1);
    rt.close();
  });

  it('joins an existing household (from the register, or a family member) instead of duplicating it', async () => {
    const rt = demoRuntime();
    const [h] = (await rt.store.collection('households').where({ unitId: 'u1', room: '201' }).get()) as HouseholdDoc[];
    ok(await rt.call('card', { action: 'bind', unitId: 'u1', building: h.building, room: '201', people: 2 }, 'mum'));
    ok(await rt.call('card', { action: 'bind', unitId: 'u1', building: h.building, room: '201', people: 2 }, 'dad'));
    const same = (await rt.store.collection('households').where({ unitId: 'u1', room: '201' }).get()) as HouseholdDoc[];
    expect(same).toHaveLength(1);
    // The first to bind a door from the register is its member; the next one asks them (household-join.test.ts).
    expect(same[0].members).toEqual(['mum']);
    expect(same[0].requests).toEqual([expect.objectContaining({ openid: 'dad' })]);
    rt.close();
  });

  it('three binding a new door at once end up in one household: one member, two asking them', async () => {
    const rt = demoRuntime();
    const input = { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '901', people: 4 };
    await Promise.all(['a', 'b', 'c'].map((who) => rt.call('card', input, who)));
    const docs = (await rt.store.collection('households').where({ unitId: 'u1', room: '901' }).get()) as HouseholdDoc[];
    expect(docs).toHaveLength(1);
    expect(docs[0].members).toHaveLength(1);
    expect([...docs[0].members, ...docs[0].requests!.map((r) => r.openid)].sort()).toEqual(['a', 'b', 'c']);
    rt.close();
  });

  it('refuses a phone without consent, a building the 邻 does not serve, and anonymous callers — writing nothing', async () => {
    const rt = demoRuntime();
    const writes = rt.store.stats().writes;
    const base = { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '303', people: 1 };
    expect(await rt.call('card', { ...base, phone: '13912345678' }, 'v')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await rt.call('card', { ...base, building: '9栋9单元' }, 'v')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await rt.call('card', { ...base, room: '3楼' }, 'v')).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await rt.call('card', base, null)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('moving to another door asks first, then leaves the old household', async () => {
    const rt = demoRuntime();
    ok(await rt.call('card', { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '701', people: 1 }, 'mover'));
    const next = { action: 'bind', unitId: 'u2', building: '1栋2单元', room: '702', people: 1 };
    // A tap on a relative's card changes nothing until the resident confirms.
    const writes = rt.store.stats().writes;
    expect(ok(await rt.call('card', next, 'mover'))).toEqual({ household: null, moveFrom: { address: '1栋1单元701', erases: true } });
    expect(rt.store.stats().writes).toBe(writes);
    expect(await rt.store.collection('households').where({ unitId: 'u1', room: '701' }).count()).toBe(1);
    expect(ok(await rt.call('card', { ...next, move: true }, 'mover')).household).toMatchObject({ unitId: 'u2' });
    expect(await rt.store.collection('households').where({ unitId: 'u1', room: '701' }).count()).toBe(0);
    expect(ok(await rt.call('account', { action: 'whoami' }, 'mover')).household).toMatchObject({ unitId: 'u2' });
    rt.close();
  });
});
