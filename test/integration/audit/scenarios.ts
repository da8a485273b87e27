// One successful call of every audited action (contracts/audited.ts), each after the steps that
// make it possible, on a fresh demo 社区. test/integration/audit/log.test.ts runs each and looks
// for its entry; an audited action without a scenario here fails that test.
import type { ActionName, FunctionName } from '../../../contracts';
import type { AuditedAction } from '../../../contracts/audited';
import { memberKeyOf } from '../../../server/domain/household-join';
import { manualClock } from '../../../server/runtime/local-ports';
import type { LocalRuntime } from '../../../server/runtime/local';
import { demoRosterRows, rosterXlsx } from '../../fixtures/roster-xlsx';
import type { ActionInput, InputAt } from '../inputs';
import { uploadSheet } from '../perk-helpers';
import { demoRuntime, T0, uploadAs } from '../runtime';

export const ADMIN = 'demo-admin';
export const RESIDENT = 'demo-resident';
const LEAD = 'demo-neighbour-lead';
const AREA = 'demo-area-lead';
const DAY = 24 * 3600_000;

type Data = any;
export interface World {
  rt: LocalRuntime;
  clock: ReturnType<typeof manualClock>;
  /** Calls and expects success; the input is typed by the action's contract. */
  ok<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid: string): Promise<Data>;
}
/** What the entry must say beyond who, role, when and what: the record acted on and the ids before and after. */
export interface Expected {
  subject?: string;
  before: string[];
  after: string[];
  /** Where, beyond the 社区 (every scenario happens in the demo 社区 c1). */
  at?: Record<string, string>;
}
/** What the check sees: the audited call's input and reply, and what `prepare` kept. */
export interface Outcome {
  input: Record<string, any>;
  data: Data;
  kept: Record<string, any>;
}
export interface Scenario<A extends AuditedAction = AuditedAction> {
  /** Who makes the audited call. */
  as: string;
  /** The steps before it; returns the audited call's input (and may keep what the check needs in `kept`). */
  prepare(w: World, kept: Record<string, any>): Promise<InputAt<A>>;
  /** The entry expected, read from the store after the call where it names new records. */
  entry(w: World, o: Outcome): Expected | Promise<Expected>;
}

async function callOk(rt: LocalRuntime, fn: string, action: string, input: Record<string, unknown>, openid: string): Promise<Data> {
  const r = await rt.call(fn, { action, ...input }, openid);
  if (!r.ok) throw new Error(`${fn}.${action} as ${openid}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export function world(): World {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  return { rt, clock, ok: (fn: string, action: string, input: Record<string, unknown>, openid: string) => callOk(rt, fn, action, input, openid) };
}

/** 'audit-newcomer' names the demo resident's door (1栋1单元101, household h1): a request the family decides. */
async function joinRequest(w: World): Promise<string> {
  await w.ok('card', 'bind', { unitId: 'u1', building: '1栋1单元', room: '101', people: 2 }, 'audit-newcomer');
  return (await w.ok('household', 'mine', {}, RESIDENT)).household.requests[0].id;
}

const fixed = <A extends AuditedAction>(input: InputAt<A>, as: string, entry: Scenario['entry']): Scenario<A> => ({ as, prepare: async () => input, entry });
const none = { before: [], after: [] };
const node = async (w: World, id: string) => (await w.rt.store.collection('nodes').doc(id).get())!;
const leadOf = async (w: World, id: string) => (await node(w, id)).lead!.id;

async function problem(w: World, cls?: 'personal' | 'minor' | 'major'): Promise<string> {
  const { problem: p } = await w.ok('minqing', 'submit', { category: 'repair', description: '楼道灯坏了，晚上看不清' }, RESIDENT);
  if (cls) {
    await w.ok('minqing', 'accept', { id: p.id }, LEAD);
    await w.ok('minqing', 'classify', { id: p.id, class: cls }, LEAD);
  }
  return p.id;
}

async function campaign(w: World, phase: 'nominating' | 'voting' | 'ended'): Promise<string> {
  const windows = {
    nominating: { nominateFrom: T0 - DAY, nominateUntil: T0 + DAY, voteFrom: T0 + DAY, voteUntil: T0 + 3 * DAY },
    voting: { nominateFrom: T0 - 3 * DAY, nominateUntil: T0 - DAY, voteFrom: T0 - DAY, voteUntil: T0 + 3 * DAY },
    ended: { nominateFrom: T0 - 5 * DAY, nominateUntil: T0 - 3 * DAY, voteFrom: T0 - 3 * DAY, voteUntil: T0 - DAY },
  }[phase];
  const { campaign: c } = await w.ok(
    'vote',
    'save',
    { scopeNodeId: 'c1', title: '审计测试评选', description: '评选身边的好邻长。', ...windows, eligibility: 'anyone', perDay: 3, perCandidatePerDay: 1, minGapSeconds: 0, honorees: 1 },
    ADMIN,
  );
  return c.id;
}

async function notice(w: World): Promise<string> {
  const { notice: n } = await w.ok('notice', 'publish', { scopeId: 'u1', title: '停水通知', body: '明天上午 1 栋停水检修，请提前储水。' }, LEAD);
  return n.id;
}

const shopRow = {
  name: '向阳花店',
  category: '购物',
  address: '岳塘区向阳路10号',
  lat: '27.8591',
  lng: '112.9544',
  hours: '每天 08:00-20:00',
  phone: '0731-58109999',
  title: '鲜花九折',
  description: '鲜花九折，凭码使用',
  eligibility: '三长',
  validFrom: '2026-11-01',
  validTo: '2027-10-31',
  limit: '每月1次',
};

export const SCENARIOS: { [A in AuditedAction]: Scenario<A> } = {
  'account.claim': {
    as: 'audit-newcomer',
    prepare: async (w) => ({ code: (await w.ok('roster', 'invite', { nodeId: 'u3' }, ADMIN)).code }),
    entry: () => ({ subject: 'u3', before: [], after: ['neighbourLead@u3'], at: { unit: 'u3' } }),
  },
  'household.remove': fixed({}, RESIDENT, () => ({ subject: 'h1', before: [memberKeyOf('h1', RESIDENT)], after: [], at: { unit: 'u1' } })),
  'household.decide': {
    as: RESIDENT,
    async prepare(w, kept) {
      kept.requestId = await joinRequest(w);
      return { requestId: kept.requestId, approve: true };
    },
    entry: (_w, { kept }) => ({ subject: 'h1', before: [kept.requestId], after: [memberKeyOf('h1', 'audit-newcomer')] }),
  },
  'household.removeMember': {
    as: RESIDENT,
    async prepare(w) {
      await w.ok('household', 'decide', { requestId: await joinRequest(w), approve: true }, RESIDENT);
      return { member: memberKeyOf('h1', 'audit-newcomer') };
    },
    entry: () => ({ subject: 'h1', before: [memberKeyOf('h1', 'audit-newcomer')], after: [] }),
  },
  'minqing.addCategory': fixed({ label: '物业服务' }, ADMIN, (_w, { data }) => {
    const id = data.items.find((c: { label: string }) => c.label === '物业服务').id;
    return { subject: id, before: [], after: [id] };
  }),
  'minqing.removeCategory': {
    as: ADMIN,
    prepare: async (w) => ({ id: (await w.ok('minqing', 'addCategory', { label: '物业服务' }, ADMIN)).items.find((c: { label: string }) => c.label === '物业服务').id }),
    entry: (_w, { input }) => ({ subject: input.id, before: [input.id], after: [] }),
  },
  'minqing.setDeadlines': fixed({ deadlines: { acceptHours: 12, urgentAcceptHours: 2, personalDays: 3, minorDays: 7, majorDays: 15, confirmDays: 7 } }, ADMIN, () => ({ subject: 'c1', ...none })),
  // The 邻长 held it as 私事; as 小事 it goes to the 片长 (a1).
  'minqing.reclassify': {
    as: LEAD,
    prepare: async (w) => ({ id: await problem(w, 'personal'), class: 'minor', reason: '整栋楼的灯都坏了' }),
    entry: (_w, { input }) => ({ subject: input.id, before: ['u1'], after: ['a1'], at: { unit: 'u1' } }),
  },
  'minqing.assign': {
    as: ADMIN,
    prepare: async (w) => ({ id: await problem(w, 'major'), departmentId: 'dep1' }),
    entry: (_w, { input }) => ({ subject: input.id, before: ['c1'], after: ['dep1'] }),
  },
  'minqing.departmentInvite': fixed({ departmentId: 'dep2', label: '办事员小李' }, ADMIN, () => ({ subject: 'dep2', ...none })),
  'minqing.removeDepartmentStaff': {
    as: ADMIN,
    async prepare(w) {
      const { code } = await w.ok('minqing', 'departmentInvite', { departmentId: 'dep2' }, ADMIN);
      await w.ok('account', 'claim', { code }, 'audit-dept-staff');
      return { departmentId: 'dep2', code };
    },
    entry: () => ({ subject: 'dep2', before: ['audit-dept-staff'], after: [] }),
  },
  'minqing.handBack': {
    as: 'demo-department',
    async prepare(w) {
      const id = await problem(w, 'major');
      await w.ok('minqing', 'assign', { id, departmentId: 'dep1' }, ADMIN);
      return { id, reason: '不属于本部门职责' };
    },
    entry: (_w, { input }) => ({ subject: input.id, before: ['dep1'], after: ['c1'], at: { unit: 'u1' } }),
  },
  'minqing.escalate': {
    as: ADMIN,
    prepare: async (w) => ({ id: await problem(w, 'major'), to: 'street', note: '需要街道协调' }),
    entry: (_w, { input }) => ({ subject: input.id, before: ['c1'], after: ['s1'] }),
  },
  'minqing.agendaDrop': {
    as: AREA,
    async prepare(w) {
      const id = await problem(w, 'minor');
      const { meeting } = await w.ok('minqing', 'scheduleMeeting', { startsAt: T0 + DAY, place: '社区会议室' }, AREA);
      return { meetingId: meeting.id, problemId: id, reason: '先现场查看' };
    },
    entry: (_w, { input }) => ({ subject: input.problemId, before: [input.meetingId], after: [], at: { area: 'a1' } }),
  },
  'minqing.sweep': {
    as: ADMIN,
    async prepare(w, kept) {
      kept.id = await problem(w);
      w.clock.advance(3 * DAY);
      return {};
    },
    entry: (_w, { kept }) => ({ before: [], after: [kept.id] }),
  },
  'notice.update': {
    as: ADMIN,
    prepare: async (w) => ({ id: await notice(w), pinned: true }),
    entry: (_w, { input }) => ({ subject: input.id, ...none, at: { unit: 'u1' } }),
  },
  'notice.withdraw': {
    as: ADMIN,
    prepare: async (w) => ({ id: await notice(w) }),
    entry: (_w, { input }) => ({ subject: input.id, before: [input.id], after: [], at: { unit: 'u1' } }),
  },
  'perk.savePartner': fixed(
    { name: '向阳花店', category: 'shopping', address: '岳塘区向阳路10号', location: { lat: 27.8591, lng: 112.9544 }, hours: '每天 08:00-20:00', phone: '0731-58109999', scopeId: 'c1' },
    ADMIN,
    (_w, { data }) => ({ subject: data.partner.id, before: [], after: [data.partner.id] }),
  ),
  'perk.setPartnerStatus': fixed({ partnerId: 'p1', status: 'suspended' }, ADMIN, () => ({ subject: 'p1', ...none })),
  'perk.savePerk': fixed(
    {
      partnerId: 'p1',
      title: '新品尝鲜',
      description: '新菜上市，三长尝鲜价',
      eligibility: ['neighbourLead', 'groupLead', 'areaLead'],
      validFrom: Date.UTC(2026, 10, 30, 16),
      validTo: Date.UTC(2027, 0, 31, 16) - 1,
      limit: { count: 1, period: 'week' },
    },
    ADMIN,
    (_w, { data }) => ({ subject: data.perk.id, before: [], after: [data.perk.id] }),
  ),
  'perk.import': {
    as: ADMIN,
    prepare: async (w) => ({ fileId: await uploadSheet(w.rt, [shopRow]) }),
    async entry(w, { input }) {
      const [partner] = await w.rt.store.collection('partners').where({ name: '向阳花店' }).get();
      const [perk] = await w.rt.store.collection('perks').where({ partnerId: partner._id }).get();
      return { subject: input.fileId, before: [], after: [partner._id, perk._id] };
    },
  },
  'perk.clerkInvite': fixed({ partnerId: 'p1', label: '店员小王' }, ADMIN, () => ({ subject: 'p1', ...none })),
  'perk.removeClerk': {
    as: ADMIN,
    async prepare(w) {
      const { code } = await w.ok('perk', 'clerkInvite', { partnerId: 'p1' }, ADMIN);
      await w.ok('account', 'claim', { code }, 'audit-clerk');
      return { partnerId: 'p1', code };
    },
    entry: () => ({ subject: 'p1', before: ['audit-clerk'], after: [] }),
  },
  'perk.reverseRedemption': {
    as: 'demo-clerk',
    async prepare(w, kept) {
      const pass = await w.ok('perk', 'pass', { perkId: 'p1k1' }, LEAD);
      await w.ok('perk', 'verify', { token: pass.token }, 'demo-clerk');
      const { items } = await w.ok('perk', 'clerkRedemptions', {}, 'demo-clerk');
      kept.id = items[0].id;
      return { redemptionId: items[0].id, reason: '误核销了别人的优惠码' };
    },
    entry: (_w, { kept }) => ({ subject: kept.id, before: [kept.id], after: [] }),
  },
  'register.appoint': {
    as: ADMIN,
    async prepare(w, kept) {
      kept.lead = await leadOf(w, 'u3');
      return { unitId: 'u3', name: '郑指定', phone: '13900006666' };
    },
    entry: async (w, { kept }) => ({ subject: 'u3', before: [kept.lead], after: [await leadOf(w, 'u3')], at: { unit: 'u3' } }),
  },
  'register.review': {
    as: ADMIN,
    async prepare(w, kept) {
      kept.lead = (await node(w, 'u7')).lead?.id;
      const { application } = await w.ok('register', 'apply', { unitId: 'u7', name: '周自荐', phone: '13900005555', story: '退休教师，愿意为邻居服务。' }, RESIDENT);
      return { id: application.id, approve: true };
    },
    entry: async (w, { input, kept }) => ({ subject: input.id, before: kept.lead ? [kept.lead] : [], after: [await leadOf(w, 'u7')], at: { unit: 'u7' } }),
  },
  // The first row gives its 邻 a new 邻长: the one replaced, and the one appointed.
  'roster.import': {
    as: ADMIN,
    async prepare(w, kept) {
      const rows = demoRosterRows();
      rows[0] = { ...rows[0], unitLeadName: '郑新任', unitLeadPhone: '13900008888' };
      const [unit] = await w.rt.store.collection('nodes').where({ level: 'unit', name: rows[0].unit }).get();
      kept.unit = unit._id;
      kept.lead = unit.lead!.id;
      return { fileId: await uploadAs(w.rt, ADMIN, 'sheet', await rosterXlsx(rows)) };
    },
    entry: async (w, { input, kept }) => ({ subject: input.fileId, before: [kept.lead], after: [await leadOf(w, kept.unit)] }),
  },
  'roster.markAway': fixed({ nodeId: 'u3', status: 'away', reason: '外出务工两个月' }, ADMIN, async (w) => ({ subject: 'u3', before: [await leadOf(w, 'u3')], after: [], at: { unit: 'u3' } })),
  'roster.markBack': {
    as: ADMIN,
    async prepare(w) {
      await w.ok('roster', 'markAway', { nodeId: 'u3', status: 'away', reason: '外出务工两个月' }, ADMIN);
      return { nodeId: 'u3' };
    },
    entry: async (w) => ({ subject: 'u3', before: [], after: [await leadOf(w, 'u3')], at: { unit: 'u3' } }),
  },
  'roster.succeed': {
    as: ADMIN,
    async prepare(w, kept) {
      kept.lead = await leadOf(w, 'u3');
      return { nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出务工' };
    },
    entry: (_w, { data, kept }) => ({ subject: 'u3', before: [kept.lead], after: [data.leadId], at: { unit: 'u3' } }),
  },
  'roster.setPhoto': {
    as: ADMIN,
    prepare: async (w) => ({ nodeId: 'u3', fileId: await uploadAs(w.rt, ADMIN, 'photo') }),
    entry: async (w) => ({ subject: 'u3', before: [], after: [(await node(w, 'u3')).lead!.photo!], at: { unit: 'u3' } }),
  },
  'roster.invite': fixed({ nodeId: 'u3' }, ADMIN, () => ({ subject: 'u3', ...none, at: { unit: 'u3' } })),
  'vote.save': fixed(
    { scopeNodeId: 'c1', title: '最美邻长评选', description: '评选身边的好邻长', nominateFrom: T0 + DAY, nominateUntil: T0 + 2 * DAY, voteFrom: T0 + 2 * DAY, voteUntil: T0 + 3 * DAY },
    ADMIN,
    (_w, { data }) => ({ subject: data.campaign.id, before: [], after: [data.campaign.id] }),
  ),
  'vote.nominate': {
    as: ADMIN,
    prepare: async (w) => ({ campaignId: await campaign(w, 'nominating'), unitId: 'u2', story: '社区推荐：服务热情，群众口碑好。' }),
    entry: (_w, { data }) => ({ subject: data.nomination.id, before: [], after: [data.nomination.id], at: { unit: 'u2' } }),
  },
  'vote.review': {
    as: ADMIN,
    async prepare(w) {
      const campaignId = await campaign(w, 'nominating');
      const { nomination } = await w.ok('vote', 'recommend', { campaignId, unitId: 'u2', story: '吴阿姨常年帮邻居收快递，大家都信任她。' }, RESIDENT);
      return { candidateId: nomination.id, approve: true };
    },
    entry: (_w, { input }) => ({ subject: input.candidateId, ...none }),
  },
  'vote.void': {
    as: ADMIN,
    async prepare(w) {
      const campaignId = await campaign(w, 'voting');
      const { nomination } = await w.ok('vote', 'nominate', { campaignId, unitId: 'u2', story: '社区推荐：服务热情，群众口碑好。' }, ADMIN);
      await w.ok('vote', 'cast', { campaignId, candidateId: nomination.id, requestId: 'audit-request-1' }, 'audit-voter');
      return { campaignId, target: { kind: 'voter', voter: 'audit-voter' }, reason: '核实为重复注册的账号' };
    },
    async entry(w, { input, data }) {
      const votes = await w.rt.store.collection('votes').where({ campaignId: input.campaignId, valid: false }).get();
      expect(votes).toHaveLength(1);
      return { subject: input.campaignId, before: [votes[0]._id], after: [data.audit.id] };
    },
  },
  'vote.confirm': {
    as: ADMIN,
    async prepare(w) {
      w.clock.set(T0 - 4 * DAY);
      const campaignId = await campaign(w, 'ended');
      const { nomination } = await w.ok('vote', 'nominate', { campaignId, unitId: 'u2', story: '社区推荐：服务热情，群众口碑好。' }, ADMIN);
      w.clock.set(T0);
      return { campaignId, honorees: [nomination.id], reason: '唯一候选人' };
    },
    entry: (_w, { input }) => ({ subject: input.campaignId, before: [], after: input.honorees }),
  },
  'privacy.erase': fixed({ confirm: true }, RESIDENT, () => ({ subject: 'h1', before: ['h1'], after: [], at: { unit: 'u1' } })),
};

/** Prepares a scenario and makes its audited call, as its caller; throws unless it succeeds. */
export async function perform(w: World, name: AuditedAction): Promise<Data> {
  const [fn, action] = name.split('.');
  return callOk(w.rt, fn, action, await SCENARIOS[name].prepare(w, {}), SCENARIOS[name].as);
}
