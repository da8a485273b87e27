// Cloud function `notice`: 通知公告 (contracts/notice.ts).
// Store operations per call (each a cloud round trip):
//   feed: user + 邻 + one page of notices + the page's read markers = 4 reads, whatever the
//         number of notices or households (an indexed query on the 邻's ancestor ids);
//   get: notice + user + 邻 (+ marker in the transaction; its first open: 2 writes);
//   publish: user + scope node, 1 write (after the content check).
import type { z } from 'zod';
import { notice, type NoticeDetail } from '../../../contracts/notice';
import { ROLE_LABELS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { matcher, scanByKey, searchOf } from '../../core/search';
import { publishFiles, requireOwnedFiles } from '../../domain/uploads';
import { defineFunction } from '../../core/router';
import { ancestorIds, getNode } from '../../domain/nodes';
import { grantsOf } from '../../domain/scope';
import { cmd, type Patch } from '../../store/port';
import { canManage, oversees, publishGrant, PUBLISHERS, reaches, readerOf } from './audience';
import { itemOf, keyOf, newNoticeId, NO_EXPIRY, publisherOf, rankOf, scopeOf, type NoticeDoc } from './docs';
import { markRead, readSet } from './reads';
import { scopeNameOf, targetsOf } from './targets';

const NOT_FOUND = '没有找到这条通知，它可能已撤回或已过期';

async function loadNotice(ctx: Ctx, id: string): Promise<NoticeDoc> {
  const n = await ctx.store.collection('notices').doc(id).get();
  if (!n) throw new AppError('NOT_FOUND', NOT_FOUND);
  return n;
}

/** Title and body pass the content checker before anything is stored. */
async function checkText(ctx: Ctx, title: string, body: string): Promise<void> {
  const verdict = await ctx.checker.checkText(`${title}\n${body}`, { openid: ctx.openid(), scene: 3 });
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `通知内容含有不适宜的内容（${verdict.label}），请修改后再发布`);
}

function checkExpiry(ctx: Ctx, expiresAt: number | null | undefined): void {
  if (expiresAt != null && expiresAt <= ctx.clock.now()) throw new AppError('INVALID_INPUT', '有效期应晚于现在');
}

async function detailOf(ctx: Ctx, n: NoticeDoc, read: boolean, overseer: boolean): Promise<z.input<typeof NoticeDetail>> {
  return {
    ...itemOf(n, read),
    body: n.body,
    images: n.images,
    status: n.status,
    ...(overseer ? { readCount: { read: n.reads, households: n.households } } : {}),
    canManage: await canManage(ctx, n),
  };
}

const expiredAt = (n: NoticeDoc, now: number) => n.visibleUntil <= now;

export const noticeFunction = defineFunction('notice', notice, {
  async feed(ctx, { cursor, pageSize, unitId }) {
    const reader = await readerOf(ctx, unitId);
    if (!reader.unit) return { items: [], next: null, source: reader.source, unit: null };
    const rows = await ctx.store
      .collection('notices')
      .where({
        scopeId: cmd.in(ancestorIds(reader.unit.at)),
        status: 'published',
        visibleUntil: cmd.gt(ctx.clock.now()),
        ...(cursor ? { rank: cmd.lt(cursor) } : {}),
      })
      .orderBy('rank', 'desc')
      .limit(pageSize + 1)
      .get();
    const page = rows.slice(0, pageSize);
    const read = await readSet(
      ctx.store,
      page.map((n) => n._id),
      reader.householdId,
    );
    return {
      items: page.map((n) => itemOf(n, read.has(n._id))),
      next: rows.length > pageSize ? page[page.length - 1].rank : null,
      source: reader.source,
      unit: { id: reader.unit._id, name: reader.unit.name },
    };
  },

  async get(ctx, { id, unitId }) {
    const n = await loadNotice(ctx, id);
    const overseer = await oversees(ctx, n);
    const reader = await readerOf(ctx, unitId);
    const inScope = reaches(reader, n.scopeId);
    const now = ctx.clock.now();
    const visible = n.status === 'published' && !expiredAt(n, now);
    if (!overseer && !(inScope && visible)) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (inScope && visible && reader.householdId) {
      const first = await markRead(ctx.store, n._id, reader.householdId, ctx.openid(), now);
      return detailOf(ctx, first ? { ...n, reads: n.reads + 1 } : n, true, overseer);
    }
    return detailOf(ctx, n, false, overseer);
  },

  async targets(ctx) {
    return { targets: await targetsOf(ctx) };
  },

  async publish(ctx, { scopeId, title, body, images, pinned, expiresAt }) {
    const node = await getNode(ctx.store, scopeId);
    const grant = await publishGrant(ctx, node);
    if (!grant) throw new AppError('FORBIDDEN', '您只能向自己负责的范围发布通知');
    checkExpiry(ctx, expiresAt);
    await checkText(ctx, title, body);
    await requireOwnedFiles(ctx, images, 'photo');
    const shown = await publishFiles(ctx, images); // everyone it reaches sees them: their copies in pub/
    const now = ctx.clock.now();
    const _id = newNoticeId(now);
    const key = keyOf(now, _id);
    const user = await ctx.user();
    const doc: NoticeDoc = {
      _id,
      title,
      body,
      images: shown,
      pinned,
      expiresAt,
      visibleUntil: expiresAt ?? NO_EXPIRY,
      scopeId: node._id,
      scopeLevel: node.level,
      scopeName: await scopeNameOf(ctx, node),
      at: node.at,
      by: ctx.openid(),
      byRole: grant.role,
      // A 管理员 publishes in the name of their 社区 (or 镇街, 区); a 三长 in their own.
      byName: grant.role === 'admin' ? grant.nodeName : user?.name || ROLE_LABELS[grant.role],
      status: 'published',
      createdAt: now,
      updatedAt: now,
      key,
      rank: rankOf(pinned, key),
      reads: 0,
      households: node.stats?.households ?? 0,
    };
    await ctx.store.collection('notices').add(doc);
    return { notice: await detailOf(ctx, doc, false, true) };
  },

  async update(ctx, { id, ...changes }) {
    const n = await loadNotice(ctx, id);
    if (!(await canManage(ctx, n))) throw new AppError('FORBIDDEN', '只有发布人或管理员可以修改通知');
    if (n.status === 'withdrawn') throw new AppError('CONFLICT', '这条通知已撤回，不能再修改');
    checkExpiry(ctx, changes.expiresAt);
    const title = changes.title ?? n.title;
    const body = changes.body ?? n.body;
    if (changes.title !== undefined || changes.body !== undefined) await checkText(ctx, title, body);
    if (changes.images) await requireOwnedFiles(ctx, changes.images, 'photo', { kept: n.images });
    const images = changes.images ? await publishFiles(ctx, changes.images) : n.images;
    const pinned = changes.pinned ?? n.pinned;
    const expiresAt = changes.expiresAt !== undefined ? changes.expiresAt : n.expiresAt;
    const patch: Patch = {
      title,
      body,
      images,
      pinned,
      expiresAt,
      visibleUntil: expiresAt ?? NO_EXPIRY,
      rank: rankOf(pinned, n.key),
      updatedAt: ctx.clock.now(),
    };
    await ctx.store.collection('notices').doc(id).update(patch);
    noteAudit(ctx, { at: n.at, subject: id });
    return { notice: await detailOf(ctx, { ...n, ...patch } as NoticeDoc, false, true) };
  },

  async withdraw(ctx, { id }) {
    const n = await loadNotice(ctx, id);
    if (!(await canManage(ctx, n))) throw new AppError('FORBIDDEN', '只有发布人或管理员可以撤回通知');
    if (n.status === 'published') {
      await ctx.store
        .collection('notices')
        .doc(id)
        .update({ status: 'withdrawn', withdrawnAt: ctx.clock.now(), withdrawnBy: ctx.openid() });
      noteAudit(ctx, { at: n.at, subject: id, before: [id] });
    }
    return { id, status: 'withdrawn' as const };
  },

  async published(ctx, { cursor, pageSize, q }) {
    // A 管理员 sees every notice of their subtree; a 三长 the notices they published.
    const admin = (await grantsOf(ctx, ['admin'])).find((g) => g.level !== 'partner');
    if (!admin && (await grantsOf(ctx, PUBLISHERS)).length === 0) throw new AppError('FORBIDDEN');
    const owner = admin ? { [`at.${admin.level}`]: admin.nodeId } : { by: ctx.openid() };
    const search = searchOf(q);
    const notices = ctx.store.collection('notices');
    // A search walks the same indexed order (owner, key) in bounded batches, matching the title,
    // the scope and the publisher; its cursor is the key it stopped at, as for a page.
    const match = search ? matcher(search) : null;
    const found = match ? await scanByKey((f) => notices.where(f), owner, 'key', 'desc', (n: NoticeDoc) => match([n.title, n.scopeName, n.byName]), cursor, pageSize) : null;
    const rows = found
      ? found.items
      : await notices
          .where({ ...owner, ...(cursor ? { key: cmd.lt(cursor) } : {}) })
          .orderBy('key', 'desc')
          .limit(pageSize + 1)
          .get();
    const page = rows.slice(0, pageSize);
    const now = ctx.clock.now();
    return {
      items: page.map((n) => ({
        id: n._id,
        title: n.title,
        pinned: n.pinned,
        status: n.status,
        expired: expiredAt(n, now),
        publishedAt: n.createdAt,
        expiresAt: n.expiresAt,
        scope: scopeOf(n),
        publisher: publisherOf(n),
        read: n.reads,
        households: n.households,
      })),
      next: found ? found.next : rows.length > pageSize ? page[page.length - 1].key : null,
    };
  },
});
