// The sweep (a cloud timer every 10 minutes; locally at start and every 10 minutes, and the
// 管理员's maintenance action): problems past their deadline are flagged overdue (a timeline
// entry; the holder and the one above hear of it), and resolved problems past their confirm
// days close as 默认满意. Bounded: at most `max` of each per run, `more` says whether more wait.
import { DEADLINE_KIND_LABELS } from '../../../contracts/minqing-labels';
import type { Ctx } from '../../core/context';
import { noteAuditIds } from '../../domain/audit';
import { AppError } from '../../core/errors';
import type { Ports } from '../../core/ports';
import { makeCtx } from '../../core/router';
import { getNode } from '../../domain/nodes';
import { cmd, MAX_LIMIT } from '../../store/port';
import { parseKey, type ProblemDoc } from './docs';
import type { Message } from './notify';
import { change, SYSTEM } from './problem';
import { autoCloseStep } from './rate';
import { reconcileWith } from './reconcile';

async function leadOpenid(ctx: Ctx, key: string | null): Promise<string | null> {
  if (!key) return null;
  const { level, id } = parseKey(key);
  if (level !== 'unit' && level !== 'group' && level !== 'area') return null;
  return (await getNode(ctx.store, id).catch(() => null))?.lead?.openid ?? null;
}

async function flagOverdue(ctx: Ctx, p: ProblemDoc, now: number): Promise<boolean> {
  const kind = p.status === 'pending' ? 'accept' : 'resolve';
  const [holder, above] = await Promise.all([leadOpenid(ctx, p.hk), leadOpenid(ctx, p.wk)]);
  try {
    await change(ctx, p._id, SYSTEM, (cur) => {
      if (cur.box !== 'open' || cur.overdue || cur.dueAt === null || cur.dueAt >= now) throw new AppError('CONFLICT', 'not due');
      const msg = (openid: string, who: string): Message => ({
        openid,
        problemId: cur._id,
        number: cur.number,
        title: `${DEADLINE_KIND_LABELS[kind]} ${cur.number}`,
        body: `${who}${cur.unitName}：${[...cur.description].slice(0, 24).join('')}`,
        status: '已超时',
      });
      return {
        patch: { overdue: true, overdueKind: kind },
        entries: [{ kind: 'overdue', note: `${DEADLINE_KIND_LABELS[kind]}，已提醒${cur.wk ? '上一级督办' : '办理人'}` }],
        messages: () => [...(holder ? [msg(holder, '您办理的反映已超时｜')] : []), ...(above ? [msg(above, '下级办理的反映已超时，请督办｜')] : [])],
      };
    });
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONFLICT') return false; // moved on meanwhile
    throw e;
  }
}

export async function sweepWith(ctx: Ctx, max: number): Promise<{ overdue: number; autoClosed: number; more: boolean }> {
  const now = ctx.clock.now();
  const problems = ctx.store.collection('problems');
  let overdue = 0;
  let autoClosed = 0;
  // One read per kind: a batch, and one more to tell whether more wait.
  const batch = Math.min(max, MAX_LIMIT - 1);
  const late = await problems
    .where({ box: 'open', overdue: false, dueAt: cmd.lt(now) })
    .orderBy('dueAt', 'asc')
    .limit(batch + 1)
    .get();
  for (const p of late.slice(0, batch)) {
    if (!(await flagOverdue(ctx, p, now))) continue;
    overdue++;
    noteAuditIds(ctx, { after: [p._id] }); // the problems this sweep flagged or closed
  }

  const unanswered = await problems
    .where({ status: 'resolved', confirmBy: cmd.lt(now) })
    .orderBy('confirmBy', 'asc')
    .limit(batch + 1)
    .get();
  for (const p of unanswered.slice(0, batch)) {
    try {
      await change(ctx, p._id, SYSTEM, (cur) => autoCloseStep(cur, now));
      autoClosed++;
      noteAuditIds(ctx, { after: [p._id] });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
  return { overdue, autoClosed, more: late.length > batch || unanswered.length > batch };
}

/** For the timer (no caller): the same sweep on the ports, then the counters' reconcile (reconcile.ts). */
export async function sweepPorts(ports: Ports, max = 200) {
  const ctx = makeCtx(ports, { openid: null });
  const swept = await sweepWith(ctx, max);
  return { ...swept, reconciled: await reconcileWith(ctx, max) };
}
