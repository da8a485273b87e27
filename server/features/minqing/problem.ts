// Changing a problem: one transaction reads it, checks the step is allowed, writes the new
// state and appends the step to the timeline (entries are only ever added); then the
// to-do counters move by the difference, the figures by the step's events, and the
// resident hears of it.
import type { RoleGrantT } from '../../../contracts/common';
import { ROLE_LABELS, type Role } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Transaction } from '../../store/port';
import { accessOf, type Access } from './access';
import { applyDeltas, boxDiff, merge, type Delta } from './counters';
import { dueKey, keyOf, type ProblemDoc, type TimelineDoc } from './docs';
import { deliver, type Message } from './notify';
import { aboveKey } from './routing';

export interface Actor {
  openid: string | null;
  name: string;
  role: Role;
  roleLabel: string;
}

export const SYSTEM: Actor = { openid: null, name: '系统', role: 'admin', roleLabel: '系统' };

export type EntryDraft = Omit<TimelineDoc, '_id' | 'problemId' | 'at' | 'seq' | 'by' | 'photos'> & { photos?: string[]; by?: Actor };

export interface Step {
  patch: Partial<ProblemDoc>;
  entries: EntryDraft[];
  /** Figures the step adds to (counter id → delta), beside the to-do boxes. */
  events?: Map<string, Delta>;
  /** Who hears of it, computed from the new state. */
  messages?: (after: ProblemDoc) => Message[];
}

export async function callerGrants(ctx: Ctx): Promise<RoleGrantT[]> {
  return (await ctx.user())?.grants ?? [];
}

/** The caller as the timeline names them: their name and the role they act in. */
export async function actorOf(ctx: Ctx, grant: RoleGrantT | null): Promise<Actor> {
  const user = await ctx.user();
  const role: Role = grant?.role ?? 'resident';
  const label = ROLE_LABELS[role];
  const name = role === 'department' ? grant!.nodeName : user?.name || (role === 'admin' ? `${grant?.nodeName ?? ''}管理员` : label);
  return { openid: ctx.caller.openid, name, role, roleLabel: role === 'department' ? '部门' : label };
}

/** The derived fields of a state: its box, its current deadline, its keys. */
export function derive(p: ProblemDoc, now: number): ProblemDoc {
  const box: ProblemDoc['box'] = p.status === 'pending' || p.status === 'handling' ? 'open' : 'done';
  const dueAt = p.status === 'pending' ? p.acceptDueAt : p.status === 'handling' ? p.resolveDueAt : null;
  const hk = keyOf(p.holder);
  // Flagged by the sweep (with a timeline entry and a word to the one above); a new, later
  // deadline or the end of the work clears it.
  const overdue = box === 'open' && p.overdue && !(dueAt !== null && dueAt > now);
  return {
    ...p,
    box,
    dueAt,
    overdue,
    ...(overdue ? {} : { overdueKind: undefined }),
    hk,
    wk: aboveKey(p.holder.level, p.at),
    chain: p.chain.includes(hk) ? p.chain : [...p.chain, hk],
    dk: dueKey(dueAt, p._id),
  };
}

/** The fields of `after` that differ from `before` (the update of one write). */
function changed(before: ProblemDoc, after: ProblemDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const was: Record<string, unknown> = { ...before };
  const is: Record<string, unknown> = { ...after };
  for (const k of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (k === '_id') continue;
    if (JSON.stringify(was[k]) !== JSON.stringify(is[k])) out[k] = is[k] === undefined ? null : is[k];
  }
  return out;
}

/** Entries of a problem's write number `rev` get seq rev·100 + i: one order across calls, whatever the clock says. */
export async function appendEntries(tx: Transaction | null, ctx: Ctx, problemId: string, actor: Actor, drafts: EntryDraft[], now: number, rev: number): Promise<TimelineDoc[]> {
  let seq = rev * 100;
  const written: TimelineDoc[] = [];
  for (const d of drafts) {
    const { by, photos, ...rest } = d;
    const who = by ?? actor;
    const entry: Omit<TimelineDoc, '_id'> = {
      ...rest,
      problemId,
      at: now,
      seq: seq++,
      by: { openid: who.openid, name: who.name, role: who.role, roleLabel: who.roleLabel },
      photos: photos ?? [],
    };
    for (const k of Object.keys(entry) as (keyof typeof entry)[]) if (entry[k] === undefined) delete entry[k];
    const _id = tx ? await tx.collection('mqtimeline').add(entry) : await ctx.store.collection('mqtimeline').add(entry);
    written.push({ ...entry, _id });
  }
  return written;
}

export async function loadProblem(ctx: Ctx, id: string): Promise<ProblemDoc> {
  const p = await ctx.store.collection('problems').doc(id).get();
  if (!p) throw new AppError('NOT_FOUND', '没有找到这条反映');
  return p;
}

/** Reads a problem the caller may see (else NOT_FOUND: nobody learns that someone else reported something). */
export async function visibleProblem(ctx: Ctx, id: string): Promise<{ p: ProblemDoc; access: Access; grants: RoleGrantT[] }> {
  const [p, grants] = await Promise.all([loadProblem(ctx, id), callerGrants(ctx)]);
  const access = accessOf(p, ctx.caller.openid, grants);
  if (!access) throw new AppError('NOT_FOUND', '没有找到这条反映');
  return { p, access, grants };
}

/**
 * Runs one step on a problem. `decide` sees the current state (re-read in the transaction)
 * and throws an AppError when the step is not allowed now; nothing is written then.
 */
export async function change(
  ctx: Ctx,
  id: string,
  actor: Actor,
  decide: (p: ProblemDoc) => Step | Promise<Step>,
): Promise<{ before: ProblemDoc; after: ProblemDoc }> {
  const now = ctx.clock.now();
  const { before, after, step } = await ctx.store.transaction(async (tx) => {
    const ref = tx.collection('problems').doc(id);
    const before = await ref.get();
    if (!before) throw new AppError('NOT_FOUND', '没有找到这条反映');
    const step = await decide(before);
    const after = derive({ ...before, ...step.patch, updatedAt: now, rev: (before.rev ?? 0) + 1 }, now);
    await ref.update(changed(before, after));
    await appendEntries(tx, ctx, id, actor, step.entries, now, after.rev);
    return { before, after, step };
  });
  const deltas = boxDiff(before, after);
  for (const [counter, delta] of step.events ?? []) merge(deltas, [counter], delta);
  await applyDeltas(ctx.store, deltas);
  if (step.messages) await deliver(ctx, step.messages(after));
  return { before, after };
}
