// A 部门's own accounts: the 管理员 gives a 部门's staff a one-time binding code (the seam
// the partners' clerks use, domain/invites); whoever enters it in 我的 holds the 部门 role
// and sees only what is handed to that 部门. The 管理员 sees who is bound and takes the role
// back from someone who has left.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { noteAudit } from '../../domain/audit';
import { boundBy, createInvite, withdrawBound } from '../../domain/invites';
import { getNode } from '../../domain/nodes';
import { grantsOf } from '../../domain/scope';
import type { DepartmentDoc } from './docs';
import { checkText } from './submit';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;

/** A 部门 of the district the caller is a 管理员 in (the 部门 a 大事 of theirs can go to). */
async function departmentInScope(ctx: Ctx, departmentId: string): Promise<DepartmentDoc> {
  const grants = (await grantsOf(ctx, ['admin'])).filter((g) => g.level !== 'partner' && g.level !== 'department');
  if (!grants.length) throw new AppError('FORBIDDEN');
  const dep = await ctx.store.collection('departments').doc(departmentId).get();
  if (!dep) throw new AppError('NOT_FOUND', '没有找到这个部门');
  for (const g of grants) {
    const district = g.level === 'district' ? g.nodeId : (await getNode(ctx.store, g.nodeId)).at.district;
    if (district && dep.at.district === district) {
      noteAudit(ctx, { at: g.level === 'district' ? { district } : (await getNode(ctx.store, g.nodeId)).at, subject: dep._id });
      return dep;
    }
  }
  throw new AppError('FORBIDDEN', '这个部门不在本区');
}

export async function departmentStaff(ctx: Ctx, { departmentId }: In<'departmentStaff'>) {
  const dep = await departmentInScope(ctx, departmentId);
  return { department: { id: dep._id, name: dep.name }, staff: await boundBy(ctx, dep._id, 'department') };
}

export async function departmentInvite(ctx: Ctx, { departmentId, label }: In<'departmentInvite'>) {
  const dep = await departmentInScope(ctx, departmentId);
  await checkText(ctx, label, '称呼');
  return createInvite(ctx, {
    kind: 'department',
    grant: { role: 'department', nodeId: dep._id, nodeName: dep.name, level: 'department' },
    ...(label ? { label } : {}),
  });
}

export async function removeDepartmentStaff(ctx: Ctx, { departmentId, code }: In<'removeDepartmentStaff'>) {
  const dep = await departmentInScope(ctx, departmentId);
  await withdrawBound(ctx, dep._id, 'department', code, '没有找到这位办理人员');
  return { removed: true as const };
}
