// Reporting a problem: a resident (their household's 邻, or the card they scanned), or a
// 邻长 on a 五个一 visit for a household (linked to the visit in the 居民信息账).
// Bounded cost: a report reads 4 documents (the caller, the rate-limit window — none when it is
// new —, the 邻, the 社区's settings) and writes 5 (the problem, its first timeline entry, the
// holder's counter, the roll-up counters in one write, the rate-limit window), plus, when it
// is 紧急, a 消息 to each lead of the chain (邻长, 组长, 片长) and each 管理员 of the 社区.
import type { z } from 'zod';
import type { minqing, ProblemDraftT } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { rateLimit } from '../../core/rate-limit';
import { addressOf, type NodeDoc } from '../../domain/docs';
import { getNode } from '../../domain/nodes';
import { requireScope } from '../../domain/scope';
import { requireOwnedFiles } from '../../domain/uploads';
import type { VisitDoc } from '../../domain/docs';
import { applyDeltas, detailed, handlerId, merge, monthIds, rollupIds } from './counters';
import { acceptDue, categoryLabel, deadlinesOf, loadConfig } from './config';
import { createdKey, dueKey, keyOf, type Holder, type ProblemDoc, type TimelineDoc } from './docs';
import { problemNumber, randomId } from './ids';
import { deliver, type Message } from './notify';
import { actorOf, appendEntries, derive, type Actor } from './problem';
import { firstHolder } from './routing';

export const REPORTS_PER_HOUR = 10;

export async function checkText(ctx: Ctx, text: string | undefined, what: string): Promise<void> {
  if (!text) return;
  const verdict = await ctx.checker.checkText(text, { openid: ctx.openid(), scene: 2 });
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${what}含有不适宜的内容（${verdict.label}），请修改后再提交`);
}

export async function checkDraft(ctx: Ctx, d: ProblemDraftT): Promise<void> {
  await checkText(ctx, d.description, '问题描述');
  await checkText(ctx, d.place, '地点');
  await checkText(ctx, d.point?.name, '地点');
  await requireOwnedFiles(ctx, d.photos ?? [], 'photo'); // the reporter's own uploads only
}

interface Reporter {
  by: string | null;
  name: string;
  phone?: string;
  householdId?: string;
  place: string;
  onBehalf?: { openid: string; name: string };
  visitId?: string;
}

const routedNote = (unit: NodeDoc, h: Holder) =>
  h.level === 'unit' ? undefined : unit.lead ? '本邻邻长暂不在岗，已转上一级办理' : '本邻暂无邻长，已转上一级办理';

/** Writes one problem; returns it (as stored). */
async function create(ctx: Ctx, unit: NodeDoc, d: ProblemDraftT, who: Reporter, actor: Actor): Promise<{ p: ProblemDoc; holder: Holder; timeline: TimelineDoc[] }> {
  const now = ctx.clock.now();
  const cfg = await loadConfig(ctx.store, unit.at.community as string);
  const label = categoryLabel(cfg, d.category);
  const holder = await firstHolder(ctx.store, unit);
  const id = randomId('p', now);
  const p = derive(
    {
      _id: id,
      number: problemNumber(id, now),
      at: unit.at,
      unitId: unit._id,
      unitName: unit.name,
      areaName: unit.chain?.area.name ?? '',
      ...(who.householdId ? { householdId: who.householdId } : {}),
      by: who.by,
      reporterName: who.name,
      ...(d.contactConsent && who.phone ? { reporterPhone: who.phone } : {}),
      ...(who.onBehalf ? { onBehalf: who.onBehalf } : {}),
      ...(who.visitId ? { visitId: who.visitId } : {}),
      category: d.category,
      categoryLabel: label,
      description: d.description,
      photos: d.photos,
      place: d.place || who.place,
      ...(d.point ? { point: d.point } : {}),
      urgent: d.urgent,
      anonymous: d.anonymous,
      contactConsent: d.contactConsent,
      class: null,
      status: 'pending',
      holder,
      hk: keyOf(holder),
      wk: null,
      chain: [],
      box: 'open',
      acceptDueAt: acceptDue(deadlinesOf(cfg), now, d.urgent),
      resolveDueAt: null,
      dueAt: null,
      overdue: false,
      createdAt: now,
      updatedAt: now,
      ck: createdKey(now, id),
      dk: dueKey(null, id),
      rev: 0,
    },
    now,
  );
  await ctx.store.collection('problems').add(p);
  const timeline = await appendEntries(null, ctx, id, actor, [{ kind: 'submitted', note: routedNote(unit, holder), to: { level: holder.level, name: holder.name } }], now, 0);
  const counters = merge(new Map(), [handlerId(p.hk)], { pending: 1, received: 1 });
  merge(counters, [...rollupIds(p), ...monthIds(p, now)], detailed(p, { received: 1 }));
  await applyDeltas(ctx.store, counters);
  if (p.urgent) await deliver(ctx, await urgentMessages(ctx, unit, p));
  return { p, holder, timeline };
}

/** 紧急: the 邻长, 组长 and 片长 of the 邻 and the 社区's 管理员 hear of it at once (whoever holds it). */
async function urgentMessages(ctx: Ctx, unit: NodeDoc, p: ProblemDoc): Promise<Message[]> {
  const ids = [unit.at.group, unit.at.area, unit.at.community].filter((x): x is string => !!x);
  const above = await Promise.all(ids.map((i) => getNode(ctx.store, i).catch(() => null)));
  const leads = [unit, ...above].map((n) => n?.lead?.openid).filter((o): o is string => !!o);
  const admins = above.find((n) => n?.level === 'community')?.admins ?? [];
  // The reporter (a 三长 reporting their own 邻's problem) needs no word of it.
  return [...new Set([...leads, ...admins])].filter((o) => o !== p.by).map((openid) => ({
    openid,
    problemId: p._id,
    number: p.number,
    title: `紧急反映 ${p.number}：请在${Math.round((p.acceptDueAt - p.createdAt) / 3600_000)}小时内受理`,
    body: `${p.unitName} ${p.place}｜${[...p.description].slice(0, 30).join('')}`,
    status: '紧急',
  }));
}

type SubmitInput = z.output<(typeof minqing)['submit']['input']>;

export async function submit(ctx: Ctx, input: SubmitInput) {
  const openid = ctx.openid();
  await checkDraft(ctx, input);
  const user = await ctx.user();
  const home = user?.household;
  const unitId = input.unitId ?? home?.unitId;
  if (!unitId) throw new AppError('INVALID_INPUT', '请先扫描邻长联系卡或绑定住户，再反映问题');
  await rateLimit(ctx, `mq-submit:${openid}`, REPORTS_PER_HOUR, 3600_000, '反映太频繁，请稍后再试');
  const unit = await getNode(ctx.store, unitId, ['unit']);
  const atHome = home && home.unitId === unit._id;
  const who: Reporter = {
    by: openid,
    name: user?.name || '居民',
    phone: user?.phone,
    ...(atHome ? { householdId: home.id } : {}),
    place: atHome ? home.address : (unit.buildings ?? []).join('、') || unit.name,
  };
  const actor: Actor = { openid, name: who.name, role: 'resident', roleLabel: '居民' };
  // Its timeline is the one entry just written: the reply needs no read of it.
  const { p, timeline } = await create(ctx, unit, input, who, actor);
  return { p, timeline };
}

type ForHouseholdInput = z.output<(typeof minqing)['submitForHousehold']['input']>;

export async function submitForHousehold(ctx: Ctx, input: ForHouseholdInput): Promise<ProblemDoc[]> {
  const openid = ctx.openid();
  const h = await ctx.store.collection('households').doc(input.householdId).get();
  if (!h) throw new AppError('NOT_FOUND', '没有找到这户');
  const grant = await requireScope(ctx, { unit: h.unitId }, ['neighbourLead'], '只有本邻的邻长能为住户登记问题');
  for (const d of input.problems) await checkDraft(ctx, d);
  let visit: VisitDoc | null = null;
  if (input.visitId) {
    visit = await ctx.store.collection('visits').doc(input.visitId).get();
    if (!visit || visit.householdId !== h._id) throw new AppError('NOT_FOUND', '没有找到这次走访');
  }
  const unit = await getNode(ctx.store, h.unitId, ['unit']);
  const actor = await actorOf(ctx, grant);
  const who: Reporter = {
    by: h.members[0] ?? null,
    name: `${addressOf(h)}住户`,
    phone: h.phone,
    householdId: h._id,
    place: addressOf(h),
    onBehalf: { openid, name: actor.name },
    ...(visit ? { visitId: visit._id } : {}),
  };
  const out: ProblemDoc[] = [];
  for (const d of input.problems) out.push((await create(ctx, unit, d, who, actor)).p);
  if (visit) {
    const ids = [...(visit.problemIds ?? []), ...out.map((p) => p._id)];
    await ctx.store.collection('visits').doc(visit._id).update({ problemIds: ids });
  }
  return out;
}
