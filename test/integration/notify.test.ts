// Subscribe messages on the real local runtime: the page gets the template ids from an action;
// a review result is sent to the applicant when they subscribed, and recorded and counted when
// they did not — the review itself goes through either way.
import { demoRuntime } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const apply = { action: 'apply', unitId: 'u7', name: '周自荐', phone: '13900005555', story: '退休教师，愿意为邻居服务。' };

it('account.templates gives anyone the environment\'s template ids', async () => {
  const rt = demoRuntime();
  try {
    expect(data(await rt.call('account', { action: 'templates' }, null))).toEqual({ reviewResult: 'review-result', problemProgress: 'problem-progress' });
  } finally {
    rt.close();
  }
});

it('a review result the applicant did not subscribe to is recorded and counted; the review stands', async () => {
  const rt = demoRuntime();
  try {
    rt.ports.notifier.unsubscribed.add('applicant');
    const { application } = data(await rt.call('register', apply, 'applicant'));
    const reviewed = data(await rt.call('register', { action: 'review', id: application.id, approve: true }, 'demo-admin')).application;
    expect(reviewed.status).toBe('approved');
    expect(rt.ports.notifier.sent).toEqual([]);
    const failures = await rt.store.collection('notifyFailures').get();
    expect(failures).toEqual([
      expect.objectContaining({ touser: 'applicant', templateId: 'review-result', page: 'register/mine', reason: 'not-subscribed', errCode: 43101 }),
    ]);
    const [stats] = await rt.store.collection('notifyStats').get();
    expect(stats).toMatchObject({ failed: 1, 'not-subscribed': 1 });

    // The next one, after the user tapped 允许, goes out and records nothing.
    rt.ports.notifier.unsubscribed.delete('applicant');
    const second = data(await rt.call('register', { ...apply, unitId: 'u8' }, 'applicant')).application;
    data(await rt.call('register', { action: 'review', id: second.id, approve: false, reason: '该邻已有人选' }, 'demo-admin'));
    expect(rt.ports.notifier.sent).toEqual([
      expect.objectContaining({ touser: 'applicant', data: expect.objectContaining({ phrase1: { value: '未通过' } }) }),
    ]);
    expect(await rt.store.collection('notifyFailures').count()).toBe(1);
  } finally {
    rt.close();
  }
});
