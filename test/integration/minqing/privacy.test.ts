// Who sees what of a problem: a resident never sees another's report; an anonymous reporter is
// hidden from all but the handling chain; overseers see no phone numbers; a 部门 sees only what
// is handed to it. And the content check refuses bad text with nothing written.
import { setup, ADMIN, AREA, DEPT, GROUP, LEAD, LEAD2, NEWCOMER, RESIDENT } from './helpers';

describe('民情: privacy', () => {
  it('keeps a report from other residents, other 邻长 and 部门 it was not handed to', async () => {
    const { call, report } = setup();
    const p = await report();
    for (const who of [NEWCOMER, LEAD2, DEPT]) {
      expect(await call(who, 'get', { id: p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await call(null, 'get', { id: p.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const mine = await call(NEWCOMER, 'mine');
    expect(mine).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('shows the phone to the holder only, with consent; never to overseers', async () => {
    const { ok, report } = setup();
    const p = await report({ contactConsent: true });
    expect((await ok(LEAD, 'get', { id: p.id })).problem.reporter).toEqual({ name: '居民王阿姨', phone: '13900009999' });
    for (const who of [GROUP, AREA, ADMIN]) {
      const seen = (await ok(who, 'get', { id: p.id })).problem;
      expect(seen.reporter).toEqual({ name: '居民王阿姨' });
      expect(JSON.stringify(seen)).not.toContain('13900009999');
    }
    const noConsent = await report({ description: '路灯不亮' });
    expect((await ok(LEAD, 'get', { id: noConsent.id })).problem.reporter).toEqual({ name: '居民王阿姨' });
  });

  it('hides an anonymous reporter from overseers but not from the handling chain', async () => {
    const { ok, report } = setup();
    const p = await report({ anonymous: true });
    expect((await ok(LEAD, 'get', { id: p.id })).problem.reporter).toMatchObject({ name: '居民王阿姨' });
    for (const who of [GROUP, AREA, ADMIN]) {
      const seen = await ok(who, 'get', { id: p.id });
      expect(seen.problem.reporter).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('王阿姨');
      expect(seen.timeline[0].by.name).toBe('匿名居民');
    }
    // Once the 片长 holds it (小事), they are in the chain and see who it is.
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'minor' });
    expect((await ok(AREA, 'get', { id: p.id })).problem.reporter).toMatchObject({ name: '居民王阿姨' });
    expect((await ok(ADMIN, 'get', { id: p.id })).problem.reporter).toBeNull();
    expect((await ok(RESIDENT, 'get', { id: p.id })).problem.reporter).toMatchObject({ name: '居民王阿姨' });
  });

  it('lets a 部门 see a 大事 once handed to it, and its list holds nothing else', async () => {
    const { ok, call, report } = setup();
    const other = await report({ description: '楼下噪音' });
    const p = await report({ description: '屋面漏水', contactConsent: true });
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'major' });
    expect(await call(DEPT, 'get', { id: p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ok(ADMIN, 'assign', { id: p.id, departmentId: 'dep1' });
    const seen = await ok(DEPT, 'get', { id: p.id });
    expect(seen.problem.reporter).toEqual({ name: '居民王阿姨', phone: '13900009999' });
    expect(seen.can).toEqual(expect.arrayContaining(['progress', 'resolve']));
    expect(await call(DEPT, 'get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(DEPT, 'todo', { box: 'pending' })).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    expect(await call(DEPT, 'list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('民情: content check', () => {
  const BAD = '加微信领红包';

  it('refuses a report with CONTENT_REJECTED and writes nothing', async () => {
    const { rt, call } = setup();
    for (const field of ['description', 'place'] as const) {
      const r = await call(RESIDENT, 'submit', { category: 'repair', description: '楼道灯坏了', [field]: `门口有人${BAD}` });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    }
    for (const c of ['problems', 'mqtimeline', 'mqstats', 'mqinbox', 'ratelimits'] as const) expect(await rt.store.collection(c).count()).toBe(0);
  });

  it('refuses timeline notes and minutes with bad text, leaving the problem and its timeline as they were', async () => {
    const { rt, ok, call, report, timeline, clock } = setup();
    const p = await report();
    const before = async () => ({ p: await rt.store.collection('problems').doc(p.id).get(), t: await timeline(p.id) });
    const start = await before();
    expect(await call(LEAD, 'accept', { id: p.id, note: BAD })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await before()).toEqual(start);
    await ok(LEAD, 'accept', { id: p.id });
    const accepted = await before();
    for (const [action, input] of [
      ['classify', { class: 'minor', note: BAD }],
      ['progress', { note: BAD }],
      ['resolve', { note: BAD }],
    ] as const) {
      expect(await call(LEAD, action, { id: p.id, ...input })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(await before()).toEqual(accepted);
    }
    await ok(LEAD, 'classify', { id: p.id, class: 'minor' });
    const { meeting } = await ok(AREA, 'scheduleMeeting', { startsAt: clock.now() + 86_400_000, place: '社区会议室' });
    expect(meeting.items.map((i: { problemId: string }) => i.problemId)).toEqual([p.id]);
    const onAgenda = await before();
    expect(await call(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: p.id, decision: `大家同意${BAD}`, outcome: 'resolve' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(await before()).toEqual(onAgenda);
    expect(await rt.store.collection('mqmeetings').doc(meeting.id).get()).toMatchObject({ items: [{ problemId: p.id }] });
    expect((await rt.store.collection('mqmeetings').doc(meeting.id).get())?.items).toEqual([expect.not.objectContaining({ decision: expect.anything() })]);
    expect(await call(AREA, 'scheduleMeeting', { startsAt: clock.now() + 86_400_000, place: BAD })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await rt.store.collection('mqmeetings').count()).toBe(1);
  });
});
