// 民情 in the demo: the district's 部门 (区直单位 that take 大事) with one 部门 account, and
// for `npm start` a living loop — a few problems in several states and a 民情恳谈会 — made
// by running the real handlers as the demo users over the past days.
import type { UserDoc } from '../domain/users';
import type { Clock, Ports } from '../core/ports';
import { dispatch } from '../core/router';
import { minqingFunction } from '../features/minqing/handlers';
import type { DepartmentDoc } from '../features/minqing/docs';
import { localChecker, MemoryNotifier } from '../runtime/local-ports';
import type { Store } from '../store/port';

/** 岳塘区's 区直单位 that 大事 most often go to (19 in all; these are enough for the demo). */
export const DEMO_DEPARTMENTS = [
  '区住房和城乡建设局',
  '区城市管理和综合执法局',
  '区民政局',
  '区卫生健康局',
  '区市场监督管理局',
  '区应急管理局',
  '区人力资源和社会保障局',
  '区教育局',
];

export const DEMO_DEPARTMENT_OPENID = 'demo-department';

export function buildMinqingSeed(now: number, districtId: string): { departments: DepartmentDoc[]; users: UserDoc[] } {
  const departments = DEMO_DEPARTMENTS.map((name, i) => ({ _id: `dep${i + 1}`, name, at: { district: districtId }, order: i + 1 }));
  const users: UserDoc[] = [
    {
      _id: DEMO_DEPARTMENT_OPENID,
      name: '住建局办事员小刘',
      grants: [{ role: 'department', nodeId: departments[0]._id, nodeName: departments[0].name, level: 'department' }],
      createdAt: now,
    },
  ];
  return { departments, users };
}

const DAY = 24 * 3600_000;

/**
 * The demo's loop, told by the handlers themselves (so counters, timelines and 消息 are what
 * they would be): one problem per state, a 小事 on a scheduled meeting, a 大事 at a 部门.
 */
export async function seedMinqingStory(store: Store, now: number, ports: Omit<Ports, 'store' | 'clock' | 'checker' | 'notifier'>): Promise<void> {
  let t = now - 6 * DAY;
  const clock: Clock = { now: () => t };
  const all: Ports = { ...ports, store, clock, checker: localChecker, notifier: new MemoryNotifier(store, clock) };
  const call = async (openid: string, event: Record<string, unknown>) => {
    const r = await dispatch(minqingFunction, event, all, { openid }, () => undefined);
    if (!r.ok) throw new Error(`demo minqing ${String(event.action)}: ${r.error.message}`);
    return r.data as { problem: { id: string } } & Record<string, unknown>;
  };
  const resident = 'demo-resident';
  const lead = 'demo-neighbour-lead';
  const report = (description: string, category: string, extra: Record<string, unknown> = {}) =>
    call(resident, { action: 'submit', category, description, ...extra }).then((r) => r.problem.id);

  // 私事, resolved and rated.
  const light = await report('楼道灯坏了，晚上上下楼看不清', 'repair');
  t += 2 * 3600_000;
  await call(lead, { action: 'accept', id: light, note: '收到，今天下班后去看' });
  await call(lead, { action: 'classify', id: light, class: 'personal' });
  t += 6 * 3600_000;
  await call(lead, { action: 'resolve', id: light, note: '已更换声控灯泡' });
  t += 3600_000;
  await call(resident, { action: 'rate', id: light, stars: 5, comment: '邻长很负责，谢谢' });

  // 小事 at the 片长, on the next meeting's agenda.
  t = now - 4 * DAY;
  const parking = await report('小区门口电动车乱停，消防通道被堵', 'safety');
  t += 3600_000;
  await call(lead, { action: 'accept', id: parking });
  await call(lead, { action: 'classify', id: parking, class: 'minor', note: '涉及全片，需要片里统一商量' });
  t += 3600_000;
  await call('demo-area-lead', { action: 'scheduleMeeting', startsAt: now + 2 * DAY, place: '社区党群服务中心二楼会议室', invitees: ['各组组长', '各邻邻长', '居民代表'] });

  // 大事 handed to a 部门.
  t = now - 3 * DAY;
  const roof = await report('顶楼屋面漏水，下雨天天花板滴水', 'repair', { urgent: false });
  t += 3600_000;
  await call(lead, { action: 'accept', id: roof });
  await call(lead, { action: 'classify', id: roof, class: 'major', note: '需要维修基金，报社区' });
  t += 3600_000;
  await call('demo-admin', { action: 'assign', id: roof, departmentId: 'dep1', note: '请协调维修资金' });
  t += DAY;
  await call(DEMO_DEPARTMENT_OPENID, { action: 'progress', id: roof, note: '已派人查看，正在走维修基金申请流程' });

  // Waiting for the 邻长 to accept (a resident's fresh report).
  t = now - 2 * 3600_000;
  await report('垃圾分类点周末没人清运，有异味', 'environment');
}
