// Bench data for 通知公告 (figure notice.feed): notices spread over the district's scopes
// as published in practice (10% to a 社区, 20% to a 片, 30% to a 组, 40% to a 邻; one in 50
// pinned, one in 10 already expired), NOTICES_PER_HOUSEHOLD of them (10,000 for 190,000
// households, 100 for 1,000), written with bulkPut; and FEED_READERS residents bound to
// households spread over the whole district, `bench-notice-<n>`.
import type { HouseholdDoc, NodeDoc } from '../../server/domain/docs';
import type { UserDoc } from '../../server/domain/users';
import { keyOf, NO_EXPIRY, rankOf, type NoticeDoc } from '../../server/features/notice/docs';
import type { LocalRuntime } from '../../server/runtime/local';
import { buildTree } from '../../server/seed/tree';
import { benchSize } from '../sizes';

export const FEED_READERS = 200;
export const readerOpenid = (n: number) => `bench-notice-${n}`;
/** 10,000 notices for 岳塘's 190,000 households; at least 100. */
export const noticeCountFor = (households: number) => Math.max(100, Math.round(households / 19));
const SHARES: [NodeDoc['level'], number][] = [
  ['community', 0.1],
  ['area', 0.2],
  ['group', 0.3],
  ['unit', 0.4],
];

export async function seedNotices(rt: LocalRuntime, now = Date.now()): Promise<{ notices: number; households: number }> {
  const { nodes, households } = buildTree({ size: benchSize(), now });
  const byLevel = new Map<string, NodeDoc[]>();
  for (const n of nodes) byLevel.set(n.level, [...(byLevel.get(n.level) ?? []), n]);
  const total = noticeCountFor(households.length);
  const docs: NoticeDoc[] = [];
  let i = 0;
  for (const [level, share] of SHARES) {
    const scopes = byLevel.get(level) ?? [];
    const count = Math.round(total * share);
    for (let k = 0; k < count; k++, i++) {
      const node = scopes[(k * 7919) % scopes.length];
      const createdAt = now - (i + 1) * 60_000;
      const _id = `nb${i}`;
      const key = keyOf(createdAt, _id);
      const pinned = i % 50 === 0;
      const expiresAt = i % 10 === 0 ? now - 3600_000 : null;
      docs.push({
        _id,
        title: `压测通知 ${i}`,
        body: '各位居民：本周六上午停水检修，请提前储水。如有困难请联系邻长。',
        images: [],
        pinned,
        expiresAt,
        visibleUntil: expiresAt ?? NO_EXPIRY,
        scopeId: node._id,
        scopeLevel: node.level,
        scopeName: node.name,
        at: node.at,
        by: 'bench-publisher',
        byRole: 'admin',
        byName: '压测社区',
        status: 'published',
        createdAt,
        updatedAt: createdAt,
        key,
        rank: rankOf(pinned, key),
        reads: 0,
        households: node.stats.households,
      });
    }
  }
  rt.store.bulkPut('notices', docs);
  const readers: UserDoc[] = Array.from({ length: FEED_READERS }, (_, n) => {
    const h = households[(n * 7919) % households.length] as HouseholdDoc;
    return { _id: readerOpenid(n), name: `压测居民${n}`, grants: [], household: { id: h._id, unitId: h.unitId, address: `${h.building}${h.room}` }, createdAt: now };
  });
  rt.store.bulkPut('users', readers);
  return { notices: docs.length, households: households.length };
}

export const NOTICE_SEEDERS = [{ figures: ['notice.feed'], seed: (rt: LocalRuntime) => seedNotices(rt).then(() => undefined) }];
