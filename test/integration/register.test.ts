// 三长 registration: 个人自荐, 群众推荐, 组织指定, reviewed by the 管理员.
import type { NodeDoc } from '../../server/domain/docs';
import { demoRuntime } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const apply = { action: 'apply', unitId: 'u7', name: '周自荐', phone: '13900005555', story: '退休教师，愿意为邻居服务。' };

describe('registration', () => {
  it('个人自荐 → approved: the applicant becomes the 邻长 at once and is told', async () => {
    const rt = demoRuntime();
    const { application } = data(await rt.call('register', apply, 'applicant'));
    expect(application.status).toBe('pending');
    expect(await rt.call('register', apply, 'applicant')).toMatchObject({ error: { code: 'CONFLICT' } });

    const reviewed = data(await rt.call('register', { action: 'review', id: application.id, approve: true }, 'demo-admin')).application;
    expect(reviewed.status).toBe('approved');
    expect(reviewed.invite).toBeUndefined();
    expect(data(await rt.call('account', { action: 'whoami' }, 'applicant')).roles).toContain('neighbourLead');
    expect(((await rt.store.collection('nodes').doc('u7').get()) as NodeDoc).lead!.name).toBe('周自荐');
    expect(rt.ports.notifier.sent).toEqual([expect.objectContaining({ touser: 'applicant', page: 'register/mine' })]);
    expect(data(await rt.call('register', { action: 'mine' }, 'applicant')).items[0]).toMatchObject({ status: 'approved' });
    expect(await rt.call('register', { action: 'review', id: application.id, approve: false, reason: '重复' }, 'demo-admin')).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    rt.close();
  });

  it('群众推荐 → rejected needs a reason, which the recommender sees', async () => {
    const rt = demoRuntime();
    const { application } = data(await rt.call('register', { action: 'recommend', unitId: 'u7', name: '吴热心', story: '热心' }, 'neighbour'));
    expect(await rt.call('register', { action: 'review', id: application.id, approve: false }, 'demo-admin')).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    data(await rt.call('register', { action: 'review', id: application.id, approve: false, reason: '本人暂不愿意' }, 'demo-admin'));
    expect(data(await rt.call('register', { action: 'mine' }, 'neighbour')).items[0]).toMatchObject({ status: 'rejected', reason: '本人暂不愿意' });
    rt.close();
  });

  it('an approved recommendation without a phone cannot be appointed; with one it gets a binding code', async () => {
    const rt = demoRuntime();
    const noPhone = data(await rt.call('register', { action: 'recommend', unitId: 'u8', name: '无电话', story: '好人' }, 'n1')).application;
    expect(await rt.call('register', { action: 'review', id: noPhone.id, approve: true }, 'demo-admin')).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    // Nobody was appointed, so it is not 已通过: it waits, and can still be rejected with a reason.
    const waiting = data(await rt.call('register', { action: 'pending', status: 'pending' }, 'demo-admin')).items.find((a: any) => a.id === noPhone.id);
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(waiting.reviewedAt).toBeUndefined();
    expect(data(await rt.call('register', { action: 'review', id: noPhone.id, approve: false, reason: '联系不上本人' }, 'demo-admin')).application).toMatchObject({ status: 'rejected' });
    const withPhone = data(await rt.call('register', { action: 'recommend', unitId: 'u8', name: '有电话', phone: '13900004444', story: '好人' }, 'n1')).application;
    const reviewed = data(await rt.call('register', { action: 'review', id: withPhone.id, approve: true }, 'demo-admin')).application;
    expect(reviewed.invite.code).toMatch(/^\d{8}$/);
    expect(data(await rt.call('register', { action: 'mine' }, 'n1')).items.every((a: any) => a.invite === undefined)).toBe(true);
    rt.close();
  });

  it('组织指定 takes effect at once', async () => {
    const rt = demoRuntime();
    const app = data(await rt.call('register', { action: 'appoint', unitId: 'u9', name: '郑指定', phone: '13900006666' }, 'demo-admin')).application;
    expect(app).toMatchObject({ kind: 'appoint', status: 'approved', invite: { code: expect.any(String) } });
    expect(data(await rt.call('card', { action: 'get', unitId: 'u9' }, null)).lead.name).toBe('郑指定');
    rt.close();
  });

  it('checks stories before storing them', async () => {
    const rt = demoRuntime();
    const writes = rt.store.stats().writes;
    expect(await rt.call('register', { ...apply, story: '加微信领红包，兼职日结' }, 'spammer')).toMatchObject({
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('a 管理员 of another 社区 cannot review', async () => {
    const rt = demoRuntime();
    await rt.store.collection('users').doc('other-admin').set({
      name: 'x',
      grants: [{ role: 'admin', nodeId: 'c2', nodeName: '别的社区', level: 'community' }],
      createdAt: 0,
    });
    const { application } = data(await rt.call('register', apply, 'applicant'));
    expect(await rt.call('register', { action: 'review', id: application.id, approve: true }, 'other-admin')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(data(await rt.call('register', { action: 'pending' }, 'other-admin')).items).toEqual([]);
    rt.close();
  });
});
