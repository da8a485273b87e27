// The timeline is append-only: every action that touches a problem leaves every earlier entry
// exactly as it was and adds its own. Each call below runs through `step`, which compares the
// whole mqtimeline collection before and after.
import { grantRole } from '../../../server/domain/grants';
import { setup, type Action, type In, ADMIN, AREA, DAY, DEPT, GROUP, LEAD, RESIDENT } from './helpers';

describe('民情: the timeline is append-only', () => {
  it('holds for every action that touches a problem', async () => {
    const { rt, ok, clock } = setup();
    await grantRole(rt.store, 'dep2-staff', { role: 'department', nodeId: 'dep2', nodeName: '区城市管理和综合执法局', level: 'department' }, clock.now());
    const all = async () => (await rt.store.collection('mqtimeline').orderBy('_id', 'asc').limit(100).get()).concat(
      await rt.store.collection('mqtimeline').orderBy('_id', 'asc').skip(100).limit(100).get(),
    );
    const covered = new Set<string>();
    /** Runs one action; its problem's timeline must only have grown. */
    const step = async <A extends Action>(who: string, action: A, input: In<A>, problemId?: () => string) => {
      const before = await all();
      const data = await ok(who, action, input);
      const after = await all();
      const byId = new Map(after.map((e) => [e._id, e]));
      for (const e of before) expect(byId.get(e._id)).toEqual(e);
      expect(after.length).toBeGreaterThan(before.length);
      const id = problemId?.() ?? (data.problem?.id as string | undefined);
      if (id) {
        const mine = (docs: typeof after) => docs.filter((e) => e.problemId === id).map((e) => e.seq as number).sort((a, b) => a - b);
        const [was, now] = [mine(before), mine(after)];
        expect(now.slice(0, was.length)).toEqual(was);
        expect(now.length).toBeGreaterThan(was.length);
      }
      covered.add(action);
      clock.advance(60_000);
      return data;
    };

    const p = (await step(RESIDENT, 'submit', { category: 'repair', description: '楼道灯坏了' })).problem.id as string;
    const batch = await step(LEAD, 'submitForHousehold', { householdId: 'h2', problems: [{ category: 'environment', description: '门口垃圾' }, { category: 'safety', description: '消防通道堵塞' }] });
    const [q, r] = batch.problems.map((x: { id: string }) => x.id);
    await step(LEAD, 'accept', { id: p, note: '收到' });
    await step(LEAD, 'classify', { id: p, class: 'personal' });
    await step(LEAD, 'progress', { id: p, note: '已买好灯泡', photos: [] });
    await step(LEAD, 'reclassify', { id: p, class: 'minor', reason: '整栋楼的灯都坏了' });
    const meeting = (await step(AREA, 'scheduleMeeting', { startsAt: clock.now() + DAY, place: '社区会议室' }, () => p)).meeting;
    await step(AREA, 'agendaDrop', { meetingId: meeting.id, problemId: p, reason: '先现场查看' }, () => p);
    await step(AREA, 'agendaAdd', { meetingId: meeting.id, problemId: p }, () => p);
    await step(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: p, decision: '物业本周内全部更换', outcome: 'resolve' }, () => p);
    await ok(AREA, 'publishMinutes', { meetingId: meeting.id });
    await step(RESIDENT, 'rate', { id: p, stars: 1, comment: '没换' });
    await step(ADMIN, 'accept', { id: p });
    // Reopened at the 社区 as a 小事: the 管理员 makes it a 大事 and hands it to a 部门.
    await step(ADMIN, 'reclassify', { id: p, class: 'major', reason: '需要部门协调' });
    await step(ADMIN, 'assign', { id: p, departmentId: 'dep2' });
    await step('dep2-staff', 'handBack', { id: p, reason: '不属于本局职责，应由住建局办理' });
    await step(ADMIN, 'assign', { id: p, departmentId: 'dep1' });
    await step(DEPT, 'progress', { id: p, note: '已派人查看' });
    await step(DEPT, 'resolve', { id: p, note: '已修复' });

    await step(LEAD, 'accept', { id: q });
    await step(LEAD, 'classify', { id: q, class: 'major' });
    await step(ADMIN, 'escalate', { id: q, to: 'street', note: '需要街道协调' });
    await step(GROUP, 'urge', { id: r, note: '尽快受理' });
    clock.advance(2 * DAY);
    await step(ADMIN, 'sweep', {}, () => r);
    clock.advance(8 * DAY);
    await step(ADMIN, 'sweep', {}, () => p); // 默认满意
    expect((await ok(RESIDENT, 'get', { id: p })).problem.status).toBe('closed');

    // Every action of the contract that touches a problem went through `step`.
    expect([...covered].sort()).toEqual(
      ['accept', 'agendaAdd', 'agendaDrop', 'assign', 'classify', 'escalate', 'handBack', 'progress', 'rate', 'reclassify', 'recordMinutes', 'resolve', 'scheduleMeeting', 'submit', 'submitForHousehold', 'sweep', 'urge'].sort(),
    );
  });
});
