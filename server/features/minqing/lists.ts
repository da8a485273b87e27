// The lists: 我的反映 (a resident's own), the to-do boxes of each handler (待处理 / 已超时 /
// 已办结, with counts from the maintained counters), and the 管理员's subtree with filters.
// Every list is an indexed query with cursor paging on a sort key that ends in the id (a
// unique tie-breaker), so page n costs what page 1 costs, at 1,000 problems or 100,000.
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import type { RoleGrantT } from '../../../contracts/common';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { getNode } from '../../domain/nodes';
import { grantsOf, requireScope } from '../../domain/scope';
import { cmd, type Filter } from '../../store/port';
import { matcher, scanByKey, searchOf } from '../../core/search';
import { handlerId, readCounters } from './counters';
import type { ProblemDoc } from './docs';
import { rowOf } from './views';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;

const CURSOR = /^\d{13}:[0-9A-Za-z_-]{1,64}$/;
function cursorOf(c: string | undefined): string | undefined {
  if (c !== undefined && !CURSOR.test(c)) throw new AppError('INVALID_INPUT', '翻页参数不正确，请刷新后重试');
  return c;
}

export const HANDLER_ROLES = ['neighbourLead', 'groupLead', 'areaLead', 'admin', 'department'] as const;

/** The holder keys the caller handles problems as (a 邻长 of two 邻 has two). */
export async function holderKeys(ctx: Ctx): Promise<string[]> {
  const grants = await grantsOf(ctx, HANDLER_ROLES);
  return grants.filter((g) => g.level !== 'partner').map((g) => `${g.level}:${g.nodeId}`);
}

async function page(ctx: Ctx, filter: Filter, sort: 'ck' | 'dk', dir: 'asc' | 'desc', cursor: string | undefined, size: number, q?: string) {
  const c = cursorOf(cursor);
  const now = ctx.clock.now();
  const problems = ctx.store.collection('problems');
  const search = searchOf(q);
  if (search) {
    // A search walks the same indexed list in bounded batches, matching the 编号, the text, the
    // place, the 邻, the 片 and the category (never the reporter: they may be anonymous); its
    // cursor is the sort key it stopped at, as for a page.
    const match = matcher(search);
    const keep = (p: ProblemDoc) => match([p.number, p.description, p.place, p.unitName, p.areaName, p.categoryLabel]);
    const found = await scanByKey((f) => problems.where(f), filter, sort, dir, keep, c, size);
    return { items: found.items.map((p) => rowOf(p, now)), next: found.next };
  }
  const where: Filter = c ? cmd.and(filter, { [sort]: dir === 'asc' ? cmd.gt(c) : cmd.lt(c) }) : filter;
  const docs = await problems.where(where).orderBy(sort, dir).limit(size).get();
  return { items: docs.map((p) => rowOf(p, now)), next: docs.length === size ? (docs[docs.length - 1][sort] as string) : null };
}

export async function mine(ctx: Ctx, { status, cursor, pageSize }: In<'mine'>) {
  return page(ctx, { by: ctx.openid(), ...(status ? { status } : {}) }, 'ck', 'desc', cursor, pageSize);
}

export async function todoCounts(ctx: Ctx, keys: string[]) {
  const counters = await readCounters(ctx.store, keys.map(handlerId));
  const sum = (f: 'pending' | 'overdue' | 'done') => keys.reduce((n, k) => n + Math.max(0, counters.get(handlerId(k))?.[f] ?? 0), 0);
  return { pending: sum('pending'), overdue: sum('overdue'), done: sum('done') };
}

export async function todo(ctx: Ctx, { box, cursor, pageSize, q }: In<'todo'>) {
  const keys = await holderKeys(ctx);
  if (!keys.length) throw new AppError('FORBIDDEN', '您目前没有办理反映的岗位');
  const one = (field: string) => (keys.length === 1 ? { [field]: keys[0] } : { [field]: cmd.in(keys) });
  const list =
    box === 'pending'
      ? page(ctx, { ...one('hk'), box: 'open' }, 'dk', 'asc', cursor, pageSize, q)
      : box === 'overdue'
        ? page(ctx, cmd.and(cmd.or(one('hk'), one('wk')), { box: 'open', overdue: true }), 'ck', 'desc', cursor, pageSize, q)
        : page(ctx, { ...one('resolvedBy'), box: 'done' }, 'ck', 'desc', cursor, pageSize, q);
  const [items, counts] = await Promise.all([list, todoCounts(ctx, keys)]);
  return { ...items, counts };
}

export async function counts(ctx: Ctx) {
  const openid = ctx.openid();
  const keys = await holderKeys(ctx);
  const [todoN, mineOpen, unread] = await Promise.all([
    keys.length ? todoCounts(ctx, keys) : Promise.resolve(null),
    ctx.store.collection('problems').where({ by: openid, box: 'open' }).count(),
    ctx.store.collection('mqinbox').where({ openid, read: false }).count(),
  ]);
  return { todo: todoN, mineOpen, unread };
}

/** The 管理员's subtree (or one 片 of it), filtered. */
export async function list(ctx: Ctx, input: In<'list'>) {
  const admins = (await grantsOf(ctx, ['admin'])).filter((g) => g.level !== 'partner' && g.level !== 'department');
  let scope: { field: string; id: string };
  if (input.nodeId) {
    const node = await getNode(ctx.store, input.nodeId);
    await requireScope(ctx, node.at, ['admin']);
    scope = { field: `at.${node.level}`, id: node._id };
  } else {
    const g: RoleGrantT | undefined = admins[0];
    if (!g) throw new AppError('FORBIDDEN');
    scope = { field: `at.${g.level}`, id: g.nodeId };
  }
  const filter: Filter = {
    [scope.field]: scope.id,
    ...(input.class ? { class: input.class } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.overdue === true ? { overdue: true, box: 'open' } : input.overdue === false ? { overdue: false } : {}),
  };
  const [rows, total] = await Promise.all([
    page(ctx, filter, 'ck', 'desc', input.cursor, input.pageSize, input.q),
    ctx.store.collection('problems').where(filter).count(),
  ]);
  return { ...rows, total };
}
