// desk.summary: the 工作台 of a node (a 管理员's 社区, 镇街 or 区, or a 片长's 片) for a period,
// from the maintained counters: the node (1 read), its children (1), the 民情 and 工作台
// counters (1 each per 100 ids), the 社区's own categories (1, at a 社区) and its latest
// campaigns (1, plus their candidates). The same reads at one 社区 or at 岳塘's scale.
import { DESK_ROLES, type SummaryT } from '../../../contracts/desk';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, PROBLEM_CLASSES, PROBLEM_CLASS_LABELS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { deskMonth, deskNow, Figures, mqAll, mqMonth, ratio } from './figures';
import { trendMonths, type Period } from './period';

const DESK_LEVELS = ['district', 'street', 'community', 'area', 'group'];
const PROBLEM_LEVELS = ['district', 'street', 'community', 'area'];
const SEATS = ['area', 'group', 'unit'] as const;
const HOUR = 3600_000;

/** The node a caller's 工作台 shows: the one asked for, within their grant, or their grant's own. */
export async function deskNode(ctx: Ctx, nodeId: string | undefined): Promise<NodeDoc> {
  const grants = (await grantsOf(ctx, DESK_ROLES)).filter((g) => g.level !== 'partner' && g.level !== 'department');
  const id = nodeId ?? grants[0]?.nodeId;
  if (!id) throw new AppError('FORBIDDEN', '工作台只对管理员和片长开放');
  const node = await getNode(ctx.store, id);
  if (!DESK_LEVELS.includes(node.level)) throw new AppError('INVALID_INPUT', '请选择区、镇街、社区、片或组');
  await requireScope(ctx, node.at, DESK_ROLES);
  return node;
}

async function categoryLabels(ctx: Ctx, node: NodeDoc): Promise<Map<string, string>> {
  const labels = new Map<string, string>(PROBLEM_CATEGORIES.map((c) => [c, PROBLEM_CATEGORY_LABELS[c]]));
  const community = node.at.community;
  if (community) {
    const cfg = await ctx.store.collection('mqconfig').doc(community).get();
    for (const c of cfg?.categories ?? []) labels.set(c.id, c.label);
  }
  return labels;
}

function stageOf(c: { nominateFrom: number; voteFrom: number; voteUntil: number; results?: unknown }, now: number): string {
  if (c.results) return '已公布结果';
  if (now < c.nominateFrom) return '未开始';
  if (now < c.voteFrom) return '自荐推荐中';
  if (now <= c.voteUntil) return '投票中';
  return '投票已结束';
}

async function campaignsOf(ctx: Ctx, node: NodeDoc, now: number): Promise<SummaryT['campaigns']> {
  const campaigns = await ctx.store.collection('campaigns').where({ [`at.${node.level}`]: node._id }).orderBy('createdAt', 'desc').limit(3).get();
  return Promise.all(
    campaigns.map(async (c) => {
      // At most 500 candidates a campaign: their vote counters, 100 a read.
      let votes = 0;
      for (let skip = 0; skip < 500; skip += 100) {
        const page = await ctx.store.collection('candidates').where({ campaignId: c._id, status: 'approved' }).field(['votes']).orderBy('_id', 'asc').skip(skip).limit(100).get();
        votes += page.reduce((n, k) => n + (k.votes ?? 0), 0);
        if (page.length < 100) break;
      }
      return { id: c._id, title: c.title, stage: stageOf(c, now), candidates: c.approvedCount, votes };
    }),
  );
}

export async function summaryOf(ctx: Ctx, node: NodeDoc, period: Period): Promise<SummaryT> {
  const now = ctx.clock.now();
  const trend = trendMonths(period);
  const months = period.months;
  const children = await ctx.store.collection('nodes').where({ parentId: node._id }).orderBy('order', 'asc').limit(100).get();
  const problemsBelow = PROBLEM_LEVELS.includes(node.level);
  const childProblems = (c: NodeDoc) => PROBLEM_LEVELS.includes(c.level);

  const mqIds = [
    ...(problemsBelow ? [mqAll(node._id), ...trend.map((m) => mqMonth(node._id, m))] : []),
    ...children.filter(childProblems).flatMap((c) => [mqAll(c._id), ...months.map((m) => mqMonth(c._id, m))]),
  ];
  const deskIds = [deskNow(node._id), ...trend.map((m) => deskMonth(node._id, m)), ...children.flatMap((c) => [deskNow(c._id), ...months.map((m) => deskMonth(c._id, m))])];
  const [f, labels, campaigns] = await Promise.all([Figures.read(ctx, mqIds, deskIds), categoryLabels(ctx, node), campaignsOf(ctx, node, now)]);

  const inPeriod = (id: string) => months.map((m) => mqMonth(id, m));
  const own = inPeriod(node._id);
  const mq = (field: string) => f.mqSum(own, field);
  const state = (id: string) => ({
    open: Math.max(0, f.mqSum([mqAll(id)], 'received') - f.mqSum([mqAll(id)], 'reopened') - f.mqSum([mqAll(id)], 'done')),
    overdue: Math.max(0, f.mqSum([mqAll(id)], 'overdue')),
  });
  const resolved = mq('resolved');
  const problems = {
    received: mq('received'),
    accepted: mq('accepted'),
    acceptedInTime: mq('acceptedInTime'),
    resolved,
    resolvedInTime: mq('resolvedInTime'),
    rated: mq('rated'),
    satisfied: mq('satisfied'),
    responseRate: ratio(mq('acceptedInTime'), mq('received')),
    onTimeRate: ratio(mq('resolvedInTime'), resolved),
    satisfactionRate: ratio(mq('satisfied'), mq('rated')),
    avgResolveHours: resolved > 0 ? Math.round((mq('resolveMs') / resolved / HOUR) * 10) / 10 : null,
    ...state(node._id),
  };
  const breakdown = (kind: 'cls' | 'cat', id: string, label: string) => {
    const g = (field: string) => f.mqSum(own, `${kind}.${id}.${field}`);
    return { id, label, received: g('received'), resolved: g('resolved'), rated: g('rated'), satisfied: g('satisfied'), satisfactionRate: ratio(g('satisfied'), g('rated')) };
  };
  const catIds = [...new Set([...PROBLEM_CATEGORIES, ...f.mqKeys(own, 'cat')])];

  const deskPeriod = (id: string, field: string) => f.deskSum(months.map((m) => deskMonth(id, m)), field);
  const seats = (id: string, level: (typeof SEATS)[number]) => {
    const s = f.deskSum([deskNow(id)], `leads.${level}.seats`);
    const filled = f.deskSum([deskNow(id)], `leads.${level}.filled`);
    return { seats: s, filled, vacant: Math.max(0, s - filled), away: f.deskSum([deskNow(id)], `leads.${level}.away`) };
  };
  const seatsOrNull = (level: 'area' | 'group') => {
    const s = seats(node._id, level);
    return s.seats > 0 ? s : null;
  };

  return {
    node: { id: node._id, name: node.name, level: node.level },
    period,
    coverage: { ...node.stats, coverageRate: ratio(node.stats.bound, node.stats.households) },
    leads: { area: seatsOrNull('area'), group: seatsOrNull('group'), unit: seats(node._id, 'unit') },
    visits: { visits: deskPeriod(node._id, 'visits'), complete: deskPeriod(node._id, 'visitsComplete') },
    problems,
    byClass: PROBLEM_CLASSES.map((c) => breakdown('cls', c, PROBLEM_CLASS_LABELS[c])),
    byCategory: catIds.map((c) => breakdown('cat', c, labels.get(c) ?? '社区自设类别')),
    meetings: mq('meetings'),
    redeemed: deskPeriod(node._id, 'redeemed'),
    campaigns,
    children: children.map((c) => {
      const vacant = SEATS.reduce((n, l) => n + seats(c._id, l).vacant, 0);
      const away = SEATS.reduce((n, l) => n + seats(c._id, l).away, 0);
      const ids = inPeriod(c._id);
      return {
        id: c._id,
        name: c.name,
        level: c.level,
        households: c.stats.households,
        bound: c.stats.bound,
        coverageRate: ratio(c.stats.bound, c.stats.households),
        visits: deskPeriod(c._id, 'visits'),
        leadsVacant: vacant,
        leadsAway: away,
        problems: childProblems(c)
          ? {
              received: f.mqSum(ids, 'received'),
              resolved: f.mqSum(ids, 'resolved'),
              overdue: state(c._id).overdue,
              satisfactionRate: ratio(f.mqSum(ids, 'satisfied'), f.mqSum(ids, 'rated')),
            }
          : null,
      };
    }),
    trend: trend.map((m) => {
      const id = [mqMonth(node._id, m)];
      return {
        month: m,
        received: f.mqSum(id, 'received'),
        resolved: f.mqSum(id, 'resolved'),
        visits: f.deskSum([deskMonth(node._id, m)], 'visits'),
        satisfactionRate: ratio(f.mqSum(id, 'satisfied'), f.mqSum(id, 'rated')),
      };
    }),
  };
}
