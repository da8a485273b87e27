// A resident sees, corrects and deletes what is held about their household.
import type { HouseholdDoc, NodeDoc } from '../../server/domain/docs';
import { demoRuntime } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};

/** `openid` names 1栋1单元101 (the demo resident's door) and the resident lets them in. */
async function joinFamily(rt: ReturnType<typeof demoRuntime>, openid: string, extra: Record<string, unknown> = {}) {
  expect(data(await rt.call('card', { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '101', people: 2, ...extra }, openid)).pending).toBeDefined();
  const [request] = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.requests;
  data(await rt.call('household', { action: 'decide', requestId: request.id, approve: true }, 'demo-resident'));
}

describe('household self-service', () => {
  it('shows the resident their own record, with the 邻长 visits', async () => {
    const rt = demoRuntime();
    data(await rt.call('ledger', { action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true, problems: '楼道灯坏了' }, 'demo-neighbour-lead'));
    const mine = data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household;
    expect(mine).toMatchObject({ id: 'h1', address: '1栋1单元101', phone: '13900009999', members: 1 });
    expect(mine.visits).toEqual([expect.objectContaining({ problems: '楼道灯坏了', items: expect.objectContaining({ met: true }) })]);
    rt.close();
  });

  it('corrects people and phone, and deletes the phone', async () => {
    const rt = demoRuntime();
    expect(data(await rt.call('household', { action: 'update', people: 5 }, 'demo-resident')).household.people).toBe(5);
    expect(await rt.call('household', { action: 'update', phone: '13911112222' }, 'demo-resident')).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    const cleared = data(await rt.call('household', { action: 'update', clearPhone: true }, 'demo-resident')).household;
    expect(cleared.phone).toBeUndefined();
    const stored = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    expect(stored.phone).toBeUndefined();
    rt.close();
  });

  it('the last member deleting removes the household and its visits; counts follow', async () => {
    const rt = demoRuntime();
    data(await rt.call('ledger', { action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true }, 'demo-neighbour-lead'));
    const before = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    expect(data(await rt.call('household', { action: 'remove' }, 'demo-resident'))).toEqual({ removed: 'household' });
    expect(await rt.store.collection('households').doc('h1').get()).toBeNull();
    expect(await rt.store.collection('visits').where({ householdId: 'h1' }).count()).toBe(0);
    const after = (await rt.store.collection('nodes').doc('u1').get()) as NodeDoc;
    expect(after.stats).toEqual({
      households: before.stats.households - 1,
      bound: before.stats.bound - 1,
      visited: before.stats.visited - 1,
    });
    const me = data(await rt.call('account', { action: 'whoami' }, 'demo-resident'));
    expect(me.household).toBeNull();
    expect(me.user.phoneMasked).toBeUndefined();
    rt.close();
  });

  it('a newcomer let in by the family sees neither their phone nor what the 邻长 heard before, and changes neither', async () => {
    const rt = demoRuntime();
    data(await rt.call('ledger', { action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true, problems: '家里老人独居，需要关照' }, 'demo-neighbour-lead'));
    // Anyone can name 1栋1单元101: a newcomer's people count and phone do not replace the family's.
    const { people } = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    await joinFamily(rt, 'newcomer', { people: 9, phone: '13700001111', phoneConsent: true });
    const stored = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    expect(stored).toMatchObject({ phone: '13900009999', people });
    const theirs = data(await rt.call('household', { action: 'mine' }, 'newcomer')).household;
    expect(theirs.phone).toBeUndefined();
    expect(theirs.familyPhoneMasked).toBe('139****9999');
    expect(theirs.visits).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('13900009999');
    expect(JSON.stringify(theirs)).not.toContain('独居');
    for (const input of [{ phone: '13700001111', phoneConsent: true }, { clearPhone: true }]) {
      expect(await rt.call('household', { action: 'update', ...input }, 'newcomer')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(((await rt.store.collection('households').doc('h1').get()) as HouseholdDoc).phone).toBe('13900009999');
    // The family member who left the phone still sees it all; visits made after the newcomer joined, both see.
    expect(data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household).toMatchObject({ phone: '13900009999', visits: [expect.anything()] });
    rt.close();
  });

  it('deleting the phone deletes it from the resident’s own record too; leaving takes their phone with them', async () => {
    const rt = demoRuntime();
    await joinFamily(rt, 'spouse');
    data(await rt.call('household', { action: 'update', clearPhone: true }, 'demo-resident'));
    expect(data(await rt.call('account', { action: 'whoami' }, 'demo-resident')).user.phoneMasked).toBeUndefined();
    // The spouse leaves a phone now (nobody's is on record), then leaves the household: it goes with them.
    data(await rt.call('household', { action: 'update', phone: '13600002222', phoneConsent: true }, 'spouse'));
    expect(data(await rt.call('household', { action: 'mine' }, 'demo-resident')).household.familyPhoneMasked).toBe('136****2222');
    data(await rt.call('household', { action: 'remove' }, 'spouse'));
    expect(((await rt.store.collection('households').doc('h1').get()) as HouseholdDoc).phone).toBeUndefined();
    rt.close();
  });

  it('a member who is not the last only leaves', async () => {
    const rt = demoRuntime();
    await joinFamily(rt, 'spouse');
    expect(data(await rt.call('household', { action: 'remove' }, 'spouse'))).toEqual({ removed: 'membership' });
    expect(((await rt.store.collection('households').doc('h1').get()) as HouseholdDoc).members).toEqual(['demo-resident']);
    rt.close();
  });

  it('nobody can reach another household through these actions', async () => {
    const rt = demoRuntime();
    expect(data(await rt.call('household', { action: 'mine', id: 'h1' }, 'stranger'))).toEqual({ household: null });
    expect(await rt.call('household', { action: 'remove' }, 'stranger')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    rt.close();
  });
});
