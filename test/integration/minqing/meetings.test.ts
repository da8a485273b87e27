// 民情恳谈会 (story 4), a 邻长's batch on a visit (story 2), a 社区's own categories, the bounded
// sweep and the demo's living loop.
import { seedMinqingStory } from '../../../server/seed/minqing';
import { setup, ADMIN, AREA, DAY, DEPT, GROUP, HOUR, LEAD, NEWCOMER, RESIDENT } from './helpers';

async function minorAtArea(s: ReturnType<typeof setup>, description: string) {
  const p = await s.report({ description });
  await s.ok(LEAD, 'accept', { id: p.id });
  await s.ok(LEAD, 'classify', { id: p.id, class: 'minor' });
  return p.id as string;
}

describe('民情恳谈会', () => {
  it('takes the 片’s open 小事 as its agenda, records a decision per item, moves them on, and shows the published minutes to those residents only', async () => {
    const s = setup();
    const { ok, call, clock, rt } = s;
    const a = await minorAtArea(s, '电动车乱停');
    const b = await minorAtArea(s, '健身器材坏了');
    const { meeting } = await ok(AREA, 'scheduleMeeting', { startsAt: clock.now() + DAY, place: '社区党群服务中心', invitees: ['陈建国', '居民代表'] });
    expect(meeting.items.map((i: { problemId: string }) => i.problemId).sort()).toEqual([a, b].sort());
    // A 小事 classified later joins the next meeting by itself.
    const c = await minorAtArea(s, '广场舞噪音');
    expect((await ok(AREA, 'meeting', { id: meeting.id })).meeting.items.map((i: { problemId: string }) => i.problemId)).toContain(c);
    expect((await ok(RESIDENT, 'get', { id: c })).timeline.map((e: { kind: string }) => e.kind)).toContain('agendaAdded');
    // Only the 片长 edits it; dropped items can come back.
    expect(await call(GROUP, 'agendaDrop', { meetingId: meeting.id, problemId: c })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(AREA, 'agendaDrop', { meetingId: meeting.id, problemId: c, reason: '先现场协调' });
    const view = await ok(AREA, 'meeting', { id: meeting.id });
    expect(view.canEdit).toBe(true);
    expect(view.candidates.map((r: { id: string }) => r.id)).toEqual([c]);
    // Minutes per item: a resolves with the decision, b becomes a 大事 for the 社区.
    expect(await call(AREA, 'publishMinutes', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: a, decision: '物业划定停车区，本周完成', outcome: 'resolve' });
    await ok(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: b, decision: '需要更换器材，报社区', outcome: 'escalate' });
    const ra = await ok(RESIDENT, 'get', { id: a });
    expect(ra.problem.status).toBe('resolved');
    expect(ra.timeline.slice(-2)).toMatchObject([{ kind: 'decided', note: '物业划定停车区，本周完成', meetingId: meeting.id }, { kind: 'resolved' }]);
    expect(ra.can).toEqual(['rate']);
    expect((await ok(ADMIN, 'get', { id: b })).problem).toMatchObject({ class: 'major', handler: { level: 'community' } });
    const published = await ok(AREA, 'publishMinutes', { meetingId: meeting.id, summary: '两项议定' });
    expect(published.meeting).toMatchObject({ status: 'published', summary: '两项议定' });
    expect(await call(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: a, decision: '改', outcome: 'continue' })).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    // The resident whose problems were on it sees the minutes (and hears of them); another does not.
    const seen = await ok(RESIDENT, 'meeting', { id: meeting.id });
    expect(seen.meeting.items).toHaveLength(2);
    expect(JSON.stringify(seen)).not.toContain('王阿姨');
    expect((await ok(RESIDENT, 'meetings')).items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect((await ok(RESIDENT, 'inbox')).items[0]).toMatchObject({ meetingId: meeting.id });
    expect(await call(NEWCOMER, 'meeting', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(NEWCOMER, 'meetings')).items).toEqual([]);
    expect(await rt.store.collection('mqmeetings').count()).toBe(1);
  });
});

describe('民情: on a visit, categories, the sweep, the demo', () => {
  it('files a 邻长’s batch for a household, linked to the visit; the household’s member follows it', async () => {
    const { rt, ok, call } = setup();
    const v = await rt.call('ledger', { action: 'visit', householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true }, LEAD);
    if (!v.ok) throw new Error(v.error.message);
    const visit = { _id: (v.data as { visit: { id: string } }).visit.id };
    const r = await ok(LEAD, 'submitForHousehold', {
      householdId: 'h1',
      visitId: visit._id,
      problems: [
        { category: 'environment', description: '门口垃圾没人清运' },
        { category: 'safety', description: '楼道堆放杂物', contactConsent: true },
      ],
    });
    expect(r.problems).toHaveLength(2);
    expect((await rt.store.collection('visits').doc(visit._id).get())?.problemIds).toEqual(r.problems.map((p: { id: string }) => p.id));
    const mine = await ok(RESIDENT, 'mine');
    expect(mine.items.map((p: { id: string }) => p.id).sort()).toEqual(r.problems.map((p: { id: string }) => p.id).sort());
    const got = await ok(LEAD, 'get', { id: r.problems[1].id });
    expect(got.problem).toMatchObject({ visitId: visit._id, reporter: { name: '1栋1单元101住户', phone: '13900009999', onBehalfBy: '朱建国' } });
    expect(await call('demo-neighbour-lead-2', 'submitForHousehold', { householdId: 'h1', problems: [{ category: 'other', description: '问题' }] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('offers a 社区’s own categories beside the fixed ones; a stopped one takes no new reports', async () => {
    const { ok, call, report } = setup();
    const fixed = (await ok(RESIDENT, 'categories')).items;
    expect(fixed.map((c: { label: string }) => c.label)).toEqual(['环境卫生', '设施维修', '邻里纠纷', '安全隐患', '政策咨询', '其他']);
    const added = (await ok(ADMIN, 'addCategory', { label: '物业服务' })).items;
    const own = added.find((c: { custom: boolean }) => c.custom);
    expect(own.label).toBe('物业服务');
    expect(added[added.length - 1].label).toBe('其他');
    expect((await ok(RESIDENT, 'categories')).items).toEqual(added);
    expect((await report({ category: own.id })).categoryLabel).toBe('物业服务');
    await ok(ADMIN, 'removeCategory', { id: own.id });
    expect(await call(RESIDENT, 'submit', { category: own.id, description: '物业不作为' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(LEAD, 'addCategory', { label: '别的' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sweeps in bounded batches and says when more wait', async () => {
    const { ok, report, clock } = setup();
    for (let i = 0; i < 3; i++) await report({ description: `问题${i}` });
    clock.advance(25 * HOUR);
    expect(await ok(ADMIN, 'sweep', { max: 2 })).toEqual({ overdue: 2, autoClosed: 0, more: true });
    expect(await ok(ADMIN, 'sweep', { max: 2 })).toEqual({ overdue: 1, autoClosed: 0, more: false });
  });

  it('seeds a living loop for npm start: problems in several states, a 部门 at work, a meeting', async () => {
    const { rt, ok } = setup();
    await seedMinqingStory(rt.store, rt.ports.clock.now(), rt.ports);
    const mine = (await ok(RESIDENT, 'mine')).items;
    expect(new Set(mine.map((p: { status: string }) => p.status))).toEqual(new Set(['closed', 'handling', 'pending']));
    expect((await ok(DEPT, 'todo', { box: 'pending' })).items).toHaveLength(1);
    expect((await ok(AREA, 'meetings')).items).toHaveLength(1);
    expect((await ok(LEAD, 'counts')).todo.pending).toBe(1);
    expect((await ok(RESIDENT, 'counts')).unread).toBeGreaterThan(5);
  });
});
