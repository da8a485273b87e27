// 专属优惠: browsing (one read of the catalogue), details, and 管理员 maintaining partners
// and perks by form — scope, content check, suspension, idempotent saves.
import { PERK_CATEGORIES, type PerkListItemT as PerkCardT, type PerkListPartnerT } from '../../contracts/perk';
import { C, type PartnerDoc } from '../../server/features/perk/docs';
import { T0 } from './runtime';
import { ADMIN, AL, CLERK, GL, NL, RESIDENT, bindClerk, count, ok, perkCall, perkRuntime } from './perk-helpers';

const P9 = { lat: 27.8598, lng: 112.9489 }; // 老街米粉店

/** A list page's partners are exactly its rows' partners, each once. */
function expectPartnersOfRows(list: { items: PerkCardT[]; partners: Record<string, PerkListPartnerT> }) {
  expect(Object.keys(list.partners).sort()).toEqual([...new Set(list.items.map((i) => i.partnerId))].sort());
}

const newPartner = {
  name: '晨光理发店',
  category: 'services',
  address: '岳塘区和美街30号',
  location: { lat: 27.8577, lng: 112.9571 },
  hours: '每天 08:00-20:00',
  phone: '13900008888',
  scopeId: 'c1',
};
const newPerk = (partnerId: string) => ({
  partnerId,
  title: '理发八折',
  description: '三长理发八折',
  eligibility: ['neighbourLead', 'groupLead', 'areaLead'],
  validFrom: T0 - 86_400_000,
  validTo: T0 + 30 * 86_400_000,
  limit: { count: 1, period: 'month' },
});

describe('perk: browse', () => {
  const rt = perkRuntime();
  afterAll(() => rt.close());

  it('lists with one read of the catalogue (plus the caller), eligible perks first, each telling why not', async () => {
    const first = rt.store.stats();
    ok(await perkCall(rt, 'list', { pageSize: 50 }, NL));
    const before = rt.store.stats();
    // The caller's user document, the catalogue's head, and (the first time) its body.
    expect(before.reads - first.reads).toBe(3);
    const list = ok(await perkCall(rt, 'list', { pageSize: 50 }, NL));
    const after = rt.store.stats();
    // Then the head only: this runtime's parsed copy is current.
    expect(after.reads - before.reads).toBe(2);
    expect(after.writes - first.writes).toBe(0);
    const items = list.items as PerkCardT[];
    // 12 partners, one suspended (p12): its perk is not listed.
    expect(list.total).toBe(15);
    expect(items.map((i) => i.partnerId)).not.toContain('p12');
    // A row without a reason is one the caller can use; those come first.
    const firstIneligible = items.findIndex((i) => i.reason !== undefined);
    expect(firstIneligible).toBeGreaterThan(0);
    expect(items.slice(firstIneligible).every((i) => i.reason !== undefined)).toBe(true);
    const byTitle = new Map(items.map((i) => [i.title, i]));
    expect(byTitle.get('堂食九折')).toEqual({ id: 'p1k1', title: '堂食九折', limitText: '每月1次', partnerId: 'p1' });
    expect(byTitle.get('片长工作餐')).toMatchObject({ reason: '仅限片长' });
    expect(byTitle.get('最美邻长双人套餐')).toMatchObject({ reason: '仅限最美邻长' });
    expect(byTitle.get('年货节满200减30')).toMatchObject({ reason: '12月25日起可用' });
    // Each row's partner once, by id: what the row shows of it.
    expectPartnersOfRows(list);
    expect(list.partners.p1).toEqual({ name: '湘味小厨', category: 'dining' });
    expect(list.sort).toBe('default');
    expect(Object.keys(list.counts)).toEqual([...PERK_CATEGORIES]);
    expect(list.counts.dining).toBe(4);
    expect(Object.values(list.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('the 片长 and a 最美邻长 see their own perks as eligible', async () => {
    const asArea = ok(await perkCall(rt, 'list', { category: 'dining' }, AL)).items as PerkCardT[];
    expect(asArea.find((i) => i.title === '片长工作餐')).toBeDefined();
    expect(asArea.find((i) => i.title === '片长工作餐')?.reason).toBeUndefined();
    await rt.store.collection('users').doc(NL).update({ honours: [{ campaignId: 'c2026', title: '2026年度最美邻长', at: T0 }] });
    const asHonoree = ok(await perkCall(rt, 'list', { category: 'dining' }, NL)).items as PerkCardT[];
    expect(asHonoree.find((i) => i.title === '最美邻长双人套餐')).toBeDefined();
    expect(asHonoree.find((i) => i.title === '最美邻长双人套餐')?.reason).toBeUndefined();
    expect(asHonoree.find((i) => i.title === '片长工作餐')).toMatchObject({ reason: '仅限片长' });
    await rt.store.collection('users').doc(NL).update({ honours: [] });
  });

  it('filters by category and keyword, sorts by distance, and pages', async () => {
    const dining = ok(await perkCall(rt, 'list', { category: 'dining' }, GL));
    expect(new Set(dining.items.map((i: PerkCardT) => i.partnerId))).toEqual(new Set(['p1', 'p9']));
    expectPartnersOfRows(dining);
    expect(Object.values(dining.partners).every((p) => (p as PerkListPartnerT).category === 'dining')).toBe(true);
    const noodles = ok(await perkCall(rt, 'list', { keyword: '米粉' }, GL));
    expect(noodles.items.map((i: PerkCardT) => i.title)).toEqual(['米粉加码免费']);
    expect(noodles.counts.dining).toBe(1);
    expect(noodles.counts.shopping).toBe(0);
    expectPartnersOfRows(noodles);

    const near = ok(await perkCall(rt, 'list', { sort: 'distance', ...P9, pageSize: 50 }, GL));
    expect(near.sort).toBe('distance');
    expect(near.total).toBe(15);
    expect(near.items).toHaveLength(15);
    expectPartnersOfRows(near);
    const metres = (i: PerkCardT) => near.partners[i.partnerId].distanceM as number;
    expect(near.items[0]).toMatchObject({ title: '米粉加码免费' });
    expect(metres(near.items[0])).toBe(0);
    const d = near.items.map(metres);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    // 湘味小厨 is ~0.45 km from 老街米粉店.
    expect(near.partners.p1.distanceM).toBeGreaterThan(400);
    expect(near.partners.p1.distanceM).toBeLessThan(800);
    // A partner's perks together, the ones the caller can use first.
    const p1Rows = near.items.filter((i: PerkCardT) => i.partnerId === 'p1').map((i: PerkCardT) => i.title);
    expect(p1Rows).toEqual(['堂食九折', '片长工作餐', '最美邻长双人套餐']);
    // The same order, page by page (4 a page), as a category, and with a keyword.
    const paged: PerkCardT[] = [];
    for (let page = 1; page <= 4; page++) paged.push(...ok(await perkCall(rt, 'list', { sort: 'distance', ...P9, page, pageSize: 4 }, GL)).items);
    expect(paged.map((i) => i.id)).toEqual(near.items.map((i: PerkCardT) => i.id));
    const nearDining = ok(await perkCall(rt, 'list', { sort: 'distance', ...P9, category: 'dining' }, GL));
    expect(nearDining.items.map((i: PerkCardT) => i.id)).toEqual(near.items.filter((i: PerkCardT) => near.partners[i.partnerId].category === 'dining').map((i: PerkCardT) => i.id));
    expect(nearDining.partners.p1.distanceM).toBe(near.partners.p1.distanceM);
    const nearKeyword = ok(await perkCall(rt, 'list', { sort: 'distance', ...P9, keyword: '岳塘区', pageSize: 50 }, GL));
    expect(nearKeyword.items.map((i: PerkCardT) => i.id)).toEqual(near.items.map((i: PerkCardT) => i.id));
    expect(nearKeyword.partners).toEqual(near.partners);

    // The first page (10, the default) is the 10 nearest.
    const first = ok(await perkCall(rt, 'list', { sort: 'distance', ...P9 }, GL));
    expect(first.items.map((i: PerkCardT) => i.id)).toEqual(near.items.slice(0, 10).map((i: PerkCardT) => i.id));
    expectPartnersOfRows(first);
    expect(first.total).toBe(15);

    // Without a location, distance falls back to the default order (and says so).
    expect(ok(await perkCall(rt, 'list', { sort: 'distance' }, GL)).sort).toBe('default');

    const p1 = ok(await perkCall(rt, 'list', { page: 1, pageSize: 4 }, GL));
    const p2 = ok(await perkCall(rt, 'list', { page: 2, pageSize: 4 }, GL));
    expect(p1.items).toHaveLength(4);
    expect(p2.items).toHaveLength(4);
    expect(p1.total).toBe(15);
    expect(new Set([...p1.items, ...p2.items].map((i: PerkCardT) => i.id)).size).toBe(8);
    expect(ok(await perkCall(rt, 'list', { page: 9 }, GL)).items).toEqual([]);
  });

  it('a page holds only while nothing starts or ends: a perk is usable from its first moment and gone after its last', async () => {
    const shopping = async () => ok(await perkCall(rt, 'list', { category: 'shopping' }, NL));
    const festival = (list: { items: PerkCardT[] }) => list.items.find((i) => i.title === '年货节满200减30');
    const atT0 = await shopping();
    expect(festival(atT0)).toMatchObject({ reason: '12月25日起可用' });
    expect(await shopping()).toEqual(atT0);
    const { validFrom, validTo } = ok(await perkCall(rt, 'get', { perkId: festival(atT0)!.id }, NL)).perk;
    try {
      rt.clock.set(validFrom - 1);
      expect(festival(await shopping())).toMatchObject({ reason: '12月25日起可用' });
      rt.clock.set(validFrom);
      const started = await shopping();
      expect(festival(started)).toBeDefined();
      expect(festival(started)!.reason).toBeUndefined();
      expect(started.total).toBe(atT0.total);
      rt.clock.set(validTo);
      expect(festival(await shopping())!.reason).toBeUndefined();
      rt.clock.set(validTo + 1);
      const ended = await shopping();
      expect(festival(ended)).toBeUndefined();
      expect(ended.total).toBe(atT0.total - 1);
      expect(ended.counts.shopping).toBe(atT0.counts.shopping - 1);
      expect(ok(await perkCall(rt, 'list', { keyword: '年货节' }, NL)).total).toBe(0);
      // And back (a clock is not always monotonic).
      rt.clock.set(T0);
      expect(await shopping()).toEqual(atT0);
    } finally {
      rt.clock.set(T0);
    }
  });

  it('is for 三长 and 管理员 only', async () => {
    expect(await perkCall(rt, 'list', {}, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'list', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const asAdmin = ok(await perkCall(rt, 'list', {}, ADMIN));
    expect(asAdmin.items.length).toBeGreaterThan(0);
    expect(asAdmin.items.every((i: PerkCardT) => i.reason === '仅限三长使用')).toBe(true);
  });

  it('gives the details: description, hours, phone, location for 导航, and my uses this period', async () => {
    const before = rt.store.stats().reads;
    const got = ok(await perkCall(rt, 'get', { perkId: 'p1k1' }, NL));
    expect(rt.store.stats().reads - before).toBe(4); // user, perk, partner, usage counter
    expect(got.perk).toMatchObject({
      id: 'p1k1',
      title: '堂食九折',
      description: '凭邻长通优惠码堂食九折，酒水除外',
      partner: { name: '湘味小厨', address: '岳塘区示范路18号', location: { lat: 27.8612, lng: 112.9531 }, phone: '0731-58100001' },
      eligible: true,
    });
    expect(got.partnerIntro).toBe('家常湘菜馆，社区老字号');
    expect(got.usage).toEqual({ used: 0, count: 1, period: 'month', text: '本月已用 0 次，每月1次' });
    expect(got.canPass).toBe(true);
    expect(got.perk).toMatchObject({ forWhom: '三长均可', limitText: '每月1次' });
    expect(ok(await perkCall(rt, 'get', { perkId: 'p1k2' }, NL))).toMatchObject({ canPass: false, perk: { eligible: false, reason: '仅限片长', forWhom: '仅限片长' } });
    expect(await perkCall(rt, 'get', { perkId: 'p12k1' }, NL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await perkCall(rt, 'get', { perkId: 'nope' }, NL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('perk: 管理员 maintains partners and perks', () => {
  it('adds a partner and a perk by form; the list shows it at once', async () => {
    const rt = perkRuntime();
    const partner = ok(await perkCall(rt, 'savePartner', newPartner, ADMIN)).partner;
    expect(partner).toMatchObject({ name: '晨光理发店', status: 'active', scope: { id: 'c1', name: '幸福里社区' }, categoryLabel: '生活服务' });
    // A partner without perks is not in the catalogue yet.
    expect(ok(await perkCall(rt, 'list', { keyword: '晨光' }, NL)).total).toBe(0);
    const services = ok(await perkCall(rt, 'list', { category: 'services' }, NL));
    const perk = ok(await perkCall(rt, 'savePerk', newPerk(partner.id), ADMIN)).perk;
    // A page kept from before the change is not served after it.
    const servicesAfter = ok(await perkCall(rt, 'list', { category: 'services' }, NL));
    expect(servicesAfter.total).toBe(services.total + 1);
    expect(servicesAfter.counts.services).toBe(services.counts.services + 1);
    expect(servicesAfter.items.map((i: PerkCardT) => i.id)).toContain(perk.id);
    expect(perk).toMatchObject({ title: '理发八折', forWhom: '三长均可', limitText: '每月1次', status: 'active' });
    const found = ok(await perkCall(rt, 'list', { keyword: '晨光' }, NL));
    expect(found.items).toEqual([{ id: perk.id, title: '理发八折', limitText: '每月1次', partnerId: partner.id }]);
    expect(found.partners).toEqual({ [partner.id]: { name: '晨光理发店', category: 'services' } });

    const detail = ok(await perkCall(rt, 'partner', { partnerId: partner.id }, ADMIN));
    expect(detail.perks.map((k: { id: string }) => k.id)).toEqual([perk.id]);
    const mine = ok(await perkCall(rt, 'partners', { category: 'services' }, ADMIN));
    expect(mine.items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['晨光理发店', '邻里洗衣房']));
    // p11 (巧手家电维修) is maintained by the 镇街, outside the 社区 admin's list.
    expect(mine.items.map((p: { id: string }) => p.id)).not.toContain('p11');
    rt.close();
  });

  it('saving what is already stored writes nothing', async () => {
    const rt = perkRuntime();
    const p = ok(await perkCall(rt, 'savePartner', newPartner, ADMIN)).partner;
    const k = ok(await perkCall(rt, 'savePerk', newPerk(p.id), ADMIN)).perk;
    const writes = rt.store.stats().writes;
    ok(await perkCall(rt, 'savePartner', { ...newPartner, partnerId: p.id }, ADMIN));
    ok(await perkCall(rt, 'savePerk', { ...newPerk(p.id), perkId: k.id }, ADMIN));
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('keeps each partner to its scope: a 社区 admin cannot place or edit partners of the 镇街 or 区', async () => {
    const rt = perkRuntime();
    const writes = rt.store.stats().writes;
    expect(await perkCall(rt, 'savePartner', { ...newPartner, scopeId: 's1' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'partner', { partnerId: 'p10' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p12', status: 'active' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'savePerk', newPerk('p11'), ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await perkCall(rt, 'clerkInvite', { partnerId: 'p10' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A 镇街 admin can.
    await rt.store.collection('users').doc('street-admin').set({ name: '街道小李', grants: [{ role: 'admin', nodeId: 's1', nodeName: '示范街道', level: 'street' }], createdAt: T0 });
    expect(rt.store.stats().writes).toBe(writes + 1);
    ok(await perkCall(rt, 'savePerk', newPerk('p11'), 'street-admin'));
    expect(ok(await perkCall(rt, 'partners', {}, 'street-admin')).total).toBe(11); // p1–p11: c1's and s1's
    rt.close();
  });

  it('refuses a duplicate name, bad coordinates and flagged text, writing nothing', async () => {
    const rt = perkRuntime();
    const writes = rt.store.stats().writes;
    expect(await perkCall(rt, 'savePartner', { ...newPartner, name: '湘味小厨' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('湘味小厨') },
    });
    const swapped = await perkCall(rt, 'savePartner', { ...newPartner, location: { lat: 112.95, lng: 27.86 } }, ADMIN);
    expect(swapped).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('纬度') } });
    expect(await perkCall(rt, 'savePartner', { ...newPartner, phone: '12345' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await perkCall(rt, 'savePartner', { ...newPartner, category: 'bars' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const flagged = await perkCall(rt, 'savePartner', { ...newPartner, intro: '加微信领红包，兼职日结' }, ADMIN);
    expect(flagged).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('广告') } });
    const badPerk = await perkCall(rt, 'savePerk', { ...newPerk('p1'), description: '刷单返利，中奖请汇款' }, ADMIN);
    expect(badPerk).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    const backwards = await perkCall(rt, 'savePerk', { ...newPerk('p1'), validTo: T0 - 10 * 86_400_000 }, ADMIN);
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '结束日期应晚于开始日期' } });
    expect(await perkCall(rt, 'savePerk', { ...newPerk('p1'), eligibility: [] }, ADMIN)).toMatchObject({ ok: false, error: { message: '请选择适用对象' } });
    expect(await perkCall(rt, 'savePerk', { ...newPerk('p1'), title: '堂食九折' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(rt.store.stats().writes).toBe(writes);
    rt.close();
  });

  it('suspends a partner: its perks disappear and cannot be opened; history and clerk stay; resuming brings them back', async () => {
    const rt = perkRuntime();
    const suspended = ok(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p1', status: 'suspended', reason: '装修停业一个月' }, ADMIN)).partner;
    expect(suspended).toMatchObject({ status: 'suspended', suspendReason: '装修停业一个月' });
    const list = ok(await perkCall(rt, 'list', { pageSize: 50 }, NL));
    expect(list.items.map((i: PerkCardT) => i.partnerId)).not.toContain('p1');
    expect(await perkCall(rt, 'get', { perkId: 'p1k1' }, NL)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(ok(await perkCall(rt, 'clerkRedemptions', {}, CLERK)).partner).toMatchObject({ id: 'p1', status: 'suspended' });
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).perks).toHaveLength(3);
    ok(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p1', status: 'active' }, ADMIN));
    expect(ok(await perkCall(rt, 'get', { perkId: 'p1k1' }, NL)).canPass).toBe(true);
    rt.close();
  });

  it('renaming a partner carries the new name to its perks, the catalogue and its stats', async () => {
    const rt = perkRuntime();
    await bindClerk(rt, 'p9', 'noodle-clerk');
    const pass = ok(await perkCall(rt, 'pass', { perkId: 'p9k1' }, NL));
    expect(ok(await perkCall(rt, 'verify', { token: pass.token }, 'noodle-clerk')).verdict).toBe('valid');
    const p9 = (await rt.store.collection(C.partners).doc('p9').get()) as PartnerDoc;
    ok(
      await perkCall(
        rt,
        'savePartner',
        { partnerId: 'p9', name: '老街米粉（总店）', category: p9.category, address: p9.address, location: p9.location, hours: p9.hours, phone: p9.phone, scopeId: 'c1' },
        ADMIN,
      ),
    );
    expect(ok(await perkCall(rt, 'get', { perkId: 'p9k1' }, NL)).perk.partner.name).toBe('老街米粉（总店）');
    expect(ok(await perkCall(rt, 'list', { keyword: '总店' }, NL)).total).toBe(1);
    expect(ok(await perkCall(rt, 'stats', {}, ADMIN)).items).toEqual([{ partnerId: 'p9', partnerName: '老街米粉（总店）', categoryLabel: '餐饮', count: 1 }]);
    rt.close();
  });

  it('issues a clerk invite: whoever claims it verifies for that partner only', async () => {
    const rt = perkRuntime();
    await bindClerk(rt, 'p7', 'laundry-clerk');
    const me = ok(await rt.call('account', { action: 'whoami' }, 'laundry-clerk'));
    expect(me.grants).toEqual([{ role: 'clerk', nodeId: 'p7', nodeName: '邻里洗衣房', level: 'partner' }]);
    expect(ok(await perkCall(rt, 'clerkRedemptions', {}, 'laundry-clerk'))).toMatchObject({ partner: { id: 'p7' }, total: 0, today: 0 });
    expect(await perkCall(rt, 'clerkRedemptions', { partnerId: 'p1' }, 'laundry-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    ok(await perkCall(rt, 'setPartnerStatus', { partnerId: 'p7', status: 'suspended' }, ADMIN));
    expect(await perkCall(rt, 'clerkInvite', { partnerId: 'p7' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(await count(rt, 'invites', { 'target.grant.nodeId': 'p7' })).toBe(1);
    rt.close();
  });

  it('lets a clerk of two shops read the records of each, and says which shops they serve', async () => {
    const rt = perkRuntime();
    await bindClerk(rt, 'p7', 'two-shop-clerk');
    await bindClerk(rt, 'p9', 'two-shop-clerk');
    const first = ok(await perkCall(rt, 'clerkRedemptions', {}, 'two-shop-clerk'));
    expect(first.partner.id).toBe('p7');
    expect(first.shops).toEqual([
      { id: 'p7', name: '邻里洗衣房' },
      { id: 'p9', name: '老街米粉店' },
    ]);
    expect(ok(await perkCall(rt, 'clerkRedemptions', { partnerId: 'p9' }, 'two-shop-clerk')).partner).toMatchObject({ id: 'p9', name: '老街米粉店' });
    expect(await perkCall(rt, 'clerkRedemptions', { partnerId: 'p1' }, 'two-shop-clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    rt.close();
  });
});
