// Demo 支持单位 and their 专属优惠: a dozen plainly fictitious businesses around 岳塘
// (~27.86N 112.95E, GCJ-02), in all 8 categories. p1 (餐饮) is the demo clerk's counter.
// Most are maintained by the demo 社区 (c1); two by its 镇街 (s1) and one by the 区 (yt),
// which the demo 管理员 (at c1) can browse but not edit. p12 is suspended.
import type { EligibilityT, PerkCategoryT } from '../../contracts/perk';
import { startOfBeijingDay } from '../core/time';
import type { NodeDoc } from '../domain/docs';
import { buildCatalogue, CATALOGUE_ID, HEAD_ID, REV_ID, type CatalogueDoc } from '../features/perk/catalogue';
import { C, scopeAt, snapshotOf, type PartnerDoc, type PerkDoc, type PerkLimitT } from '../features/perk/docs';
import type { LocalStore } from '../store/local-store';

const DAY = 24 * 3600_000;
const LEADS: EligibilityT[] = ['neighbourLead', 'groupLead', 'areaLead'];

interface PerkSpec {
  title: string;
  description: string;
  eligibility?: EligibilityT[];
  limit: PerkLimitT;
  /** Days from the seed's day; default: started 30 days ago, ends in a year. */
  from?: number;
  to?: number;
}

interface PartnerSpec {
  id: string;
  name: string;
  category: PerkCategoryT;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  phone: string;
  intro?: string;
  scope: 'c1' | 's1' | 'yt';
  suspended?: string;
  perks: PerkSpec[];
}

export const DEMO_PARTNERS: PartnerSpec[] = [
  {
    id: 'p1',
    name: '湘味小厨',
    category: 'dining',
    address: '岳塘区示范路18号',
    lat: 27.8612,
    lng: 112.9531,
    hours: '每天 10:00-21:00',
    phone: '0731-58100001',
    intro: '家常湘菜馆，社区老字号',
    scope: 'c1',
    perks: [
      { title: '堂食九折', description: '凭邻长通优惠码堂食九折，酒水除外', limit: { count: 1, period: 'month' } },
      { title: '片长工作餐', description: '片长开会、走访误餐，工作餐一份免费', eligibility: ['areaLead'], limit: { count: 1, period: 'week' } },
      { title: '最美邻长双人套餐', description: '最美邻长可享双人套餐一份', eligibility: ['honoree'], limit: { count: 1, period: 'total' } },
    ],
  },
  {
    id: 'p2',
    name: '康宁社区诊所',
    category: 'health',
    address: '岳塘区幸福路66号',
    lat: 27.8655,
    lng: 112.9478,
    hours: '周一至周六 08:00-18:00',
    phone: '0731-58100002',
    scope: 'c1',
    perks: [
      { title: '免费测血压血糖', description: '三长本人免费测量血压、血糖各一次', limit: { count: 1, period: 'week' } },
      { title: '体检套餐八折', description: '基础体检套餐八折', limit: { count: 1, period: 'total' } },
    ],
  },
  {
    id: 'p3',
    name: '福寿居家养老服务中心',
    category: 'eldercare',
    address: '岳塘区和美街9号',
    lat: 27.8571,
    lng: 112.9602,
    hours: '每天 08:00-17:30',
    phone: '0731-58100003',
    scope: 'c1',
    perks: [{ title: '助浴服务半价', description: '为三长家中老人提供助浴服务，半价', limit: { count: 2, period: 'month' } }],
  },
  {
    id: 'p4',
    name: '童趣课后托管中心',
    category: 'education',
    address: '岳塘区书院路27号',
    lat: 27.8689,
    lng: 112.9555,
    hours: '周一至周五 15:30-19:00',
    phone: '0731-58100004',
    scope: 'c1',
    perks: [{ title: '托管费立减100元', description: '三长子女（孙辈）报名课后托管，首月立减100元', limit: { count: 1, period: 'total' } }],
  },
  {
    id: 'p5',
    name: '岳塘全民健身馆',
    category: 'culture',
    address: '岳塘区体育路3号',
    lat: 27.8532,
    lng: 112.9451,
    hours: '每天 06:30-22:00',
    phone: '0731-58100005',
    scope: 'c1',
    perks: [{ title: '游泳单次票半价', description: '凭码购游泳单次票半价', limit: { count: 1, period: 'week' } }],
  },
  {
    id: 'p6',
    name: '便民出行服务站',
    category: 'travel',
    address: '岳塘区站前路2号',
    lat: 27.8725,
    lng: 112.9498,
    hours: '每天 07:00-19:00',
    phone: '0731-58100006',
    scope: 'c1',
    perks: [{ title: '公交卡充值赠5元', description: '公交卡充值50元及以上，赠送5元', limit: { count: 1, period: 'month' } }],
  },
  {
    id: 'p7',
    name: '邻里洗衣房',
    category: 'services',
    address: '岳塘区和美街21号',
    lat: 27.8583,
    lng: 112.9566,
    hours: '每天 08:30-20:30',
    phone: '13900008001',
    scope: 'c1',
    perks: [{ title: '洗衣八折', description: '干洗、水洗均八折', limit: { count: 1, period: 'week' } }],
  },
  {
    id: 'p8',
    name: '好邻居生活超市',
    category: 'shopping',
    address: '岳塘区幸福路12号',
    lat: 27.8634,
    lng: 112.9512,
    hours: '每天 07:30-22:30',
    phone: '0731-58100008',
    scope: 'c1',
    perks: [
      { title: '满100减10', description: '单笔购物满100元立减10元（烟酒除外）', limit: { count: 1, period: 'week' } },
      { title: '年货节满200减30', description: '年货节期间单笔满200元立减30元', limit: { count: 1, period: 'total' }, from: 30, to: 60 },
    ],
  },
  {
    id: 'p9',
    name: '老街米粉店',
    category: 'dining',
    address: '岳塘区老街5号',
    lat: 27.8598,
    lng: 112.9489,
    hours: '每天 06:00-14:00',
    phone: '13900008002',
    scope: 'c1',
    perks: [{ title: '米粉加码免费', description: '早餐米粉免费加一份码子', limit: { count: 1, period: 'day' } }],
  },
  {
    id: 'p10',
    name: '仁和大药房（示范路店）',
    category: 'health',
    address: '岳塘区示范路40号',
    lat: 27.8641,
    lng: 112.9587,
    hours: '每天 08:00-22:00',
    phone: '0731-58100010',
    scope: 's1',
    perks: [{ title: '常用药九五折', description: '非处方常用药九五折（医保结算除外）', limit: { count: 2, period: 'month' } }],
  },
  {
    id: 'p11',
    name: '巧手家电维修',
    category: 'services',
    address: '岳塘区建设路88号',
    lat: 27.8507,
    lng: 112.9623,
    hours: '每天 09:00-18:00',
    phone: '13900008003',
    scope: 's1',
    perks: [{ title: '上门费全免', description: '家电维修上门费全免，材料费另计', limit: { count: 1, period: 'month' } }],
  },
  {
    id: 'p12',
    name: '书香阅览室',
    category: 'culture',
    address: '岳塘区文化路7号',
    lat: 27.8702,
    lng: 112.9419,
    hours: '周二至周日 09:00-17:00',
    phone: '0731-58100012',
    scope: 'yt',
    suspended: '合作协议到期，正在续签',
    perks: [{ title: '借阅免押金', description: '办理借阅证免押金', limit: { count: 1, period: 'total' } }],
  },
];

export interface PartnerSeed {
  partners: PartnerDoc[];
  perks: PerkDoc[];
  catalogue: CatalogueDoc;
}

/** Partner documents from specs; `scopes` gives each scope id's node (for its name and place). */
export function partnerDocs(specs: PartnerSpec[], scopes: Map<string, Pick<NodeDoc, '_id' | 'name' | 'at'>>, now: number): Omit<PartnerSeed, 'catalogue'> {
  const today = startOfBeijingDay(now);
  const partners: PartnerDoc[] = [];
  const perks: PerkDoc[] = [];
  for (const s of specs) {
    const scope = scopes.get(s.scope);
    if (!scope) throw new Error(`partner seed: no node ${s.scope}`);
    const p: PartnerDoc = {
      _id: s.id,
      name: s.name,
      category: s.category,
      address: s.address,
      location: { lat: s.lat, lng: s.lng },
      hours: s.hours,
      phone: s.phone,
      ...(s.intro ? { intro: s.intro } : {}),
      status: s.suspended ? 'suspended' : 'active',
      ...(s.suspended ? { suspendReason: s.suspended } : {}),
      scopeId: scope._id,
      scopeName: scope.name,
      at: scopeAt(scope),
      createdAt: now,
      updatedAt: now,
    };
    partners.push(p);
    s.perks.forEach((k, i) => {
      perks.push({
        _id: `${s.id}k${i + 1}`,
        partnerId: s.id,
        partner: snapshotOf(p),
        title: k.title,
        description: k.description,
        eligibility: k.eligibility ?? LEADS,
        validFrom: today + (k.from ?? -30) * DAY,
        validTo: today + (k.to ?? 365) * DAY - 1,
        limit: k.limit,
        status: 'active',
        order: i,
        createdAt: now,
        updatedAt: now,
      });
    });
  }
  return { partners, perks };
}

export function buildPartnerSeed(now: number, nodes: NodeDoc[]): PartnerSeed {
  const scopes = new Map(nodes.filter((n) => ['yt', 's1', 'c1'].includes(n._id)).map((n) => [n._id, n]));
  const { partners, perks } = partnerDocs(DEMO_PARTNERS, scopes, now);
  return { partners, perks, catalogue: { _id: CATALOGUE_ID, ...buildCatalogue(partners, perks, 1, now) } };
}

/** Writes partners, perks and their catalogue (with its revision counter) in bulk. */
export function writePartnerSeed(store: LocalStore, seed: Partial<PartnerSeed>): void {
  if (seed.partners) store.bulkPut(C.partners, seed.partners);
  if (seed.perks) store.bulkPut(C.perks, seed.perks);
  if (seed.catalogue) {
    const { rev } = seed.catalogue;
    store.bulkPut(C.catalogue, [seed.catalogue, { _id: HEAD_ID, rev }, { _id: REV_ID, n: rev }]);
  }
}
