// The pass and its verification (核销): each kind of bad pass is refused with its own
// verdict and consumes nothing; a good one is consumed exactly once, within its limit,
// however many clerks scan it at once.
import fc from 'fast-check';
import { manualClock } from '../../server/runtime/local-ports';
import { C, type RedemptionDoc } from '../../server/features/perk/docs';
import { signPass, type PassPayload } from '../../server/features/perk/token';
import type { LocalRuntime } from '../../server/runtime/local';
import { T0, demoRuntime } from './runtime';
import { ADMIN, AL, CLERK, GL, NL, RESIDENT, bindClerk, count, ok, perkCall, perkRuntime } from './perk-helpers';

const pass = async (rt: LocalRuntime, perkId: string, openid: string) => ok(await perkCall(rt, 'pass', { perkId }, openid));
const verify = async (rt: LocalRuntime, input: { token?: string; shortCode?: string }, clerk = CLERK) => ok(await perkCall(rt, 'verify', input, clerk));

/** A token made with this runtime's key: what only the server could make. */
const mint = (rt: LocalRuntime, p: Partial<PassPayload>) =>
  signPass(rt.ports.secrets.passKey(), { v: 1, o: NL, k: 'p1k1', p: 'p1', n: `n${Math.random().toString(36).slice(2)}`, e: rt.ports.clock.now() + 60_000, ...p });

describe('perk: pass', () => {
  it('gives a signed token, an 8-digit code and the holder to show large; a fresh one each time', async () => {
    const rt = perkRuntime();
    const a = await pass(rt, 'p1k1', AL);
    const b = await pass(rt, 'p1k1', AL);
    expect(a.token).toMatch(/^[0-9A-Za-z_-]+\.[0-9A-Za-z_-]{43}$/);
    expect(a.token.length).toBeLessThan(220);
    expect(a.shortCode).toMatch(/^\d{8}$/);
    expect(a.expiresAt - a.serverNow).toBe(60_000);
    expect(a.refreshInMs).toBeLessThan(60_000);
    expect(a.holder).toMatchObject({ roleLabel: '片长', nodeName: '第一片', honours: [] });
    expect(a.holder.name).toBeTruthy();
    expect(a.perk).toEqual({ id: 'p1k1', title: '堂食九折', partnerName: '湘味小厨', limitText: '每月1次' });
    expect(a.usage).toMatchObject({ used: 0, count: 1 });
    expect(b.token).not.toBe(a.token);
    expect(b.shortCode).not.toBe(a.shortCode);
    rt.close();
  });

  it('is refused for a perk the caller may not use, writing nothing', async () => {
    const rt = perkRuntime();
    const writes = rt.store.stats().writes;
    expect(await perkCall(rt, 'pass', { perkId: 'p1k2' }, NL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这项优惠仅限片长' } });
    expect(await perkCall(rt, 'pass', { perkId: 'p1k3' }, GL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这项优惠仅限最美邻长' } });
    expect(await perkCall(rt, 'pass', { perkId: 'p8k2' }, GL)).toMatchObject({ ok: false, error: { code: 'CLOSED', message: '这项优惠12月25日起可用' } });
    expect(await perkCall(rt, 'pass', { perkId: 'p1k1' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'pass', { perkId: 'p1k1' }, CLERK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });
});

describe('perk: passStatus', () => {
  it("tells the holder their pass was consumed, where and when, in one read of it until it is; nobody else's", async () => {
    const rt = perkRuntime();
    const p = await pass(rt, 'p1k1', NL);
    const r0 = rt.store.stats().reads;
    expect(ok(await perkCall(rt, 'passStatus', { token: p.token }, NL))).toEqual({ redeemed: null });
    expect(rt.store.stats().reads - r0).toBe(2); // the caller's roles, the redemption
    const done = await verify(rt, { token: p.token });
    const status = ok(await perkCall(rt, 'passStatus', { token: p.token }, NL));
    expect(status).toEqual({
      redeemed: { at: done.redeemedAt, partnerName: '湘味小厨', perkTitle: '堂食九折' },
      usage: expect.objectContaining({ used: 1, count: 1, text: expect.stringContaining('已用 1 次') }),
    });
    // Another 三长 holding the token, a token altered or made without the key: unknown, and nothing read.
    const r1 = rt.store.stats().reads;
    expect(await perkCall(rt, 'passStatus', { token: p.token }, GL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await perkCall(rt, 'passStatus', { token: p.token.slice(0, -2) + 'AA' }, NL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const forged = signPass(Buffer.alloc(32, 7), { v: 1, o: NL, k: 'p1k1', p: 'p1', n: 'x1', e: rt.ports.clock.now() + 60_000 });
    expect(await perkCall(rt, 'passStatus', { token: forged }, NL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(rt.store.stats().reads - r1).toBe(3); // each call's roles, no pass data
    // Not a 三长: refused by role.
    expect(await perkCall(rt, 'passStatus', { token: p.token }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    rt.close();
  });
});

describe('perk: verify', () => {
  it('consumes a valid pass once and records it for both sides and the 管理员', async () => {
    const rt = perkRuntime();
    const s0 = rt.store.stats();
    const p = await pass(rt, 'p1k1', NL);
    const s1 = rt.store.stats();
    expect([s1.reads - s0.reads, s1.writes - s0.writes]).toEqual([3, 1]); // user, perk, usage / the pass record
    const first = await verify(rt, { token: p.token });
    const s2 = rt.store.stats();
    // clerk, perk, holder, redemption, usage / redemption, usage, the month's counter (created: update + add);
    // then the 工作台's figure of perks redeemed by the 三长 under each level: the holder's 邻 (a read),
    // the month's documents of its 组/片/社区/镇街/区, created here (an update, a read of which exist, 5 adds).
    expect([s2.reads - s1.reads, s2.writes - s1.writes]).toEqual([5 + 2, 4 + 6]);
    expect(first).toMatchObject({ verdict: 'valid', word: '核销成功', ok: true, perk: { id: 'p1k1', title: '堂食九折' }, holder: { roleLabel: '邻长' } });
    expect(first.detail).toContain('堂食九折');
    const again = await verify(rt, { token: p.token });
    expect(again).toMatchObject({ verdict: 'used', word: '已使用', ok: false, redeemedAt: first.redeemedAt });
    expect(await verify(rt, { shortCode: p.shortCode })).toMatchObject({ verdict: 'used' });

    const mine = ok(await perkCall(rt, 'myRedemptions', {}, NL));
    expect(mine).toMatchObject({ total: 1, items: [{ perkId: 'p1k1', perkTitle: '堂食九折', partnerName: '湘味小厨', categoryLabel: '餐饮', at: T0 }] });
    const counter = ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK));
    expect(counter).toMatchObject({ partner: { id: 'p1', name: '湘味小厨' }, today: 1, month: 1, total: 1, items: [{ perkTitle: '堂食九折', roleLabel: '邻长' }] });
    expect(counter.items[0].holderName).toMatch(/^.\*+$/); // masked in the list
    expect(ok(await perkCall(rt, 'stats', {}, ADMIN))).toEqual({
      month: '202611',
      scope: '幸福里社区',
      total: 1,
      items: [{ partnerId: 'p1', partnerName: '湘味小厨', categoryLabel: '餐饮', count: 1 }],
    });
    expect(ok(await perkCall(rt, 'stats', { month: '202610' }, ADMIN)).total).toBe(0);
    expect(ok(await perkCall(rt, 'get', { perkId: 'p1k1' }, NL))).toMatchObject({ canPass: false, usage: { used: 1, text: '本月已用 1 次，每月1次' } });
    rt.close();
  });

  it('by short code: a typed code finds the pass; a wrong one is refused, and guessing is slowed down', async () => {
    const rt = perkRuntime();
    const p = await pass(rt, 'p9k1', GL);
    await bindClerk(rt, 'p9', 'noodle-clerk');
    expect(await verify(rt, { shortCode: p.shortCode }, 'noodle-clerk')).toMatchObject({ verdict: 'valid' });
    const wrong = p.shortCode === '99999999' ? '99999998' : '99999999';
    expect(await verify(rt, { shortCode: wrong }, 'noodle-clerk')).toMatchObject({ verdict: 'forged', detail: expect.stringContaining('8位') });
    for (let i = 0; i < 19; i++) await perkCall(rt, 'verify', { shortCode: `1000000${i % 10}` }, 'noodle-clerk');
    expect(await perkCall(rt, 'verify', { shortCode: '10000000' }, 'noodle-clerk')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await perkCall(rt, 'verify', { shortCode: '12ab' }, 'noodle-clerk')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '优惠码是8位数字' } });
    expect(await perkCall(rt, 'verify', {}, 'noodle-clerk')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请扫码或输入8位优惠码' } });
    rt.close();
  });

  describe('refuses each kind of bad pass with its own verdict, consuming nothing', () => {
    let rt: LocalRuntime;
    const clock = manualClock(T0);
    beforeEach(() => {
      clock.set(T0);
      rt = demoRuntime({ clock });
    });
    afterEach(() => rt.close());

    const nothingConsumed = async () => {
      expect(await count(rt, C.redemptions)).toBe(0);
      expect(await count(rt, C.usage)).toBe(0);
      expect(await count(rt, C.stats)).toBe(0);
    };

    it('forged: a bad signature, another key, an altered payload, garbage', async () => {
      const p = await pass(rt, 'p1k1', NL);
      const [body, sig] = p.token.split('.');
      const flipped = `${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      const altered = `${Buffer.from(JSON.stringify({ ...payload, o: AL })).toString('base64url')}.${sig}`;
      const otherKey = signPass(Buffer.from('another-environment-key-another-environment'), payload);
      for (const token of [flipped, altered, otherKey, 'hello', `${body}.`, `${body}.${sig}.x`, p.token.slice(0, -1)]) {
        expect(await verify(rt, { token })).toMatchObject({ verdict: 'forged', word: '无效码', ok: false });
      }
      await nothingConsumed();
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'valid' }); // the real one still works
    });

    it('expired: a screenshot stops working after a minute (injected clock)', async () => {
      const p = await pass(rt, 'p1k1', NL);
      clock.advance(60_001);
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'expired', word: '已过期', detail: expect.stringContaining('刷新') });
      expect(await verify(rt, { shortCode: p.shortCode })).toMatchObject({ verdict: 'expired' });
      await nothingConsumed();
      // A fresh pass (what the page fetches before expiry) works.
      expect(await verify(rt, { token: (await pass(rt, 'p1k1', NL)).token })).toMatchObject({ verdict: 'valid' });
    });

    it('replayed: the same token again is used, also after it expired', async () => {
      await bindClerk(rt, 'p1', 'second-clerk');
      const p = await pass(rt, 'p1k1', NL);
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'valid' });
      // The clerk who just consumed it (their answer lost on a weak network, say) is told it went through …
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'used', word: '已使用', detail: expect.stringContaining('您刚才') });
      // … anyone else, or anyone later, that it cannot be used again.
      expect(await verify(rt, { token: p.token }, 'second-clerk')).toMatchObject({ verdict: 'used', detail: expect.stringContaining('不能重复使用') });
      clock.advance(5 * 60_000 + 1);
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'used', detail: expect.stringContaining('不能重复使用') });
      expect(await count(rt, C.redemptions)).toBe(1);
    });

    it('ownPass: a clerk who is also a 三长 cannot consume their own pass', async () => {
      await bindClerk(rt, 'p1', NL);
      const p = await pass(rt, 'p1k1', NL);
      expect(await verify(rt, { token: p.token }, NL)).toMatchObject({ verdict: 'ownPass', word: '不能自己核销', ok: false });
      expect(await verify(rt, { shortCode: p.shortCode }, NL)).toMatchObject({ verdict: 'ownPass' });
      await nothingConsumed();
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'valid' });
    });

    it('wrongPartner: another partner’s clerk cannot consume it', async () => {
      await bindClerk(rt, 'p9', 'noodle-clerk');
      const p = await pass(rt, 'p1k1', NL);
      expect(await verify(rt, { token: p.token }, 'noodle-clerk')).toMatchObject({ verdict: 'wrongPartner', word: '非本店优惠', detail: expect.stringContaining('湘味小厨') });
      expect(await verify(rt, { shortCode: p.shortCode }, 'noodle-clerk')).toMatchObject({ verdict: 'wrongPartner' });
      await nothingConsumed();
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'valid' });
    });

    it('ineligible: a role that may not use the perk, however the token came about', async () => {
      // A token (made with the key) for a resident, and for a 邻长 on a 片长-only perk.
      expect(await verify(rt, { token: mint(rt, { o: RESIDENT }) })).toMatchObject({ verdict: 'ineligible', word: '不符合条件', detail: expect.stringContaining('不是三长') });
      expect(await verify(rt, { token: mint(rt, { o: NL, k: 'p1k2' }) })).toMatchObject({ verdict: 'ineligible', detail: '这项优惠仅限片长' });
      // The 片长's pass, then the perk is narrowed to 最美邻长 before the scan.
      const p = await pass(rt, 'p1k2', AL);
      const perk = ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).perks.find((k: { id: string }) => k.id === 'p1k2');
      ok(await perkCall(rt, 'savePerk', { ...perk, perkId: 'p1k2', eligibility: ['honoree'] }, ADMIN)); // unknown keys of the view are dropped
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'ineligible', detail: '这项优惠仅限最美邻长' });
      // A 三长 replaced between the pass and the scan.
      const q = await pass(rt, 'p1k1', GL);
      await rt.store.collection('users').doc(GL).update({ grants: [] });
      expect(await verify(rt, { token: q.token })).toMatchObject({ verdict: 'ineligible' });
      await nothingConsumed();
    });

    it('suspended: a partner suspended after the pass was opened; resuming lets the same pass through', async () => {
      const p = await pass(rt, 'p1k1', NL);
      ok(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p1', status: 'suspended' }, ADMIN));
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'suspended', word: '已暂停' });
      await nothingConsumed();
      ok(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p1', status: 'active' }, ADMIN));
      expect(await verify(rt, { token: p.token })).toMatchObject({ verdict: 'valid' });
    });

    it('only a clerk verifies', async () => {
      const p = await pass(rt, 'p1k1', NL);
      for (const who of [NL, AL, ADMIN, RESIDENT]) {
        expect(await perkCall(rt, 'verify', { token: p.token }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      await nothingConsumed();
    });
  });

  it('100 concurrent consumptions of one token record exactly one redemption and count one use', async () => {
    const rt = perkRuntime();
    await bindClerk(rt, 'p1', 'second-clerk');
    const p = await pass(rt, 'p1k1', NL);
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        verify(rt, i % 3 === 0 ? { shortCode: p.shortCode } : { token: p.token }, i % 2 ? CLERK : 'second-clerk'),
      ),
    );
    const verdicts = replies.map((r) => r.verdict);
    expect(verdicts.filter((v) => v === 'valid')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'used')).toHaveLength(99);
    expect(await count(rt, C.redemptions)).toBe(1);
    const usage = await rt.store.collection(C.usage).where({ perkId: 'p1k1' }).get();
    expect(usage.map((u) => u.n)).toEqual([1]);
    expect((await rt.store.collection(C.stats).doc('p1:202611').get())?.n).toBe(1);
    rt.close();
  });

  it('enforces once a month at consumption: two passes opened together, one is used; next month it works again', async () => {
    const clock = manualClock(T0);
    const rt = demoRuntime({ clock });
    const a = await pass(rt, 'p1k1', NL);
    const b = await pass(rt, 'p1k1', NL); // both opened before either is used
    expect(await verify(rt, { token: a.token })).toMatchObject({ verdict: 'valid' });
    expect(await verify(rt, { token: b.token })).toMatchObject({ verdict: 'limitReached', word: '次数已用完', detail: expect.stringContaining('每月1次') });
    expect(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });

    // Two passes scanned at the same moment by two clerks: one wins.
    await bindClerk(rt, 'p1', 'second-clerk');
    const c = await pass(rt, 'p1k1', GL);
    const d = await pass(rt, 'p1k1', GL);
    const both = await Promise.all([verify(rt, { token: c.token }), verify(rt, { token: d.token }, 'second-clerk')]);
    expect(both.map((r) => r.verdict).sort()).toEqual(['limitReached', 'valid']);

    // December (Beijing) is a new period.
    clock.set(Date.UTC(2026, 10, 30, 16, 0, 1)); // 2026-12-01 00:00:01 Beijing
    const e = await pass(rt, 'p1k1', NL);
    expect(await verify(rt, { token: e.token })).toMatchObject({ verdict: 'valid' });
    expect(await count(rt, C.redemptions, { openid: NL })).toBe(2);
    rt.close();
  });

  it('a per-day limit of 2 allows two, then stops until the next Beijing day', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 15, 0)); // 23:00 Beijing
    const rt = demoRuntime({ clock });
    ok(await perkCall(rt, 'savePerk', { partnerId: 'p1', title: '饮品两杯', description: '每天两杯饮品免费', eligibility: ['neighbourLead'], validFrom: T0 - 86_400_000, validTo: T0 + 86_400_000 * 30, limit: { count: 2, period: 'day' } }, ADMIN));
    const perkId = ok(await perkCall(rt, 'list', { keyword: '饮品' }, NL)).items[0].id;
    const passes = [await pass(rt, perkId, NL), await pass(rt, perkId, NL), await pass(rt, perkId, NL)];
    expect((await Promise.all(passes.map((p) => verify(rt, { token: p.token })))).map((r) => r.verdict).sort()).toEqual(['limitReached', 'valid', 'valid']);
    clock.advance(60 * 60_000); // 00:00 Beijing, the next day
    expect(await verify(rt, { token: (await pass(rt, perkId, NL)).token })).toMatchObject({ verdict: 'valid' });
    rt.close();
  });

  it('property: random and mutated tokens never consume anything', async () => {
    const rt = perkRuntime();
    const real = await pass(rt, 'p1k1', NL);
    const writes = rt.store.stats().writes;
    const b64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), minLength: 1, maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 400 }),
          fc.tuple(b64, b64).map(([a, b]) => `${a}.${b}`),
          // The real token with one character changed.
          fc.tuple(fc.nat({ max: real.token.length - 1 }), fc.constantFrom(...'AZaz09-_.'.split(''))).map(([i, ch]) => real.token.slice(0, i) + ch + real.token.slice(i + 1)).filter((t) => t !== real.token),
          // A well-formed payload with a random signature.
          fc.tuple(fc.constantFrom(NL, AL, GL), b64).map(([o, sig]) => `${Buffer.from(JSON.stringify({ v: 1, o, k: 'p1k1', p: 'p1', n: 'x', e: T0 + 1e9 })).toString('base64url')}.${sig}`),
        ),
        async (token) => {
          const reply = await perkCall(rt, 'verify', { token }, CLERK);
          if (reply.ok) expect(reply.data.verdict).not.toBe('valid');
          else expect(reply.error.code).toBe('INVALID_INPUT');
        },
      ),
      { numRuns: 400 },
    );
    expect(rt.store.stats().writes).toBe(writes);
    expect(await count(rt, C.redemptions)).toBe(0);
    expect(await verify(rt, { token: real.token })).toMatchObject({ verdict: 'valid' });
    const rec = (await rt.store.collection(C.redemptions).get()) as RedemptionDoc[];
    expect(rec).toHaveLength(1);
    rt.close();
  });
});
