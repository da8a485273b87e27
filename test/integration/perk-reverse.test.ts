// 撤销核销: only a clerk of the redemption's partner or a 管理员 over it, only on the redemption's
// Beijing day, only once, with a reason the content checker passes. Every refusal writes
// nothing; a reversal keeps the record, marks it, and moves back exactly the counters the
// redemption moved (the holder's use count, the partner's month stats, the 工作台's figure),
// with one audit entry.
import { C, type RedemptionDoc } from '../../server/features/perk/docs';
import type { LocalRuntime } from '../../server/runtime/local';
import { T0 } from './runtime';
import { ADMIN, CLERK, NL, RESIDENT, bindClerk, ok, perkCall, perkRuntime } from './perk-helpers';

const REASON = '误核销了别人的优惠码';

async function redeem(rt: LocalRuntime): Promise<string> {
  const p = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL));
  expect(ok(await perkCall(rt, 'verify', { token: p.token }, CLERK))).toMatchObject({ verdict: 'valid' });
  const { items } = ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK));
  return items[0].id;
}

/** Every counter a redemption moves, as the people who read them see them. */
async function counters(rt: LocalRuntime) {
  const get = ok(await perkCall(rt, 'get', { perkId: 'p1k1' }, NL));
  const shop = ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK));
  const stats = ok(await perkCall(rt, 'stats', {}, ADMIN));
  const desk = ok(await rt.call('desk', { action: 'summary' }, ADMIN));
  return { used: get.usage.used, canPass: get.canPass, today: shop.today, month: shop.month, stats: stats.total, redeemed: desk.redeemed };
}

const reverse = (rt: LocalRuntime, redemptionId: string, openid: string | null, reason = REASON) =>
  perkCall(rt, 'reverseRedemption', { redemptionId, reason }, openid);

const auditEntries = (rt: LocalRuntime) => rt.store.collection('auditLog').where({ what: 'perk.reverseRedemption' }).get();

describe('perk: reverse a redemption (撤销核销)', () => {
  it('restores exactly the counters the redemption moved, keeps the record marked, and writes one audit entry', async () => {
    const rt = perkRuntime();
    const before = await counters(rt);
    expect(before).toEqual({ used: 0, canPass: true, today: 0, month: 0, stats: 0, redeemed: 0 });
    const id = await redeem(rt);
    expect(await counters(rt)).toEqual({ used: 1, canPass: false, today: 1, month: 1, stats: 1, redeemed: 1 });

    rt.clock.set(T0 + 14 * 3600_000 - 60_000); // 23:59 Beijing, the same day
    const reply = ok(await reverse(rt, id, CLERK));
    expect(reply.redemption).toMatchObject({ id, perkTitle: '堂食九折', reversible: false, reversed: { at: rt.clock.now(), byRole: '核销员', reason: REASON } });
    expect(await counters(rt)).toEqual(before);

    const doc = (await rt.store.collection(C.redemptions).doc(id).get()) as RedemptionDoc;
    expect(doc).toMatchObject({ at: T0, perkId: 'p1k1', openid: NL, reversed: { by: CLERK, role: 'clerk', reason: REASON } });
    expect(ok(await perkCall(rt, 'myRedemptions', {}, NL)).items).toEqual([expect.objectContaining({ id, reversedAt: rt.clock.now() })]);
    const shop = ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK));
    expect(shop).toMatchObject({ total: 1, items: [{ id, reversible: false, reversed: { reason: REASON } }] });

    const entries = await auditEntries(rt);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ by: CLERK, role: 'clerk', subject: id, before: [id], after: [] });

    // The holder may use the perk again this month, and that use counts again.
    await redeem(rt);
    expect((await counters(rt)).used).toBe(1);
    rt.close();
  });

  it('a 管理员 over the partner may reverse; a second reversal is refused in Chinese and writes nothing', async () => {
    const rt = perkRuntime();
    const id = await redeem(rt);
    expect(ok(await reverse(rt, id, ADMIN)).redemption.reversed).toMatchObject({ byRole: '管理员' });
    const writes = rt.store.stats().writes;
    for (const who of [CLERK, ADMIN]) {
      const again = await reverse(rt, id, who, '重复撤销试试');
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这次核销已于11月25日 10:00撤销，不能重复撤销' } });
    }
    expect(rt.store.stats().writes).toBe(writes);
    expect(await counters(rt)).toMatchObject({ used: 0, stats: 0, redeemed: 0 });
    expect(await auditEntries(rt)).toHaveLength(1);
    rt.close();
  });

  it('refuses everyone else, the day after, and a rejected reason — writing nothing', async () => {
    const rt = perkRuntime();
    await bindClerk(rt, 'p7', 'laundry-clerk');
    // A 管理员 of another 社区 (same 镇街).
    const c1 = (await rt.store.collection('nodes').doc('c1').get())!;
    await rt.store.collection('nodes').add({ ...c1, _id: 'c9', name: '另一社区', at: { ...c1.at, community: 'c9' }, admins: ['other-admin'] });
    await rt.store.collection('users').add({
      _id: 'other-admin',
      name: '别的社区工作人员',
      grants: [{ role: 'admin', nodeId: 'c9', nodeName: '另一社区', level: 'community' }],
      createdAt: T0,
    });
    const id = await redeem(rt);
    const after = await counters(rt);
    const writes = rt.store.stats().writes;

    expect(await reverse(rt, id, 'laundry-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这是“湘味小厨”的核销记录，您不能撤销' } });
    expect(await reverse(rt, id, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reverse(rt, id, NL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reverse(rt, id, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await reverse(rt, id, 'other-admin')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('不在您的管理范围内') } });
    expect(await reverse(rt, id, CLERK, '周末棋牌室组织赌博活动')).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('撤销原因') } });
    expect(await reverse(rt, id, CLERK, '误')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('至少2个字') } });
    expect(await reverse(rt, id, CLERK, '误'.repeat(101))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await reverse(rt, 'no-such-id', CLERK)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    rt.clock.set(T0 + 14 * 3600_000); // 00:00 Beijing, the next day
    expect(await reverse(rt, id, CLERK)).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '只能撤销当天的核销；这次核销是11月25日办理的，已不能撤销' } });
    expect(await reverse(rt, id, ADMIN)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK)).items[0]).toMatchObject({ id, reversible: false });
    expect(ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK)).items[0].reversed).toBeUndefined();

    expect(rt.store.stats().writes).toBe(writes);
    rt.clock.set(T0);
    expect(await counters(rt)).toEqual(after);
    expect(await auditEntries(rt)).toHaveLength(0);
    rt.close();
  });
});
