// 民情恳谈会: a 片长 schedules one; the 片's open 小事 form its agenda (added or dropped by the
// 片长); the minutes record a decision per item, and decided items move on (resolved with the
// decision, or escalated as 大事); the published minutes reach the residents on the agenda.
import type { z } from 'zod';
import type { Meeting, minqing } from '../../../contracts/minqing';
import { LEADS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { cmd, present } from '../../store/port';
import { confirmDue, deadlinesOf, loadConfig, resolveDue } from './config';
import { createdKey, type MeetingDoc, type ProblemDoc } from './docs';
import { randomId } from './ids';
import { deliver, toReporter } from './notify';
import { actorOf, change, loadProblem, SYSTEM, type Actor } from './problem';
import { checkText } from './submit';
import { applyDeltas, eventDeltas, merge, monthIds, rollupIds } from './counters';
import { rowOf } from './views';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;
const AGENDA_MAX = 50;
const SEEN_BY = [...LEADS, 'admin' as const];

export function meetingView(m: MeetingDoc): z.input<typeof Meeting> {
  return {
    id: m._id,
    areaId: m.areaId,
    areaName: m.areaName,
    title: m.title,
    startsAt: m.startsAt,
    place: m.place,
    invitees: m.invitees,
    status: m.status,
    items: m.items.map(({ by: _by, ...item }) => item),
    ...(m.summary ? { summary: m.summary } : {}),
    ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
  };
}

const itemOf = (p: ProblemDoc) => ({ problemId: p._id, number: p.number, summary: rowOf(p, 0).summary, categoryLabel: p.categoryLabel, by: p.by });

async function openMinor(ctx: Ctx, areaId: string): Promise<ProblemDoc[]> {
  return await ctx.store
    .collection('problems')
    .where({ hk: `area:${areaId}`, box: 'open', class: 'minor' })
    .orderBy('dk', 'asc')
    .limit(AGENDA_MAX)
    .get();
}

async function loadMeeting(ctx: Ctx, id: string): Promise<MeetingDoc> {
  const m = await ctx.store.collection('mqmeetings').doc(id).get();
  if (!m) throw new AppError('NOT_FOUND', '没有找到这次民情恳谈会');
  return m;
}

/** The 片长 of the meeting's 片, while it is not yet published. */
async function editable(ctx: Ctx, id: string): Promise<{ m: MeetingDoc; actor: Actor }> {
  const m = await loadMeeting(ctx, id);
  const grant = (await grantsOf(ctx, ['areaLead'])).find((g) => g.nodeId === m.areaId);
  if (!grant) throw new AppError('FORBIDDEN', '只有本片片长可以编辑民情恳谈会');
  if (m.status !== 'scheduled') throw new AppError('CLOSED', '会议纪要已公布，不能再修改');
  return { m, actor: await actorOf(ctx, grant) };
}

/** Puts a problem on a meeting's agenda (meeting doc first, then the problem's timeline). */
async function putOnAgenda(ctx: Ctx, meetingId: string, p: ProblemDoc, actor: Actor, note?: string): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('mqmeetings').doc(meetingId);
    const m = await ref.get();
    if (!m || m.status !== 'scheduled') throw new AppError('CLOSED', '这次会议已不能增加议题');
    if (m.items.some((i) => i.problemId === p._id)) return;
    if (m.items.length >= AGENDA_MAX) throw new AppError('CONFLICT', `一次会议最多${AGENDA_MAX}个议题`);
    const residents = p.by && !m.residents.includes(p.by) ? [...m.residents, p.by] : m.residents;
    await ref.update({ items: [...m.items, itemOf(p)], residents });
  });
  await change(ctx, p._id, actor, (cur) => {
    if (cur.hk !== `area:${p.holder.id}` || cur.box !== 'open') throw new AppError('CONFLICT', '这件事已不在本片办理');
    return {
      patch: { meetingId },
      entries: [{ kind: 'agendaAdded', meetingId, note }],
      messages: (after) => toReporter(after, '已列入民情恳谈会议题', ctx.caller.openid),
    };
  });
}

/** A 小事 that reaches the 片长 joins the 片's next scheduled meeting, if one is set. */
export async function addToNextMeeting(ctx: Ctx, p: ProblemDoc): Promise<void> {
  const [next] = await ctx.store
    .collection('mqmeetings')
    .where({ areaId: p.holder.id, status: 'scheduled', startsAt: cmd.gt(ctx.clock.now()) })
    .orderBy('startsAt', 'asc')
    .limit(1)
    .get();
  if (next && next.items.length < AGENDA_MAX) await putOnAgenda(ctx, next._id, p, SYSTEM, '自动列入本片下次民情恳谈会');
}

export async function schedule(ctx: Ctx, input: In<'scheduleMeeting'>) {
  const openid = ctx.openid();
  const grants = await grantsOf(ctx, ['areaLead']);
  const grant = input.areaId ? grants.find((g) => g.nodeId === input.areaId) : grants[0];
  if (!grant) throw new AppError('FORBIDDEN', '只有本片片长可以安排民情恳谈会');
  for (const [text, what] of [[input.title, '会议主题'], [input.place, '会议地点'], [input.invitees.join('、'), '参会人员']] as const) await checkText(ctx, text, what);
  const now = ctx.clock.now();
  if (input.startsAt < now - 3600_000) throw new AppError('INVALID_INPUT', '会议时间不能早于现在');
  const area = await getNode(ctx.store, grant.nodeId, ['area']);
  const id = randomId('mt', now);
  const doc: MeetingDoc = {
    _id: id,
    at: area.at,
    areaId: area._id,
    areaName: area.name,
    title: input.title ?? `${area.name}民情恳谈会`,
    startsAt: input.startsAt,
    place: input.place,
    invitees: input.invitees,
    status: 'scheduled',
    items: [],
    residents: [],
    createdBy: openid,
    ck: createdKey(input.startsAt, id),
  };
  await ctx.store.collection('mqmeetings').add(doc);
  const actor = await actorOf(ctx, grant);
  for (const p of await openMinor(ctx, area._id)) if (!p.meetingId) await putOnAgenda(ctx, id, p, actor, '本片未办结的小事列入议题');
  return { meeting: meetingView(await loadMeeting(ctx, id)) };
}

export async function agendaAdd(ctx: Ctx, { meetingId, problemId }: In<'agendaAdd'>) {
  const { m, actor } = await editable(ctx, meetingId);
  const p = await ctx.store.collection('problems').doc(problemId).get();
  if (!p || p.hk !== `area:${m.areaId}`) throw new AppError('NOT_FOUND', '没有找到本片的这件事');
  if (p.box !== 'open' || p.class !== 'minor') throw new AppError('CONFLICT', '只有本片未办结的小事可以列入议题');
  if (p.meetingId && p.meetingId !== meetingId) throw new AppError('CONFLICT', '这件事已列入另一次会议');
  await putOnAgenda(ctx, meetingId, p, actor);
  return { meeting: meetingView(await loadMeeting(ctx, meetingId)) };
}

export async function agendaDrop(ctx: Ctx, { meetingId, problemId, reason }: In<'agendaDrop'>) {
  await checkText(ctx, reason, '移出理由');
  const { actor } = await editable(ctx, meetingId);
  await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('mqmeetings').doc(meetingId);
    const m = await present(ref.get(), `meeting ${meetingId}`);
    const item = m.items.find((i) => i.problemId === problemId);
    if (!item) throw new AppError('NOT_FOUND', '这件事不在议题中');
    if (item.outcome) throw new AppError('CONFLICT', '这个议题已经议定，不能移出');
    await ref.update({ items: m.items.filter((i) => i.problemId !== problemId) });
  });
  await change(ctx, problemId, actor, (p) => ({
    patch: p.meetingId === meetingId ? { meetingId: undefined } : {},
    entries: [{ kind: 'agendaDropped', meetingId, note: reason }],
  }));
  noteAudit(ctx, { subject: problemId, before: [meetingId] });
  return { meeting: meetingView(await loadMeeting(ctx, meetingId)) };
}

export async function recordMinutes(ctx: Ctx, { meetingId, problemId, decision, outcome }: In<'recordMinutes'>) {
  await checkText(ctx, decision, '会议纪要');
  const { m, actor } = await editable(ctx, meetingId);
  if (!m.items.some((i) => i.problemId === problemId)) throw new AppError('NOT_FOUND', '这件事不在议题中');
  const cfg = await loadConfig(ctx.store, m.at.community as string);
  const now = ctx.clock.now();
  const unit = outcome === 'escalate' ? await getNode(ctx.store, (await loadProblem(ctx, problemId)).unitId) : null;
  await change(ctx, problemId, actor, (p) => {
    if (p.hk !== `area:${m.areaId}` || p.status !== 'handling') throw new AppError('CONFLICT', '这件事已不在本片办理');
    const decided = { kind: 'decided' as const, note: decision, meetingId };
    if (outcome === 'resolve') {
      const inTime = p.resolveDueAt === null || now <= p.resolveDueAt;
      return {
        patch: { status: 'resolved', resolvedBy: p.hk, resolvedInTime: inTime, confirmBy: confirmDue(deadlinesOf(cfg), now) },
        entries: [decided, { kind: 'resolved', note: `民情恳谈会议定：${decision}` }],
        events: eventDeltas(p, p.hk, { resolved: 1, resolvedInTime: inTime ? 1 : 0, resolveMs: now - (p.roundAt ?? p.createdAt) }, now),
        messages: (after) => toReporter(after, `民情恳谈会议定：${decision}。请确认并评价`, ctx.caller.openid),
      };
    }
    if (outcome === 'escalate' && unit) {
      const to = { level: 'community' as const, id: unit.at.community as string, name: unit.chain?.community.name ?? '社区' };
      return {
        patch: { class: 'major', holder: to, resolveDueAt: resolveDue(deadlinesOf(cfg), p.roundAt ?? p.createdAt, 'major') },
        entries: [decided, { kind: 'reclassified', class: 'major', note: '民情恳谈会议定转为大事' }, { kind: 'routed', to: { level: 'community', name: to.name } }],
        messages: (after) => toReporter(after, `民情恳谈会议定转为大事，报${to.name}办理`, ctx.caller.openid),
      };
    }
    return { patch: {}, entries: [decided], messages: (after) => toReporter(after, `民情恳谈会议定：${decision}`, ctx.caller.openid) };
  });
  await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('mqmeetings').doc(meetingId);
    const cur = await present(ref.get(), `meeting ${meetingId}`);
    await ref.update({ items: cur.items.map((i) => (i.problemId === problemId ? { ...i, decision, outcome } : i)) });
  });
  return { meeting: meetingView(await loadMeeting(ctx, meetingId)) };
}

export async function publish(ctx: Ctx, { meetingId, summary }: In<'publishMinutes'>) {
  await checkText(ctx, summary, '会议纪要');
  const { m } = await editable(ctx, meetingId);
  if (m.items.some((i) => !i.outcome)) throw new AppError('CONFLICT', '还有议题没有记录议定结果');
  const now = ctx.clock.now();
  await ctx.store.collection('mqmeetings').doc(meetingId).update({ status: 'published', publishedAt: now, ...(summary ? { summary } : {}) });
  // One 民情恳谈会 held, in the 片's figures and above (the 工作台).
  await applyDeltas(ctx.store, merge(new Map(), [...rollupIds(m), ...monthIds(m, now)], { meetings: 1 }));
  await deliver(
    ctx,
    m.residents.map((openid) => ({ openid, meetingId, title: `${m.title}纪要已公布`, body: `${m.items.length}个议题的议定结果`, status: '已公布' })),
  );
  return { meeting: meetingView(await loadMeeting(ctx, meetingId)) };
}

/** The meeting, for the 三长 and 管理员 of its 片, or a resident whose problem is on its published agenda. */
export async function getMeeting(ctx: Ctx, { id }: In<'meeting'>) {
  const m = await loadMeeting(ctx, id);
  const openid = ctx.openid();
  const lead = await requireScope(ctx, m.at, SEEN_BY).catch(() => null);
  if (!lead && !(m.status === 'published' && m.residents.includes(openid))) throw new AppError('NOT_FOUND', '没有找到这次民情恳谈会');
  const canEdit = !!lead && lead.role === 'areaLead' && lead.nodeId === m.areaId && m.status === 'scheduled';
  const candidates = canEdit ? (await openMinor(ctx, m.areaId)).filter((p) => !p.meetingId).map((p) => rowOf(p, ctx.clock.now())) : [];
  return { meeting: meetingView(m), canEdit, candidates };
}

export async function listMeetings(ctx: Ctx, { areaId, cursor, pageSize }: In<'meetings'>) {
  const openid = ctx.openid();
  const grants = await grantsOf(ctx, SEEN_BY);
  let area = areaId;
  if (!area && grants[0]) {
    const g = grants[0];
    area = g.level === 'area' ? g.nodeId : (await getNode(ctx.store, g.nodeId)).at.area;
  }
  const asLead = !!area && (await requireScope(ctx, { ...(await getNode(ctx.store, area, ['area'])).at }, SEEN_BY).catch(() => null));
  const user = await ctx.user();
  if (!asLead) {
    const home = user?.household ? await getNode(ctx.store, user.household.unitId).catch(() => null) : null;
    area = home?.at.area;
    if (!area) return { items: [], next: null };
  }
  const filter = { areaId: area as string, ...(asLead ? {} : { status: 'published' }), ...(cursor ? { ck: cmd.lt(cursor) } : {}) };
  const docs = await ctx.store.collection('mqmeetings').where(filter).orderBy('ck', 'desc').limit(pageSize).get();
  const next = docs.length === pageSize ? docs[docs.length - 1].ck : null;
  return { items: docs.filter((m) => asLead || m.residents.includes(openid)).map(meetingView), next };
}
