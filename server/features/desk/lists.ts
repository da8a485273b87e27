// The 工作台's 管理 section: one entry per list the 管理员 works on, with a count where one read
// gives it. Each count is an indexed count of the caller's subtree (or their own to-do box); the
// lists with no such count (名册, 联系卡, 动态调整, 评选 come from the dashboard's own figures;
// 核销员 has none) show none.
import type { z } from 'zod';
import type { ListCounts } from '../../../contracts/desk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { grantsOf, subtree } from '../../domain/scope';

export async function listCounts(ctx: Ctx): Promise<z.infer<typeof ListCounts>> {
  const grant = (await grantsOf(ctx, ['admin'])).find((g) => g.level !== 'partner' && g.level !== 'department');
  if (!grant) throw new AppError('FORBIDDEN');
  const mine = subtree(grant);
  const [registrations, toAssign, notices, partners] = await Promise.all([
    // (at.<level>, status, createdAt)
    ctx.store.collection('applications').where({ ...mine, status: 'pending' }).count(),
    // The problems the 管理员 holds (民情's holder key is `<level>:<node>`): the holder_open_due index.
    ctx.store.collection('problems').where({ hk: `${grant.level}:${grant.nodeId}`, box: 'open' }).count(),
    // (at.<level>, key)
    ctx.store.collection('notices').where(mine).count(),
    // (at.<level>, name)
    ctx.store.collection('partners').where(mine).count(),
  ]);
  return { registrations, toAssign, notices, partners };
}
