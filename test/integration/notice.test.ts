// 通知公告: who publishes where, who reads what (scope, expiry, pinned order, paging), the
// content check, and the read counter (once per household, also under concurrent opens).
import fc from 'fast-check';
import type { HouseholdDoc, NodeDoc } from '../../server/domain/docs';
import type { NoticeDoc } from '../../server/features/notice/docs';
import { manualClock } from '../../server/runtime/local-ports';
import { openSqliteStore } from '../../server/store/sqlite';
import type { LocalRuntime } from '../../server/runtime/local';
import { demoRuntime, T0 } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const HOUR = 3600_000;
const text = { title: '停水通知', body: '明天上午 9 点至 12 点 1 栋停水检修，请提前储水。' };
const publish = (rt: LocalRuntime, who: string, scopeId: string, extra: Record<string, unknown> = {}) =>
  rt.call('notice', { action: 'publish', scopeId, ...text, ...extra }, who);
const feed = (rt: LocalRuntime, who: string, extra: Record<string, unknown> = {}) => rt.call('notice', { action: 'feed', ...extra }, who);
const noticeCount = (rt: LocalRuntime) => rt.store.collection('notices').count();

/** Binds `openid` to a household (as card.bind leaves it: a member, and the user's copy). */
async function bindTo(rt: LocalRuntime, openid: string, h: HouseholdDoc): Promise<void> {
  await rt.store.collection('households').doc(h._id).update({ members: [...h.members, openid] });
  await rt.store.collection('users').doc(openid).set({
    name: `居民${openid}`,
    grants: [],
    household: { id: h._id, unitId: h.unitId, address: `${h.building}${h.room}` },
    createdAt: T0,
  });
}

/** A household of the demo 社区 in the given 片 (other than h1), bound to `openid`. */
async function residentIn(rt: LocalRuntime, area: string, openid: string): Promise<HouseholdDoc> {
  const [h] = (await rt.store.collection('households').where({ 'at.area': area, _id: { $cmd: 'neq', value: 'h1' } }).limit(1).get()) as HouseholdDoc[];
  await bindTo(rt, openid, h);
  return h;
}

describe('notice: publishing', () => {
  it('a 管理员 publishes to a 片: its residents see it, a resident of another 片 does not', async () => {
    const rt = demoRuntime();
    await residentIn(rt, 'a2', 'far-resident');
    const { notice } = data(await publish(rt, 'demo-admin', 'a1'));
    expect(notice).toMatchObject({ title: '停水通知', scope: { id: 'a1', level: 'area' }, publisher: { name: '幸福里社区', roleLabel: '管理员' } });
    const a1 = (await rt.store.collection('nodes').doc('a1').get()) as NodeDoc;
    expect(notice.readCount).toEqual({ read: 0, households: a1.stats.households });
    expect(a1.stats.households).toBeGreaterThan(0);

    const mine = data(await feed(rt, 'demo-resident'));
    expect(mine).toMatchObject({ source: 'household', unit: { id: 'u1' } });
    expect(mine.items.map((i: any) => i.id)).toEqual([notice.id]);
    const far = data(await feed(rt, 'far-resident'));
    expect(far.items).toEqual([]);
    expect(await rt.call('notice', { action: 'get', id: notice.id }, 'far-resident')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Passing another 邻 does not widen a bound resident's feed.
    expect(data(await feed(rt, 'far-resident', { unitId: 'u1' })).items).toEqual([]);
  });

  it('each publishes only within their node: a 邻长 not to the 片, a 片长 not to another 片; nothing is written', async () => {
    const rt = demoRuntime();
    expect(await publish(rt, 'demo-neighbour-lead', 'a1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await publish(rt, 'demo-neighbour-lead', 'u2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await publish(rt, 'demo-area-lead', 'a2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await publish(rt, 'demo-group-lead', 'a1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await publish(rt, 'demo-resident', 'u1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await noticeCount(rt)).toBe(0);
    data(await publish(rt, 'demo-neighbour-lead', 'u1'));
    data(await publish(rt, 'demo-group-lead', 'g1'));
    const byArea = data(await publish(rt, 'demo-area-lead', 'g1')).notice;
    expect(byArea.scope.name).toBe('第一片第一组');
    expect(await noticeCount(rt)).toBe(3);
  });

  it('the publish form offers a 管理员 the 社区, its 片 and their 组, and a 片长 their 片 and its 组', async () => {
    const rt = demoRuntime();
    const admin = data(await rt.call('notice', { action: 'targets' }, 'demo-admin')).targets;
    expect(admin[0]).toMatchObject({ id: 'c1', level: 'community', name: '幸福里社区' });
    expect(admin.filter((t: any) => t.level === 'area')).toHaveLength(3);
    expect(admin.filter((t: any) => t.level === 'group')).toHaveLength(9);
    expect(admin[1]).toMatchObject({ id: 'a1', level: 'area' });
    expect(admin[2]).toMatchObject({ level: 'group', name: expect.stringMatching(/^第一片第.组$/) });
    const area = data(await rt.call('notice', { action: 'targets' }, 'demo-area-lead')).targets;
    expect(area.map((t: any) => t.level)).toEqual(['area', 'group', 'group', 'group']);
    const unit = data(await rt.call('notice', { action: 'targets' }, 'demo-neighbour-lead')).targets;
    expect(unit).toEqual([expect.objectContaining({ id: 'u1', level: 'unit', households: expect.any(Number) })]);
  });

  it('a text on the word list is refused with CONTENT_REJECTED and nothing is written (publish and update)', async () => {
    const rt = demoRuntime();
    expect(await publish(rt, 'demo-admin', 'c1', { body: '周末棋牌室组织赌博活动' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await publish(rt, 'demo-admin', 'c1', { title: '加微信领红包' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(await noticeCount(rt)).toBe(0);
    const { notice } = data(await publish(rt, 'demo-admin', 'c1'));
    const before = await rt.store.collection('notices').doc(notice.id).get();
    const writes = rt.store.stats().writes;
    expect(await rt.call('notice', { action: 'update', id: notice.id, body: '代开发票，价格优惠' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_REJECTED' },
    });
    expect(rt.store.stats().writes).toBe(writes);
    expect(await rt.store.collection('notices').doc(notice.id).get()).toEqual(before);
  });

  it('bad input is refused before anything is written', async () => {
    const rt = demoRuntime();
    const bad = fc.oneof(
      fc.record({ title: fc.constant(''), body: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ title: fc.integer({ min: 41, max: 60 }).map((n) => '长'.repeat(n)), body: fc.constant('正文') }),
      fc.record({ title: fc.constant('标题'), body: fc.constant('正文'), images: fc.array(fc.constant('local:uploads/a.png'), { minLength: 10, maxLength: 12 }) }),
      fc.record({ title: fc.constant('标题'), body: fc.constant('正文'), images: fc.array(fc.string(), { minLength: 1, maxLength: 2 }) }),
      fc.record({ title: fc.constant('标题'), body: fc.constant('正文'), scopeId: fc.constantFrom('', '../c1', 'a b', 1) }),
      fc.record({ title: fc.constant('标题'), body: fc.constant('正文'), expiresAt: fc.constantFrom(-1, 'tomorrow', 1.5) }),
      fc.record({ title: fc.constant('标题'), body: fc.constant('正文'), pinned: fc.constantFrom('yes', 1) }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (input) => {
        const reply = await rt.call('notice', { action: 'publish', scopeId: 'c1', ...input }, 'demo-admin');
        const ok = reply.ok || (reply.error.code === 'INVALID_INPUT' && reply.error.message.length > 0);
        return ok && !reply.ok;
      }),
      { numRuns: 60 },
    );
    // An expiry in the past is refused by the handler.
    expect(await publish(rt, 'demo-admin', 'c1', { expiresAt: T0 - HOUR })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await noticeCount(rt)).toBe(0);
  });
});

describe('notice: the feed', () => {
  it('pinned first, then newest; paged with a cursor that never repeats or skips one (ties broken by id)', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      if (i % 4 !== 0) clock.advance(60_000); // some published in the same millisecond
      const pinned = i === 3 || i === 11;
      ids.push(data(await publish(rt, i % 2 || i % 3 === 0 ? 'demo-admin' : 'demo-area-lead', i % 3 ? 'a1' : 'c1', { title: `通知${i}`, pinned })).notice.id);
    }
    const seen: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = data(await feed(rt, 'demo-resident', { pageSize: 5, ...(cursor ? { cursor } : {}) }));
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items);
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen.map((i) => i.id)).size).toBe(23);
    expect(seen.slice(0, 2).map((i) => i.title)).toEqual(['通知11', '通知3']);
    const rest = seen.slice(2);
    for (let i = 1; i < rest.length; i++) {
      expect(rest[i - 1].publishedAt >= rest[i].publishedAt).toBe(true);
      if (rest[i - 1].publishedAt === rest[i].publishedAt) expect(rest[i - 1].id > rest[i].id).toBe(true);
    }
    expect(rest.every((i) => !i.pinned)).toBe(true);
  });

  it('expired notices are hidden from residents; the publisher still lists them as expired', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const soon = data(await publish(rt, 'demo-admin', 'c1', { title: '今晚停电', expiresAt: T0 + 2 * HOUR })).notice;
    clock.advance(1000);
    const lasting = data(await publish(rt, 'demo-admin', 'c1', { title: '垃圾分类须知' })).notice;
    expect(data(await feed(rt, 'demo-resident')).items.map((i: any) => i.id)).toEqual([lasting.id, soon.id]);
    clock.advance(2 * HOUR);
    expect(data(await feed(rt, 'demo-resident')).items.map((i: any) => i.id)).toEqual([lasting.id]);
    expect(await rt.call('notice', { action: 'get', id: soon.id }, 'demo-resident')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const listed = data(await rt.call('notice', { action: 'published' }, 'demo-admin')).items;
    expect(listed.find((i: any) => i.id === soon.id)).toMatchObject({ expired: true, status: 'published' });
    expect(listed.find((i: any) => i.id === lasting.id)).toMatchObject({ expired: false });
  });

  it('a withdrawn notice disappears; only its publisher or a 管理员 above may withdraw or edit it', async () => {
    const rt = demoRuntime();
    const byArea = data(await publish(rt, 'demo-area-lead', 'a1')).notice;
    expect(await rt.call('notice', { action: 'withdraw', id: byArea.id }, 'demo-group-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await rt.call('notice', { action: 'update', id: byArea.id, pinned: true }, 'demo-neighbour-lead')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const pinned = data(await rt.call('notice', { action: 'update', id: byArea.id, pinned: true }, 'demo-admin')).notice;
    expect(pinned).toMatchObject({ pinned: true, canManage: true });
    expect(data(await feed(rt, 'demo-resident')).items[0]).toMatchObject({ id: byArea.id, pinned: true });
    expect(data(await rt.call('notice', { action: 'withdraw', id: byArea.id }, 'demo-admin'))).toEqual({ id: byArea.id, status: 'withdrawn' });
    expect(data(await feed(rt, 'demo-resident')).items).toEqual([]);
    expect(await rt.call('notice', { action: 'get', id: byArea.id }, 'demo-resident')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data(await rt.call('notice', { action: 'get', id: byArea.id }, 'demo-area-lead'))).toMatchObject({ status: 'withdrawn' });
    expect(await rt.call('notice', { action: 'update', id: byArea.id, title: '新标题' }, 'demo-area-lead')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a resident without a household sees the scanned card’s notices, or an empty feed that says so', async () => {
    const rt = demoRuntime();
    const { notice } = data(await publish(rt, 'demo-admin', 'a1'));
    expect(data(await feed(rt, 'demo-newcomer'))).toEqual({ items: [], next: null, source: 'none', unit: null });
    const card = data(await feed(rt, 'demo-newcomer', { unitId: 'u1' }));
    expect(card).toMatchObject({ source: 'card', unit: { id: 'u1' } });
    expect(card.items.map((i: any) => i.id)).toEqual([notice.id]);
    const opened = data(await rt.call('notice', { action: 'get', id: notice.id, unitId: 'u1' }, 'demo-newcomer'));
    expect(opened).toMatchObject({ body: text.body, read: false, canManage: false });
    expect(opened.readCount).toBeUndefined();
    expect(((await rt.store.collection('notices').doc(notice.id).get()) as NoticeDoc).reads).toBe(0);
    // A remembered card that no longer exists (or is not a 邻) reads as no card at all.
    expect(data(await feed(rt, 'demo-newcomer', { unitId: 'u99999' }))).toMatchObject({ source: 'none', items: [] });
    expect(data(await feed(rt, 'demo-newcomer', { unitId: 'a1' }))).toMatchObject({ source: 'none', items: [] });
  });

  it('reads per feed call do not grow with the number of notices', async () => {
    const rt = demoRuntime();
    const readsOfFeed = async () => {
      const before = rt.store.stats().reads;
      data(await feed(rt, 'demo-resident'));
      return rt.store.stats().reads - before;
    };
    data(await publish(rt, 'demo-admin', 'c1'));
    const few = await readsOfFeed();
    for (let i = 0; i < 40; i++) data(await publish(rt, 'demo-admin', i % 2 ? 'a1' : 'a2'));
    expect(await readsOfFeed()).toBe(few);
    expect(few).toBe(4);
  });

  it('the feed query seeks the scope index (no scan of the notices)', () => {
    const store = openSqliteStore(':memory:');
    store.collection('notices');
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM "c_notices" WHERE json_extract(doc, '$.scopeId') IN (?, ?, ?) AND json_extract(doc, '$.status') = ? AND json_extract(doc, '$.visibleUntil') > ? ORDER BY json_extract(doc, '$.rank') DESC LIMIT 11`,
      )
      .all('u1', 'g1', 'a1', 'published', T0) as { detail: string }[];
    const detail = plan.map((p) => p.detail).join(' | ');
    expect(detail).toMatch(/SEARCH c_notices USING INDEX c_notices__scope_feed/);
    expect(detail).not.toMatch(/SCAN c_notices/);
    store.close();
  });
});

describe('notice: read counts', () => {
  it('counts each household once, even when its members open it at the same moment', async () => {
    const rt = demoRuntime();
    const { notice } = data(await publish(rt, 'demo-admin', 'a1'));
    const h1 = (await rt.store.collection('households').doc('h1').get()) as HouseholdDoc;
    await bindTo(rt, 'family-member', h1);
    const opens = await Promise.all(
      Array.from({ length: 12 }, (_, i) => rt.call('notice', { action: 'get', id: notice.id }, i % 2 ? 'demo-resident' : 'family-member')),
    );
    expect(opens.every((r) => r.ok)).toBe(true);
    const stored = (await rt.store.collection('notices').doc(notice.id).get()) as NoticeDoc;
    expect(stored.reads).toBe(1);
    expect(await rt.store.collection('noticeReads').count()).toBe(1);
    expect(data(await feed(rt, 'demo-resident')).items[0]).toMatchObject({ id: notice.id, read: true });

    const neighbour = await residentIn(rt, 'a1', 'neighbour');
    expect(neighbour.unitId).toBeDefined();
    data(await rt.call('notice', { action: 'get', id: notice.id }, 'neighbour'));
    data(await rt.call('notice', { action: 'get', id: notice.id }, 'neighbour'));
    const seenByAdmin = data(await rt.call('notice', { action: 'get', id: notice.id }, 'demo-admin'));
    expect(seenByAdmin.readCount).toEqual({ read: 2, households: notice.readCount.households });
    const listed = data(await rt.call('notice', { action: 'published' }, 'demo-admin')).items[0];
    expect(listed).toMatchObject({ id: notice.id, read: 2, households: notice.readCount.households });
    // A resident is never shown the count; the 管理员's own opening counts nothing.
    expect(data(await rt.call('notice', { action: 'get', id: notice.id }, 'neighbour')).readCount).toBeUndefined();
  });

  it('opening it again costs one read and no write', async () => {
    const rt = demoRuntime();
    const { notice } = data(await publish(rt, 'demo-admin', 'a1'));
    const first = rt.store.stats();
    data(await rt.call('notice', { action: 'get', id: notice.id }, 'demo-resident'));
    const second = rt.store.stats();
    expect(second.writes - first.writes).toBe(2); // the marker and the counter
    data(await rt.call('notice', { action: 'get', id: notice.id }, 'demo-resident'));
    const third = rt.store.stats();
    expect(third.writes - second.writes).toBe(0);
    expect(third.reads - second.reads).toBeLessThanOrEqual(second.reads - first.reads);
  });

  it('a 三长 lists the notices they published; a 管理员 every notice of the 社区, paged newest first', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      data(await publish(rt, i < 3 ? 'demo-neighbour-lead' : 'demo-admin', 'u1', { title: `通知${i}` }));
    }
    const lead = data(await rt.call('notice', { action: 'published' }, 'demo-neighbour-lead')).items;
    expect(lead.map((i: any) => i.title)).toEqual(['通知2', '通知1', '通知0']);
    const p1 = data(await rt.call('notice', { action: 'published', pageSize: 4 }, 'demo-admin'));
    const p2 = data(await rt.call('notice', { action: 'published', pageSize: 4, cursor: p1.next }, 'demo-admin'));
    expect([...p1.items, ...p2.items].map((i: any) => i.title)).toEqual(['通知6', '通知5', '通知4', '通知3', '通知2', '通知1', '通知0']);
    expect(p2.next).toBeNull();
    expect(data(await rt.call('notice', { action: 'published' }, 'demo-group-lead')).items).toEqual([]);
  });
});
