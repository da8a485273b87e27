import { demoRuntime } from './runtime';

describe('account', () => {
  const runtime = demoRuntime();
  afterAll(() => runtime.close());

  it('ping touches no data', async () => {
    const before = runtime.store.stats();
    expect(await runtime.call('account', { action: 'ping' }, null)).toEqual({ ok: true, data: { pong: true } });
    expect(runtime.store.stats()).toEqual(before);
  });

  it('whoami for an anonymous caller', async () => {
    expect(await runtime.call('account', { action: 'whoami' }, null)).toEqual({
      ok: true,
      data: { signedIn: false, user: null, roles: ['anonymous'], grants: [], household: null },
    });
  });

  it('whoami for a 邻长: roles and grants, phone masked, one read', async () => {
    const before = runtime.store.stats().reads;
    const reply = await runtime.call('account', { action: 'whoami' }, 'demo-neighbour-lead');
    expect(runtime.store.stats().reads - before).toBe(1);
    expect(reply).toMatchObject({
      ok: true,
      data: {
        signedIn: true,
        roles: ['resident', 'neighbourLead'],
        grants: [{ role: 'neighbourLead', nodeId: 'u1', level: 'unit' }],
        household: null,
      },
    });
    const phone = (reply as { data: { user: { phoneMasked: string } } }).data.user.phoneMasked;
    expect(phone).toMatch(/^1\d\d\*{4}\d{4}$/);
  });

  it('whoami for a resident shows the bound household', async () => {
    const reply = await runtime.call('account', { action: 'whoami' }, 'demo-resident');
    expect(reply).toMatchObject({ ok: true, data: { household: { unitId: 'u1', address: '1栋1单元101' } } });
  });

  it('a first-time WeChat user is a resident with no record yet', async () => {
    expect(await runtime.call('account', { action: 'whoami' }, 'someone-new')).toEqual({
      ok: true,
      data: { signedIn: true, user: null, roles: ['resident'], grants: [], household: null },
    });
  });

  it('takes identity only from the runtime: a body naming another openid changes nothing', async () => {
    const forged = {
      action: 'whoami',
      openid: 'demo-admin',
      OPENID: 'demo-admin',
      userInfo: { openId: 'demo-admin', appId: 'x' },
      caller: { openid: 'demo-admin' },
    };
    const asAnon = await runtime.call('account', forged, null);
    expect(asAnon).toMatchObject({ ok: true, data: { signedIn: false, roles: ['anonymous'] } });
    const asResident = await runtime.call('account', forged, 'demo-resident');
    expect(asResident).toMatchObject({ ok: true, data: { roles: ['resident'] } });
  });

  it('a resident who bound their door before entering a 邻长 binding code takes the roster’s name', async () => {
    const bind = await runtime.call('card', { action: 'bind', unitId: 'u3', building: '1栋3单元', room: '201', people: 2 }, 'door-first');
    expect(bind.ok).toBe(true);
    const before = await runtime.call('account', { action: 'whoami' }, 'door-first');
    expect(before).toMatchObject({ ok: true, data: { user: { name: '' } } });
    const invite = (await runtime.call('roster', { action: 'invite', nodeId: 'u3' }, 'demo-admin')) as { ok: true; data: { code: string } };
    const claimed = await runtime.call('account', { action: 'claim', code: invite.data.code }, 'door-first');
    const lead = (await runtime.call('card', { action: 'get', unitId: 'u3' }, null)) as { ok: true; data: { lead: { name: string } } };
    expect(claimed).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['neighbourLead']), user: { name: lead.data.lead.name } } });
  });
});
