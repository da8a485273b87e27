// 个人自荐 that names a sitting 三长's phone from another WeChat account (issue 14 item 6): the
// 管理员 sees the clash, and approval waits until the applicant confirms the phone with
// WeChat's phone-number button (register.confirmPhone; locally played by dev-phone codes).
import type { LeadDoc, NodeDoc } from '../../server/domain/docs';
import { demoRuntime } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
let nonce = 0;
const codeFor = (phone: string) => `dev-phone:${phone}:n${String(++nonce).padStart(6, '0')}`;

async function sittingLead(rt: ReturnType<typeof demoRuntime>, nodeId: string) {
  const node = (await rt.store.collection('nodes').doc(nodeId).get()) as NodeDoc;
  return node.lead!;
}

async function pendingOf(rt: ReturnType<typeof demoRuntime>, id: string) {
  return data(await rt.call('register', { action: 'pending' }, 'demo-admin')).items.find((a: any) => a.id === id);
}

describe('a self-application naming a sitting lead’s phone', () => {
  it('shows the clash to the 管理员, and cannot be approved until the applicant confirms the phone', async () => {
    const rt = demoRuntime();
    const lead = await sittingLead(rt, 'u1'); // demo-neighbour-lead's seat
    const app = data(
      await rt.call('register', { action: 'apply', unitId: 'u1', name: lead.name, phone: lead.phone, story: '我换了新微信，想继续当邻长。' }, 'stranger'),
    ).application;
    expect(app.phoneConfirmed).toBe(false);
    expect(app.clash).toBeUndefined(); // the applicant is not told whose phone it is

    const listed = await pendingOf(rt, app.id);
    expect(listed.clash).toBe(`同一手机号已是在任邻长 ${lead.name}，申请来自另一个微信号`);
    expect(listed.phoneConfirmed).toBe(false);

    // Approve without confirmation: refused, and the application still waits, nothing changed hands.
    const refused = await rt.call('register', { action: 'review', id: app.id, approve: true }, 'demo-admin');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('用微信手机号验证') } });
    expect(await pendingOf(rt, app.id)).toMatchObject({ status: 'pending' });
    expect((await sittingLead(rt, 'u1')).openid).toBe('demo-neighbour-lead');
    expect(data(await rt.call('account', { action: 'whoami' }, 'stranger')).roles).not.toContain('neighbourLead');

    // Confirm with another number (the stranger's own WeChat phone): refused, still unconfirmed.
    const wrong = await rt.call('register', { action: 'confirmPhone', id: app.id, code: codeFor('13911110000') }, 'stranger');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不一致') } });
    expect((await pendingOf(rt, app.id)).phoneConfirmed).toBe(false);
    expect(await rt.call('register', { action: 'review', id: app.id, approve: true }, 'demo-admin')).toMatchObject({ error: { code: 'CONFLICT' } });

    // Someone else cannot confirm it for them, even with the right number.
    expect(await rt.call('register', { action: 'confirmPhone', id: app.id, code: codeFor(lead.phone) }, 'demo-resident')).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    // A spent code does not work twice.
    const code = codeFor(lead.phone);
    const confirmed = data(await rt.call('register', { action: 'confirmPhone', id: app.id, code }, 'stranger')).application;
    expect(confirmed.phoneConfirmed).toBe(true);
    expect(await rt.call('register', { action: 'confirmPhone', id: app.id, code }, 'stranger')).toMatchObject({ ok: true }); // already confirmed: nothing to read
    await expect(rt.ports.phones.numberOf(code)).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    // Confirmed: the 管理员 still sees the clash, and may now approve (the account holds that phone).
    expect(await pendingOf(rt, app.id)).toMatchObject({ clash: expect.stringContaining(lead.name), phoneConfirmed: true });
    data(await rt.call('register', { action: 'review', id: app.id, approve: true }, 'demo-admin'));
    expect((await sittingLead(rt, 'u1')).openid).toBe('stranger');
    rt.close();
  });

  it('a clash with a 组长 or a lead not yet on WeChat is named too; the lead’s own account re-applying is no clash', async () => {
    const rt = demoRuntime();
    const group = await sittingLead(rt, 'g1');
    const u7 = await sittingLead(rt, 'u7');
    expect(u7.openid ?? null).toBeNull();
    const byGroup = data(await rt.call('register', { action: 'apply', unitId: 'u3', name: group.name, phone: group.phone, story: '愿意服务。' }, 'x1')).application;
    const byUnlinked = data(await rt.call('register', { action: 'apply', unitId: 'u7', name: u7.name, phone: u7.phone, story: '愿意服务。' }, 'x2')).application;
    const own = await sittingLead(rt, 'u2');
    const byOwner = data(await rt.call('register', { action: 'apply', unitId: 'u3', name: own.name, phone: own.phone, story: '再兼一个邻。' }, 'demo-neighbour-lead-2')).application;
    const fresh = data(await rt.call('register', { action: 'apply', unitId: 'u8', name: '新面孔', phone: '13912345678', story: '愿意服务。' }, 'x3')).application;

    expect((await pendingOf(rt, byGroup.id)).clash).toBe(`同一手机号已是在任组长 ${group.name}，申请来自另一个微信号`);
    expect((await pendingOf(rt, byUnlinked.id)).clash).toBe(`同一手机号已是在任邻长 ${u7.name}（尚未绑定微信），申请来自未经核实的微信号`);
    expect((await pendingOf(rt, byOwner.id)).clash).toBeUndefined();
    expect((await pendingOf(rt, fresh.id)).clash).toBeUndefined();

    expect(await rt.call('register', { action: 'review', id: byUnlinked.id, approve: true }, 'demo-admin')).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(((await rt.store.collection('leads').doc(u7.id).get()) as LeadDoc).openid ?? null).toBeNull();
    // Rejecting needs no confirmation; and a plain application is approved as before.
    data(await rt.call('register', { action: 'review', id: byGroup.id, approve: false, reason: '该手机号属于在任组长' }, 'demo-admin'));
    data(await rt.call('register', { action: 'review', id: fresh.id, approve: true }, 'demo-admin'));
    // Decided applications cannot be confirmed any more.
    expect(await rt.call('register', { action: 'confirmPhone', id: byGroup.id, code: codeFor(group.phone) }, 'x1')).toMatchObject({ error: { code: 'CONFLICT' } });
    rt.close();
  });

  it('a code that is not WeChat’s (or a spent one) confirms nothing', async () => {
    const rt = demoRuntime();
    const app = data(await rt.call('register', { action: 'apply', unitId: 'u8', name: '新面孔', phone: '13912345678', story: '愿意服务。' }, 'x3')).application;
    for (const code of ['dev-phone:13912345678', 'forged-13912345678', 'dev-phone:13912345678:abc']) {
      expect(await rt.call('register', { action: 'confirmPhone', id: app.id, code }, 'x3')).toMatchObject({ ok: false });
    }
    expect((await pendingOf(rt, app.id)).phoneConfirmed).toBe(false);
    rt.close();
  });
});
