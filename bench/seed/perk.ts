// Bench data for 专属优惠, on top of the demo partners (server/seed/partners.ts, 12 partners,
// 16 perks) that every seeded tree carries:
// - perk.list.*: 48 more partners around 岳塘 with 284 perks — 60 partners, 300 perks in the
//   catalogue (one active partner of the demo is suspended, so 59 partners list);
// - perk.verify: VERIFY_PASSES passes for p1k1 (湘味小厨, the demo clerk's counter), one per
//   bench holder (a 邻长 each, so no usage limit is hit), signed with the runtime's own key,
//   valid for two hours, stored under the short codes 20000000, 20000001, … that the figure types.
import { PERK_CATEGORIES, type EligibilityT } from '../../contracts/perk';
import { rebuildCatalogue } from '../../server/features/perk/catalogue';
import { C, type PassDoc } from '../../server/features/perk/docs';
import { signPass } from '../../server/features/perk/token';
import type { UserDoc } from '../../server/domain/users';
import type { NodeDoc } from '../../server/domain/docs';
import type { LocalRuntime } from '../../server/runtime/local';
import { DEMO_PARTNERS, partnerDocs } from '../../server/seed/partners';
import { spread } from '../../server/seed/tree';
import type { BenchSeeder } from '../seed-extras';

export const BENCH_PARTNERS = 60;
export const BENCH_PERKS = 300;
export const VERIFY_FIRST_CODE = 20_000_000;
/** Enough passes for 15,000 verifications a second (the figure checks that every call consumed one). */
export const VERIFY_PASSES = Math.max(20_000, Math.min(30, Number(process.env.BENCH_SECONDS ?? 5)) * 15_000);
export const benchHolder = (i: number) => `bench-perk-holder-${i}`;

const ELIGIBILITY: EligibilityT[][] = [
  ['neighbourLead', 'groupLead', 'areaLead'],
  ['neighbourLead', 'groupLead', 'areaLead'],
  ['areaLead'],
  ['groupLead', 'areaLead'],
  ['honoree'],
];
const PERIODS = ['day', 'week', 'month', 'total'] as const;

async function seedCatalogue(rt: LocalRuntime): Promise<void> {
  const extra = BENCH_PARTNERS - DEMO_PARTNERS.length;
  const perksEach = spread(BENCH_PERKS - DEMO_PARTNERS.reduce((n, p) => n + p.perks.length, 0), extra);
  const specs = Array.from({ length: extra }, (_, i) => {
    // A deterministic scatter within ~5 km of 岳塘's centre.
    const a = (i * 137.508 * Math.PI) / 180;
    const r = 0.045 * Math.sqrt((i + 1) / extra);
    return {
      id: `pb${i + 1}`,
      name: `压测商家${i + 1}号`,
      category: PERK_CATEGORIES[i % PERK_CATEGORIES.length],
      address: `岳塘区压测路${i + 1}号`,
      lat: Number((27.86 + r * Math.sin(a)).toFixed(5)),
      lng: Number((112.95 + r * Math.cos(a)).toFixed(5)),
      hours: '每天 09:00-21:00',
      phone: `0731-5820${String(i + 1).padStart(4, '0')}`,
      scope: (['c1', 's1', 'yt'] as const)[i % 3],
      perks: Array.from({ length: perksEach[i] }, (_, k) => ({
        title: `压测优惠${k + 1}`,
        description: `压测商家${i + 1}号的第${k + 1}项优惠，凭码享受折扣`,
        eligibility: ELIGIBILITY[(i + k) % ELIGIBILITY.length],
        limit: { count: 1 + (k % 3), period: PERIODS[(i + k) % PERIODS.length] },
      })),
    };
  });
  const scopes = new Map<string, NodeDoc>();
  for (const id of ['yt', 's1', 'c1']) scopes.set(id, (await rt.store.collection('nodes').doc(id).get()) as NodeDoc);
  const { partners, perks } = partnerDocs(specs, scopes, rt.ports.clock.now());
  rt.store.bulkPut(C.partners, partners);
  rt.store.bulkPut(C.perks, perks);
  await rebuildCatalogue(rt.ports);
}

async function seedPasses(rt: LocalRuntime): Promise<void> {
  const key = rt.ports.secrets.passKey();
  const now = rt.ports.clock.now();
  const expiresAt = now + 2 * 3600_000;
  const users: UserDoc[] = [];
  const passes: PassDoc[] = [];
  for (let i = 0; i < VERIFY_PASSES; i++) {
    const openid = benchHolder(i);
    users.push({ _id: openid, name: `压测邻长${i}`, grants: [{ role: 'neighbourLead', nodeId: 'u1', nodeName: '1栋1单元邻', level: 'unit' }], createdAt: now });
    const nonce = `bench${i}`;
    const token = signPass(key, { v: 1, o: openid, k: 'p1k1', p: 'p1', n: nonce, e: expiresAt });
    passes.push({ _id: String(VERIFY_FIRST_CODE + i), token, nonce, openid, perkId: 'p1k1', partnerId: 'p1', expiresAt });
  }
  rt.store.bulkPut('users', users);
  rt.store.bulkPut(C.passes, passes);
}

export const PERK_SEEDERS: BenchSeeder[] = [
  { figures: ['perk.list.category', 'perk.list.distance'], seed: seedCatalogue },
  { figures: ['perk.verify'], seed: seedPasses },
];
