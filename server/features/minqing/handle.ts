// The handler's steps: accept, classify (三事分流) and reclassify, progress notes, resolve;
// the 社区's: hand a 大事 to a 部门 or send it up; the 部门's: give it back; the one above's: 督办.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import { ESCALATION_TARGET_LABELS, PROBLEM_CLASS_LABELS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { noteAudit } from '../../domain/audit';
import { getNode } from '../../domain/nodes';
import { requireOwnedFiles } from '../../domain/uploads';
import { holderGrant, supervisorGrant } from './access';
import { eventDeltas } from './counters';
import { confirmDue, deadlinesOf, loadConfig, resolveDue } from './config';
import type { ProblemClass, ProblemDoc } from './docs';
import { toReporter, type Message } from './notify';
import { actorOf, callerGrants, change, type Step } from './problem';
import { communityHolder, departmentHolder, holderForClass, streetOrDistrict } from './routing';
import { checkText } from './submit';
import { addToNextMeeting } from './meetings';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;

const NOT_YOURS = '这条反映目前不由您办理';

const roundStart = (p: ProblemDoc) => (p.roundAt as number | undefined) ?? p.createdAt;

function mustHold(p: ProblemDoc, grants: Awaited<ReturnType<typeof callerGrants>>) {
  const g = holderGrant(p, grants);
  if (!g) throw new AppError('FORBIDDEN', NOT_YOURS);
  return g;
}

function mustHandle(p: ProblemDoc) {
  if (p.status === 'pending') throw new AppError('CONFLICT', '请先受理这条反映');
  if (p.status !== 'handling') throw new AppError('CONFLICT', '这条反映已办结');
}

/** Runs a holder's step: the caller must hold the problem now (re-checked in the transaction). */
async function asHolder(ctx: Ctx, id: string, decide: (p: ProblemDoc) => Step | Promise<Step>) {
  const grants = await callerGrants(ctx);
  const p0 = await ctx.store.collection('problems').doc(id).get();
  if (!p0) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const actor = await actorOf(ctx, mustHold(p0, grants));
  const result = await change(ctx, id, actor, (p) => {
    mustHold(p, grants);
    return decide(p);
  });
  // For the 操作记录 (an audited step: reassigning, reclassifying, sending up, handing back): who held it before and after.
  noteAudit(ctx, { subject: id, before: [p0.holder.id], after: [result.after.holder.id] });
  return result;
}

export async function accept(ctx: Ctx, { id, note }: In<'accept'>) {
  await checkText(ctx, note, '受理说明');
  const now = ctx.clock.now();
  return asHolder(ctx, id, async (p) => {
    if (p.status !== 'pending') throw new AppError('CONFLICT', '这条反映已经受理过了');
    const d = deadlinesOf(await loadConfig(ctx.store, p.at.community as string));
    const inTime = now <= p.acceptDueAt ? 1 : 0;
    return {
      patch: { status: 'handling', acceptedAt: now, resolveDueAt: resolveDue(d, roundStart(p), p.class ?? 'personal') },
      entries: [{ kind: 'accepted', note }],
      events: eventDeltas(p, p.hk, { accepted: 1, acceptedInTime: inTime }, now),
      messages: (after) => toReporter(after, `${after.holder.name}已受理${note ? `：${note}` : ''}`, ctx.caller.openid),
    };
  });
}

async function triage(ctx: Ctx, id: string, cls: ProblemClass, note: string | undefined, re: boolean) {
  await checkText(ctx, note, re ? '重新分类的理由' : '分类说明');
  const p0 = await ctx.store.collection('problems').doc(id).get();
  if (!p0) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const [unit, cfg] = await Promise.all([getNode(ctx.store, p0.unitId, ['unit']), loadConfig(ctx.store, p0.at.community as string)]);
  const target = await holderForClass(ctx.store, unit, cls, p0.holder);
  const result = await asHolder(ctx, id, (p) => {
    mustHandle(p);
    if (!['unit', 'group', 'area', 'community'].includes(p.holder.level)) throw new AppError('FORBIDDEN', '部门不能更改分类，请联系社区');
    if (!re && p.class) throw new AppError('CONFLICT', '已经分过类了，如需更改请重新分类并写明理由');
    if (re && !p.class) throw new AppError('CONFLICT', '还没有分类');
    if (re && p.class === cls) throw new AppError('INVALID_INPUT', `已经是${PROBLEM_CLASS_LABELS[cls]}了`);
    const moves = target.level !== p.holder.level || target.id !== p.holder.id;
    const patch: Partial<ProblemDoc> = { class: cls, resolveDueAt: resolveDue(deadlinesOf(cfg), roundStart(p), cls), holder: moves ? target : p.holder };
    // 小事 leaving the 片 (reclassified) leaves its meeting's agenda to the 片长.
    return {
      patch,
      entries: [
        { kind: re ? 'reclassified' : 'classified', class: cls, note },
        ...(moves ? [{ kind: 'routed' as const, to: { level: target.level, name: target.name } }] : []),
      ],
      messages: (after) =>
        toReporter(after, `分为${PROBLEM_CLASS_LABELS[cls]}${moves ? `，转${target.name}办理` : '，由邻长办理'}`, ctx.caller.openid),
    };
  });
  if (cls === 'minor' && result.after.holder.level === 'area' && !result.after.meetingId) await addToNextMeeting(ctx, result.after);
  return result;
}

export const classify = (ctx: Ctx, i: In<'classify'>) => triage(ctx, i.id, i.class, i.note, false);
export const reclassify = (ctx: Ctx, i: In<'reclassify'>) => triage(ctx, i.id, i.class, i.reason, true);

export async function progress(ctx: Ctx, { id, note, photos }: In<'progress'>) {
  await checkText(ctx, note, '办理进展');
  await requireOwnedFiles(ctx, photos ?? [], 'photo');
  return asHolder(ctx, id, (p) => {
    mustHandle(p);
    return {
      patch: {},
      entries: [{ kind: 'progress', note, photos }],
      messages: (after) => toReporter(after, `办理进展：${note}`, ctx.caller.openid),
    };
  });
}

export async function resolve(ctx: Ctx, { id, note, photos }: In<'resolve'>) {
  await checkText(ctx, note, '办理结果');
  await requireOwnedFiles(ctx, photos ?? [], 'photo');
  const now = ctx.clock.now();
  return asHolder(ctx, id, async (p) => {
    mustHandle(p);
    const d = deadlinesOf(await loadConfig(ctx.store, p.at.community as string));
    const inTime = p.resolveDueAt === null || now <= p.resolveDueAt;
    return {
      patch: { status: 'resolved', resolvedBy: p.hk, resolvedInTime: inTime, confirmBy: confirmDue(d, now) },
      entries: [{ kind: 'resolved', note, photos }],
      events: eventDeltas(p, p.hk, { resolved: 1, resolvedInTime: inTime ? 1 : 0, resolveMs: now - roundStart(p) }, now),
      messages: (after) => toReporter(after, `已办结：${note}。请确认并评价`, ctx.caller.openid),
    };
  });
}

export async function assign(ctx: Ctx, { id, departmentId, note }: In<'assign'>) {
  await checkText(ctx, note, '交办说明');
  const dep = await ctx.store.collection('departments').doc(departmentId).get();
  if (!dep) throw new AppError('NOT_FOUND', '没有找到这个部门');
  return asHolder(ctx, id, (p) => {
    mustHandle(p);
    if (p.holder.level !== 'community') throw new AppError('FORBIDDEN', '由社区交办部门');
    if (p.class !== 'major') throw new AppError('CONFLICT', '只有大事交部门办理，请先分为大事');
    if (dep.at.district && dep.at.district !== p.at.district) throw new AppError('FORBIDDEN', '这个部门不在本区');
    const to = departmentHolder(dep);
    return {
      patch: { holder: to, at: { ...p.at, department: dep._id }, department: { id: dep._id, name: dep.name }, handedBack: undefined },
      entries: [{ kind: 'assigned', note, to: { level: 'department', name: dep.name } }],
      messages: (after) => toReporter(after, `已交${dep.name}办理`, ctx.caller.openid),
    };
  });
}

/** A 部门 gives a problem back to the 社区 (not theirs, or the wrong 部门): the 管理员 has it to hand on again. */
export async function handBack(ctx: Ctx, { id, reason }: In<'handBack'>) {
  await checkText(ctx, reason, '退回理由');
  const p0 = await ctx.store.collection('problems').doc(id).get();
  if (!p0) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const unit = await getNode(ctx.store, p0.unitId, ['unit']);
  const community = await getNode(ctx.store, unit.at.community as string).catch(() => null);
  const to = communityHolder(unit);
  // The 操作记录 entry sits in the 社区's tree (a 部门 holds no node of it).
  noteAudit(ctx, { at: unit.at });
  return asHolder(ctx, id, (p) => {
    mustHandle(p);
    if (p.holder.level !== 'department') throw new AppError('FORBIDDEN', '只有承办部门可以退回');
    const from = p.holder.name;
    const { department: _, ...at } = p.at;
    return {
      patch: { holder: to, at, department: undefined, handedBack: { from, reason, at: ctx.clock.now() } },
      entries: [{ kind: 'handedBack', note: reason, to: { level: 'community', name: to.name } }],
      messages: (after) => [
        ...toReporter(after, `${from}退回社区，社区将重新安排办理`, ctx.caller.openid),
        ...(community?.admins ?? []).map((openid) => ({
          openid,
          problemId: after._id,
          number: after.number,
          title: `部门退回 ${after.number}：请重新分派`,
          body: `${from}：${[...reason].slice(0, 24).join('')}`,
          status: '部门退回',
        })),
      ],
    };
  });
}

export async function escalate(ctx: Ctx, { id, to, note }: In<'escalate'>) {
  await checkText(ctx, note, '上报说明');
  const p0 = await ctx.store.collection('problems').doc(id).get();
  if (!p0) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const target = await streetOrDistrict(ctx.store, p0.at, to);
  return asHolder(ctx, id, (p) => {
    mustHandle(p);
    const from = p.holder.level;
    if (!(from === 'community' || (from === 'street' && to === 'district'))) throw new AppError('FORBIDDEN', '由社区上报镇街或区');
    if (from === 'community' && p.class !== 'major') throw new AppError('CONFLICT', '只有大事上报，请先分为大事');
    return {
      patch: { holder: target, sentUp: to },
      entries: [{ kind: 'escalated', note, to: { level: to, name: target.name } }],
      messages: (after) => toReporter(after, `已上报${ESCALATION_TARGET_LABELS[to]}：${target.name}`, ctx.caller.openid),
    };
  });
}

export async function urge(ctx: Ctx, { id, note }: In<'urge'>) {
  await checkText(ctx, note, '督办要求');
  const grants = await callerGrants(ctx);
  const p0 = await ctx.store.collection('problems').doc(id).get();
  const g0 = p0 && supervisorGrant(p0, grants);
  if (!p0 || !g0) throw new AppError(p0 ? 'FORBIDDEN' : 'NOT_FOUND', p0 ? '只有上级可以督办' : '没有找到这条反映');
  const actor = await actorOf(ctx, g0);
  const holderNode = ['unit', 'group', 'area'].includes(p0.holder.level) ? await getNode(ctx.store, p0.holder.id).catch(() => null) : null;
  return change(ctx, id, actor, (p) => {
    if (!supervisorGrant(p, grants)) throw new AppError('FORBIDDEN', '只有上级可以督办');
    if (p.box !== 'open') throw new AppError('CONFLICT', '这条反映已办结');
    const lead = holderNode?._id === p.holder.id ? holderNode?.lead?.openid : null;
    const messages: Message[] = lead
      ? [{ openid: lead, problemId: p._id, number: p.number, title: `督办 ${p.number}`, body: `${actor.name}督办：${note}`, status: '督办' }]
      : [];
    return { patch: { urges: ((p.urges as number | undefined) ?? 0) + 1 }, entries: [{ kind: 'urged', note }], messages: () => messages };
  });
}
