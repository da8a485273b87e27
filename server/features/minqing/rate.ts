// The resident confirms and rates a resolved problem: 3–5 stars close it; 1–2 stars reopen it
// one level up (a new round: accept again, deadlines from now). No answer within the
// 社区's confirm days (7 by default) closes it as 默认满意, and the rating says so.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import { DEFAULT_SATISFIED_LABEL, REOPEN_BELOW_STARS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { getNode } from '../../domain/nodes';
import { eventDeltas, merge } from './counters';
import { acceptDue, deadlinesOf, loadConfig } from './config';
import { parseKey, type ProblemDoc } from './docs';
import { toReporter } from './notify';
import { change, SYSTEM, type Actor, type Step } from './problem';
import { reopenHolder } from './routing';
import { checkText } from './submit';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;

/** The stars a problem closed without an answer counts as (满意), marked auto. */
export const DEFAULT_STARS = 4;

export async function rate(ctx: Ctx, { id, stars, comment }: In<'rate'>) {
  const openid = ctx.openid();
  await checkText(ctx, comment, '评价');
  const p0 = await ctx.store.collection('problems').doc(id).get();
  if (!p0 || p0.by !== openid) throw new AppError('NOT_FOUND', '没有找到这条反映');
  const reopen = stars < REOPEN_BELOW_STARS;
  const [unit, cfg] = await Promise.all([getNode(ctx.store, p0.unitId, ['unit']), loadConfig(ctx.store, p0.at.community as string)]);
  const from = parseKey(p0.resolvedBy ?? p0.hk);
  const up = reopen ? await reopenHolder(ctx.store, unit, { ...from, name: '' }) : null;
  const user = await ctx.user();
  const actor: Actor = { openid, name: user?.name || '居民', role: 'resident', roleLabel: '居民' };
  const now = ctx.clock.now();
  return change(ctx, id, actor, (p): Step => {
    if (p.by !== openid) throw new AppError('NOT_FOUND', '没有找到这条反映');
    if (p.status !== 'resolved') throw new AppError('CONFLICT', p.status === 'closed' ? '已经评价过了' : '办结后才能评价');
    const rating = { stars, ...(comment ? { comment } : {}), auto: false, at: now };
    const events = eventDeltas(p, p.resolvedBy ?? p.hk, { rated: 1, satisfied: reopen ? 0 : 1 }, now);
    if (!up) {
      return {
        patch: { status: 'closed', rating },
        entries: [{ kind: 'rated', stars, note: comment }],
        events,
        messages: () => [],
      };
    }
    const d = deadlinesOf(cfg);
    // A new round for the one above: it counts as received there, to be accepted in time.
    for (const [counter, delta] of eventDeltas(p, `${up.level}:${up.id}`, { received: 1, reopened: 1 }, now)) merge(events, [counter], delta);
    return {
      patch: {
        status: 'pending',
        rating,
        holder: up,
        roundAt: now,
        acceptDueAt: acceptDue(d, now, p.urgent),
        resolveDueAt: null,
        overdue: false,
        confirmBy: undefined,
        meetingId: undefined,
      },
      entries: [
        { kind: 'rated', stars, note: comment },
        { kind: 'reopened', to: { level: up.level, name: up.name }, note: `居民评价${stars}星，转${up.name}重新办理`, by: SYSTEM },
      ],
      events,
      messages: (after) => toReporter(after, `已转${up.name}重新办理`, null),
    };
  });
}

/** The sweep's step for a resolved problem past its confirm days. */
export function autoCloseStep(p: ProblemDoc, now: number): Step {
  if (p.status !== 'resolved' || !p.confirmBy || p.confirmBy > now) throw new AppError('CONFLICT', 'not due');
  return {
    patch: { status: 'closed', rating: { stars: DEFAULT_STARS, comment: DEFAULT_SATISFIED_LABEL, auto: true, at: now } },
    entries: [{ kind: 'autoClosed', note: `${DEFAULT_SATISFIED_LABEL}（居民未在期限内评价）` }],
    events: eventDeltas(p, p.resolvedBy ?? p.hk, { rated: 1, satisfied: 1 }, now),
    messages: (after) => toReporter(after, `${DEFAULT_SATISFIED_LABEL}，已完结`, null),
  };
}
