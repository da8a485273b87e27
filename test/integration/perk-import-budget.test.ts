// Issue 12 item 7 for the perk import: a sheet too big for one call is written a partner (with
// its perks) at a time until the call's time is spent; importing the same file again goes on
// from what is stored, and the calls end where one long call would. Measured at the largest
// sheet the import takes (2,000 rows) on the cloud's semantics with 20 ms a round trip: no call
// runs longer than the perk function's declared timeout.
import { timeoutMs } from '../../server/core/budget';
import { makeCtx } from '../../server/core/router';
import { C, type PerkDoc } from '../../server/features/perk/docs';
import { importPerks } from '../../server/features/perk/import';
import type { RoleGrantT } from '../../contracts/common';
import { createLocalRuntime, type LocalRuntime } from '../../server/runtime/local';
import { manualClock } from '../../server/runtime/local-ports';
import { buildDemo, writeTree } from '../../server/seed/demo';
import type { StoreMode } from '../../server/store/local-store';
import { ADMIN, count, uploadSheet } from './perk-helpers';
import { T0 } from './runtime';

jest.setTimeout(300_000);

const GRANT: RoleGrantT = { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' };

function sheet(partners: number, perksEach: number) {
  const rows: Record<string, string>[] = [];
  for (let p = 0; p < partners; p++) {
    for (let k = 0; k < perksEach; k++) {
      rows.push({
        name: `测试商家${p}号`,
        ...(k === 0 ? { category: '购物', address: `岳塘区测试路${p}号`, lat: '27.8591', lng: '112.9544', hours: '每天 08:00-20:00', phone: '0731-58109999' } : {}),
        title: `第${k + 1}项优惠`,
        description: `测试商家${p}号的第${k + 1}项优惠，凭码使用`,
        eligibility: '三长',
        validFrom: '2026-11-01',
        validTo: '2027-10-31',
        limit: '每月1次',
      });
    }
  }
  return rows;
}

function runtime(store: StoreMode): LocalRuntime {
  const rt = createLocalRuntime({ dbFile: ':memory:', clock: manualClock(T0), log: () => undefined, store });
  writeTree(rt.store, buildDemo(T0));
  return rt;
}

/** Every perk of the test partners as partner/title/description, whatever ids the import chose. */
async function perksOf(rt: LocalRuntime): Promise<string[]> {
  const out: string[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = (await rt.store.collection(C.perks).where({}).orderBy('_id', 'asc').skip(skip).limit(100).get()) as PerkDoc[];
    out.push(...page.filter((k) => k.partner.name.startsWith('测试商家')).map((k) => `${k.partner.name}/${k.title}/${k.description}`));
    if (page.length < 100) return out.sort();
  }
}

it('writes a sheet over several calls when one call may write only part of it, and ends where one call would', async () => {
  const once = runtime({ mode: 'local' });
  const parts = runtime({ mode: 'local' });
  try {
    const rows = sheet(12, 3);
    const whole = await importPerks(makeCtx(once.ports, { openid: ADMIN }), [GRANT], await uploadSheet(once, rows), false);
    expect(whole.more).toBeUndefined();
    expect(whole.summary).toMatchObject({ rows: 36, added: 36, rejected: 0 });

    const ctx = makeCtx(parts.ports, { openid: ADMIN });
    const fileId = await uploadSheet(parts, rows);
    const progress: { done: number; total: number }[] = [];
    for (let call = 0; call < 20; call++) {
      const r = await importPerks(ctx, [GRANT], fileId, false, { units: 5 });
      expect(r.summary.rejected).toBe(0);
      if (!r.more) break;
      progress.push(r.more);
    }
    // 12 partners, 5 a call: 12 → 7 → 2 left.
    expect(progress).toEqual([
      { done: 5, total: 12 },
      { done: 5, total: 7 },
    ]);
    expect(await perksOf(parts)).toEqual(await perksOf(once));
    expect(await count(parts, C.partners, { name: '测试商家0号' })).toBe(1);
    // The file imported once more changes nothing.
    const again = await importPerks(ctx, [GRANT], fileId, false, { units: 5 });
    expect(again.summary).toMatchObject({ added: 0, changed: 0, unchanged: 36 });
    expect(again.more).toBeUndefined();

    // Out of time: a call still writes one partner, and says what is left.
    const late = runtime({ mode: 'local' });
    try {
      const first = await importPerks(makeCtx(late.ports, { openid: ADMIN }), [GRANT], await uploadSheet(late, rows), false, { units: 100, ms: 0 });
      expect(first.more).toEqual({ done: 1, total: 12 });
    } finally {
      late.close();
    }
  } finally {
    once.close();
    parts.close();
  }
});

it('keeps every call of a 2,000-row import inside the perk function’s timeout on the cloud’s semantics (20 ms a round trip)', async () => {
  const rt = runtime({ mode: 'cloud', roundTripMs: 20 });
  try {
    const rows = sheet(200, 10);
    expect(rows).toHaveLength(2000);
    const ctx = makeCtx(rt.ports, { openid: ADMIN });
    const fileId = await uploadSheet(rt, rows);
    const calls: number[] = [];
    let r;
    do {
      const t = performance.now();
      r = await importPerks(ctx, [GRANT], fileId, false);
      calls.push(performance.now() - t);
      expect(r.summary.rejected).toBe(0);
    } while (r.more && calls.length < 20);
    expect(r.more).toBeUndefined();
    expect((await perksOf(rt)).length).toBe(2000);
    const longest = Math.max(...calls);
    console.log(`perk import, 2,000 rows at 20 ms a round trip: ${calls.length} call(s), ${calls.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (timeout ${timeoutMs('perk') / 1000} s)`);
    expect(longest).toBeLessThan(timeoutMs('perk'));
  } finally {
    rt.close();
  }
});
