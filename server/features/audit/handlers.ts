// 操作记录: a 管理员 reads the audit log of their subtree (the writing side is the router's,
// server/domain/audit.ts). One page: the entries, then the names of their actors and places
// (one read each for the page, whatever its size).
import { audit } from '../../../contracts/audit';
import { AUDITED, type AuditedAction } from '../../../contracts/audited';
import { LEVELS, ROLE_LABELS } from '../../../contracts/roles';
import { AppError } from '../../core/errors';
import { defineFunction } from '../../core/router';
import type { At } from '../../domain/docs';
import { grantsOf } from '../../domain/scope';
import { cmd } from '../../store/port';

const KINDS = (Object.entries(AUDITED) as [AuditedAction, string][]).map(([what, label]) => ({ what, label }));

/** The most precise node an entry names (邻 before 组 … before 区). */
function placeId(at: At): string | undefined {
  for (const level of [...LEVELS].reverse()) if (at[level]) return at[level];
  return at.department;
}

export const auditFunction = defineFunction('audit', audit, {
  async list(ctx, { by, what, cursor, pageSize }) {
    const grant = (await grantsOf(ctx, ['admin'])).find((g) => g.level === 'community' || g.level === 'street' || g.level === 'district');
    if (!grant) throw new AppError('FORBIDDEN', '只有社区、镇街或区的管理员可以查看操作记录');
    const rows = await ctx.store
      .collection('auditLog')
      .where({
        [`at.${grant.level}`]: grant.nodeId,
        ...(by ? { by } : {}),
        ...(what ? { what } : {}),
        ...(cursor ? { key: cmd.lt(cursor) } : {}),
      })
      .orderBy('key', 'desc')
      .limit(pageSize + 1)
      .get();
    const page = rows.slice(0, pageSize);
    const userIds = [...new Set(page.map((e) => e.by))];
    const nodeIds = [...new Set(page.map((e) => placeId(e.at)).filter((id): id is string => !!id))];
    const [users, nodes] = await Promise.all([
      userIds.length ? ctx.store.collection('users').where({ _id: cmd.in(userIds) }).field(['name']).limit(userIds.length).get() : [],
      nodeIds.length ? ctx.store.collection('nodes').where({ _id: cmd.in(nodeIds) }).field(['name']).limit(nodeIds.length).get() : [],
    ]);
    const nameOf = new Map(users.map((u) => [u._id, u.name]));
    const placeOf = new Map(nodes.map((n) => [n._id, n.name]));
    return {
      items: page.map((e) => {
        const place = placeId(e.at);
        return {
          id: e._id,
          at: e.t,
          byId: e.by,
          byName: nameOf.get(e.by) || (nameOf.has(e.by) ? '微信用户' : '已注销用户'),
          role: e.role,
          roleLabel: ROLE_LABELS[e.role],
          what: e.what,
          whatLabel: AUDITED[e.what] ?? e.what,
          placeName: (place && placeOf.get(place)) || '',
          ...(e.subject ? { subject: e.subject } : {}),
          before: e.before,
          after: e.after,
        };
      }),
      next: rows.length > pageSize ? page[page.length - 1].key : null,
      kinds: KINDS,
    };
  },
});
