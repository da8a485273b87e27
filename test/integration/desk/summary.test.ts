// desk.summary: the 工作台's figures come from counters kept on write, and they match the
// records they stand for (counted here by scanning, which the handler never does).
import { manualClock } from '../../../server/runtime/local-ports';
import { demoRuntime, T0 } from '../runtime';

const ADMIN = 'demo-admin';
const AREA = 'demo-area-lead';
const LEAD = 'demo-neighbour-lead';
const RESIDENT = 'demo-resident';
const HOUR = 3600_000;
type Data = Record<string, any>;

function setup() {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  const ok = async (openid: string, fn: string, action: string, input: Record<string, unknown> = {}): Promise<Data> => {
    const r = await rt.call(fn, { action, ...input }, openid);
    if (!r.ok) throw new Error(`${fn}.${action} as ${openid}: ${r.error.code} ${r.error.message}`);
    return r.data as Data;
  };
  return { rt, clock, ok, summary: (openid = ADMIN, input: Record<string, unknown> = {}) => ok(openid, 'desk', 'summary', input) };
}

describe('desk.summary', () => {
  it('shows the demo 社区 as seeded: coverage, 三长 seats, its 片', async () => {
    const { summary } = setup();
    const s = await summary();
    expect(s.node).toEqual({ id: 'c1', name: '幸福里社区', level: 'community' });
    expect(s.period).toEqual({ kind: 'month', months: ['202611'], title: '2026年11月' });
    expect(s.coverage).toMatchObject({ households: 400, bound: 1, coverageRate: 0.003 });
    expect(s.leads).toEqual({
      area: { seats: 3, filled: 3, vacant: 0, away: 0 },
      group: { seats: 9, filled: 9, vacant: 0, away: 0 },
      unit: { seats: 30, filled: 30, vacant: 0, away: 0 },
    });
    expect(s.children.map((c: Data) => c.id)).toEqual(['a1', 'a2', 'a3']);
    expect(s.trend).toHaveLength(12);
    expect(s.trend[11].month).toBe('202611');
  });

  it('counts the closed loop, by class, category and 片, and its overdue count is exactly minqing.list’s', async () => {
    const { rt, clock, ok, summary } = setup();
    const mq = (openid: string, action: string, input: Record<string, unknown> = {}) => ok(openid, 'minqing', action, input);
    const a = (await mq(RESIDENT, 'submit', { category: 'repair', description: '楼道灯坏了' })).problem.id;
    const b = (await mq(RESIDENT, 'submit', { category: 'environment', description: '门口垃圾没人清' })).problem.id;
    await mq(LEAD, 'accept', { id: a });
    await mq(LEAD, 'classify', { id: a, class: 'personal' });
    clock.advance(5 * HOUR);
    await mq(LEAD, 'resolve', { id: a, note: '已换好灯泡' });
    await mq(RESIDENT, 'rate', { id: a, stars: 5 });
    // b is never accepted: past 24 hours the sweep marks it overdue.
    clock.advance(30 * HOUR);
    await mq(ADMIN, 'sweep');
    await ok(LEAD, 'ledger', 'visit', { householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: true });

    const s = await summary();
    expect(s.problems).toMatchObject({ received: 2, accepted: 1, acceptedInTime: 1, resolved: 1, resolvedInTime: 1, rated: 1, satisfied: 1, open: 1, overdue: 1 });
    expect(s.problems.responseRate).toBe(0.5);
    expect(s.problems.satisfactionRate).toBe(1);
    expect(s.problems.avgResolveHours).toBe(5);
    expect(s.byClass.find((c: Data) => c.id === 'personal')).toMatchObject({ resolved: 1, rated: 1, satisfied: 1, satisfactionRate: 1 });
    expect(s.byCategory.find((c: Data) => c.id === 'repair')).toMatchObject({ received: 1, resolved: 1, satisfactionRate: 1 });
    expect(s.byCategory.find((c: Data) => c.id === 'environment')).toMatchObject({ received: 1, resolved: 0, satisfactionRate: null });
    expect(s.children.find((c: Data) => c.id === 'a1').problems).toEqual({ received: 2, resolved: 1, overdue: 1, satisfactionRate: 1 });
    expect(s.children.find((c: Data) => c.id === 'a2').problems).toEqual({ received: 0, resolved: 0, overdue: 0, satisfactionRate: null });
    expect(s.visits).toEqual({ visits: 1, complete: 1 });
    expect(s.trend[11]).toMatchObject({ month: '202611', received: 2, resolved: 1, visits: 1 });

    // The number behind 超时 is the list behind it: the same problems, and what a scan counts.
    const list = await mq(ADMIN, 'list', { overdue: true, pageSize: 50 });
    expect(list.total).toBe(s.problems.overdue);
    expect(list.items.map((p: Data) => p.id)).toEqual([b]);
    const scanned = (await rt.store.collection('problems').where({ 'at.community': 'c1' }).limit(100).get()).filter((p) => p.box === 'open');
    expect(scanned.length).toBe(s.problems.open);
    expect(scanned.filter((p) => p.overdue).length).toBe(s.problems.overdue);

    // A month later the events belong to their own month; the state now stays.
    clock.advance(31 * 24 * HOUR);
    const next = await summary();
    expect(next.period.months).toEqual(['202612']);
    expect(next.problems).toMatchObject({ received: 0, resolved: 0, open: 1 });
    expect(next.trend.slice(-2).map((t: Data) => t.received)).toEqual([2, 0]);
    const back = await summary(ADMIN, { month: '202611' });
    expect(back.problems.received).toBe(2);
  });

  it('keeps 三长 vacancies and 外出 as they change', async () => {
    const { ok, summary } = setup();
    await ok(ADMIN, 'roster', 'markAway', { nodeId: 'u3', status: 'away', reason: '外出务工两个月' });
    await ok(ADMIN, 'roster', 'markAway', { nodeId: 'g2', status: 'unable', reason: '住院治疗' });
    let s = await summary();
    expect(s.leads.unit).toEqual({ seats: 30, filled: 30, vacant: 0, away: 1 });
    expect(s.leads.group).toEqual({ seats: 9, filled: 9, vacant: 0, away: 1 });
    await ok(ADMIN, 'roster', 'succeed', { nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出务工' });
    await ok(ADMIN, 'roster', 'markBack', { nodeId: 'g2' });
    s = await summary();
    expect(s.leads.unit.away).toBe(0);
    expect(s.leads.group.away).toBe(0);
    const a1 = s.children.find((c: Data) => c.id === 'a1');
    expect(a1).toMatchObject({ leadsVacant: 0, leadsAway: 0 });
  });

  it('gives a 片长 their 片 (by 组) and nothing above it', async () => {
    const { rt, summary } = setup();
    const s = await summary(AREA);
    expect(s.node.id).toBe('a1');
    expect(s.children.every((c: Data) => c.level === 'group' && c.problems === null)).toBe(true);
    expect(s.leads.area).toEqual({ seats: 1, filled: 1, vacant: 0, away: 0 });
    const up = await rt.call('desk', { action: 'summary', nodeId: 'c1' }, AREA);
    expect(up).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const other = await rt.call('desk', { action: 'summary', nodeId: 'a2' }, AREA);
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
