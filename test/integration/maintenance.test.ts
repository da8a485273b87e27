// The daily purge: passes and rate-limit windows go a day after they expire; what they were
// for (a redemption, a refusal) stays, and so does anything younger.
import { purgeExpired, PURGE_GRACE_MS } from '../../server/features/maintenance/purge';
import { C } from '../../server/features/perk/docs';
import { AL, CLERK, NL, count, ok, perkCall, perkRuntime } from './perk-helpers';

describe('maintenance: purge of expired records', () => {
  it('removes passes and rate-limit windows a day past their expiry, and nothing else', async () => {
    const rt = perkRuntime();
    const used = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL));
    expect(ok(await perkCall(rt, 'verify', { shortCode: used.shortCode }, CLERK)).verdict).toBe('valid');
    ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, AL));
    // A mistyped code opens a rate-limit window for the clerk.
    expect(ok(await perkCall(rt, 'verify', { shortCode: '10000000' }, CLERK)).verdict).toBe('forged');
    expect(await count(rt, C.passes)).toBe(2);
    expect(await count(rt, 'ratelimits')).toBe(1);

    // Expired, but not yet a day ago: kept (a code typed today still hears "used" or "expired").
    rt.clock.advance(PURGE_GRACE_MS);
    expect(await purgeExpired(rt.store, rt.clock.now())).toEqual({ perkpasses: 0, ratelimits: 0 });
    expect(ok(await perkCall(rt, 'verify', { shortCode: used.shortCode }, CLERK)).verdict).toBe('used');

    // A pass opened now is young; the old ones are a day past expiry.
    const fresh = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, AL));
    rt.clock.advance(11 * 60_000);
    const report = await purgeExpired(rt.store, rt.clock.now());
    expect(report.perkpasses).toBe(2);
    expect(report.ratelimits).toBe(1);
    expect((await rt.store.collection(C.passes).where({}).get()).map((p) => p._id)).toEqual([fresh.shortCode]);
    // The redemption is history, not a pass: it stays.
    expect(await count(rt, C.redemptions)).toBe(1);
    // Running again finds nothing more.
    expect(await purgeExpired(rt.store, rt.clock.now())).toEqual({ perkpasses: 0, ratelimits: 0 });
    rt.close();
  });
});
