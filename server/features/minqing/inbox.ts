// 消息: the caller's own inbox, newest first, and its unread count (an indexed count).
import type { z } from 'zod';
import type { minqing } from '../../../contracts/minqing';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { cmd } from '../../store/port';
import type { InboxDoc } from './docs';

type In<K extends keyof typeof minqing> = z.output<(typeof minqing)[K]['input']>;

export const unreadOf = (ctx: Ctx, openid: string) => ctx.store.collection('mqinbox').where({ openid, read: false }).count();

export async function inbox(ctx: Ctx, { cursor, pageSize }: In<'inbox'>) {
  const openid = ctx.openid();
  if (cursor !== undefined && !/^\d{13}:[0-9A-Za-z_-]{1,64}$/.test(cursor)) throw new AppError('INVALID_INPUT', '翻页参数不正确，请刷新后重试');
  const filter = { openid, ...(cursor ? { ck: cmd.lt(cursor) } : {}) };
  const [docs, unread] = await Promise.all([
    ctx.store.collection('mqinbox').where(filter).orderBy('ck', 'desc').limit(pageSize).get() as Promise<InboxDoc[]>,
    unreadOf(ctx, openid),
  ]);
  return {
    items: docs.map((m) => ({
      id: m._id,
      ...(m.problemId ? { problemId: m.problemId } : {}),
      ...(m.meetingId ? { meetingId: m.meetingId } : {}),
      title: m.title,
      body: m.body,
      at: m.at,
      read: m.read,
    })),
    next: docs.length === pageSize ? docs[docs.length - 1].ck : null,
    unread,
  };
}

/** Marks the caller's own messages read (others' ids match nothing). */
export async function readInbox(ctx: Ctx, { ids }: In<'readInbox'>) {
  const openid = ctx.openid();
  await ctx.store
    .collection('mqinbox')
    .where({ openid, read: false, ...(ids ? { _id: cmd.in(ids) } : {}) })
    .update({ read: true });
  return { unread: await unreadOf(ctx, openid) };
}
