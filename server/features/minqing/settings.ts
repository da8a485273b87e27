// A 社区's own categories and deadlines (the 管理员 sets them), and the 部门 a 大事 can go to.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { categoriesOf, deadlinesOf, loadConfig } from './config';
import type { MinqingConfigDoc } from './docs';
import { randomId } from './ids';
import { checkText } from './submit';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;
const MAX_OWN_CATEGORIES = 20;

/** The 社区 a call is about: the one named (in the caller's scope when managing), else the caller's own. */
async function communityOf(ctx: Ctx, communityId: string | undefined, manage: boolean): Promise<string | null> {
  if (communityId) {
    const node = await getNode(ctx.store, communityId, ['community']);
    if (manage) await requireScope(ctx, node.at, ['admin'], '只能管理本辖区社区的设置');
    return node._id;
  }
  const grants = (await grantsOf(ctx, manage ? ['admin'] : ['admin', 'areaLead', 'groupLead', 'neighbourLead'])).filter((g) => g.level !== 'partner' && g.level !== 'department');
  const g = grants.find((x) => x.level === 'community') ?? grants[0];
  if (g) return g.level === 'community' ? g.nodeId : ((await getNode(ctx.store, g.nodeId)).at.community ?? null);
  if (manage) throw new AppError('INVALID_INPUT', '请选择社区');
  const unitId = (await ctx.user())?.household?.unitId;
  return unitId ? ((await getNode(ctx.store, unitId).catch(() => null))?.at.community ?? null) : null;
}

export async function categories(ctx: Ctx, { communityId }: In<'categories'>) {
  const id = await communityOf(ctx, communityId, false);
  return { items: categoriesOf(id ? await loadConfig(ctx.store, id) : { _id: '', categories: [] }) };
}

async function editConfig(ctx: Ctx, communityId: string, edit: (cfg: MinqingConfigDoc) => Omit<MinqingConfigDoc, '_id'>): Promise<MinqingConfigDoc> {
  return ctx.store.transaction(async (tx) => {
    const ref = tx.collection('mqconfig').doc(communityId);
    const cur = (await ref.get()) ?? { _id: communityId, categories: [] };
    const next = edit(cur);
    await ref.set(next);
    return { ...next, _id: communityId };
  });
}

export async function addCategory(ctx: Ctx, { communityId, label }: In<'addCategory'>) {
  await checkText(ctx, label, '类别名称');
  const id = (await communityOf(ctx, communityId, true)) as string;
  const categoryId = `c_${randomId('', ctx.clock.now()).slice(-8)}`;
  const cfg = await editConfig(ctx, id, (cur) => {
    if (categoriesOf(cur).some((c) => c.label === label)) throw new AppError('CONFLICT', '已经有这个类别了');
    if (cur.categories.filter((c) => c.active).length >= MAX_OWN_CATEGORIES) throw new AppError('CONFLICT', `本社区最多自设${MAX_OWN_CATEGORIES}个类别`);
    const { _id: _, ...rest } = cur;
    return { ...rest, categories: [...cur.categories, { id: categoryId, label, active: true }] };
  });
  noteAudit(ctx, { subject: categoryId, after: [categoryId] });
  return { items: categoriesOf(cfg) };
}

export async function removeCategory(ctx: Ctx, { communityId, id: categoryId }: In<'removeCategory'>) {
  const id = (await communityOf(ctx, communityId, true)) as string;
  const cfg = await editConfig(ctx, id, (cur) => {
    if (!cur.categories.some((c) => c.id === categoryId && c.active)) throw new AppError('NOT_FOUND', '没有找到这个类别');
    const { _id: _, ...rest } = cur;
    return { ...rest, categories: cur.categories.map((c) => (c.id === categoryId ? { ...c, active: false } : c)) };
  });
  noteAudit(ctx, { subject: categoryId, before: [categoryId] });
  return { items: categoriesOf(cfg) };
}

export async function deadlines(ctx: Ctx, { communityId }: In<'deadlines'>) {
  const id = await communityOf(ctx, communityId, false);
  const cfg = id ? await loadConfig(ctx.store, id) : { _id: '', categories: [] };
  return { deadlines: deadlinesOf(cfg), custom: !!cfg.deadlines };
}

export async function setDeadlines(ctx: Ctx, { communityId, deadlines: d }: In<'setDeadlines'>) {
  if (d.urgentAcceptHours > d.acceptHours) throw new AppError('INVALID_INPUT', '紧急受理时限不能长于一般受理时限');
  const id = (await communityOf(ctx, communityId, true)) as string;
  const cfg = await editConfig(ctx, id, (cur) => {
    const { _id: _, ...rest } = cur;
    return { ...rest, deadlines: d };
  });
  noteAudit(ctx, { subject: id });
  return { deadlines: deadlinesOf(cfg), custom: true };
}

export async function departments(ctx: Ctx) {
  const g = (await grantsOf(ctx, ['admin'])).find((x) => x.level !== 'partner' && x.level !== 'department');
  if (!g) throw new AppError('FORBIDDEN');
  const district = g.level === 'district' ? g.nodeId : (await getNode(ctx.store, g.nodeId)).at.district;
  const docs = await ctx.store.collection('departments').where({ 'at.district': district ?? '' }).orderBy('order', 'asc').limit(100).get();
  return { items: docs.map((d) => ({ id: d._id, name: d.name })) };
}
