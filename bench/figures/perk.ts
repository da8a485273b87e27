// 专属优惠 figures (data: bench/seed/perk.ts).
import { PERK_CATEGORIES } from '../../contracts/perk';
import { VERIFY_FIRST_CODE, VERIFY_PASSES } from '../seed/perk';
import type { Figure } from './types';

/** Signs in as the demo 管理员 and reads p1's redemptions this month: the verifications that consumed a pass. */
async function consumedShare(base: string, calls: number): Promise<Record<string, unknown>> {
  const signin = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify({ key: 'admin' }) });
  const cookie = (signin.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${base}/api/perk`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action: 'stats' }) });
  const body = (await res.json()) as { data?: { items: { partnerId: string; count: number }[] } };
  const valid = body.data?.items.find((i) => i.partnerId === 'p1')?.count ?? 0;
  // +1: the probe call run.ts makes before measuring.
  return { valid, valid_share: Number((valid / (calls + 1)).toFixed(3)) };
}

export const PERK_FIGURES: Figure[] = [
  {
    // A 邻长 opening 优惠 on a category tab, first page (10 rows, the page's default): the
    // caller's user document and the catalogue's head (its parsed body is current in memory);
    // the 300 perks filtered, checked for eligibility and paged in memory.
    name: 'perk.list.category',
    fn: 'perk',
    body: (i) => ({ action: 'list', category: PERK_CATEGORIES[i % PERK_CATEGORIES.length] }),
    as: 'neighbourLead',
    target: { minRatio: 0.5, maxReads: 2, maxWrites: 0 },
  },
  {
    // The same, all categories, sorted by haversine distance from a location that moves about 岳塘.
    name: 'perk.list.distance',
    fn: 'perk',
    body: (i) => ({
      action: 'list',
      sort: 'distance',
      lat: 27.86 + (((i * 37) % 101) - 50) / 2000,
      lng: 112.95 + (((i * 53) % 101) - 50) / 2000,
    }),
    as: 'neighbourLead',
    target: { minRatio: 0.5, maxReads: 2, maxWrites: 0 },
  },
  {
    // The demo clerk (湘味小厨) types the 8-digit code of a fresh, valid pass on every request:
    // the pass record, the signature, the perk and the holder as they are now, then the
    // consuming transaction (redemption + usage counter) and the month's counter. This is the
    // scanned-token path plus the one read that finds the token by its code. `valid_share`
    // reports how many requests consumed a pass (1.0 = every one).
    name: 'perk.verify',
    fn: 'perk',
    body: (i) => ({ action: 'verify', shortCode: String(VERIFY_FIRST_CODE + (i % VERIFY_PASSES)) }),
    as: 'clerk',
    // 7 reads and 4 writes a call (the last read and write: the holder's node, and the
    // month's 工作台 figure of perks redeemed by the 三长 under it, issue 16).
    target: { minRatio: 0.5, maxReads: 7, maxWrites: 4, minShare: { field: 'valid_share', value: 0.99 } },
    report: (base, calls) => consumedShare(base, calls),
  },
];
