// 专属优惠: partner businesses (支持单位) and their perks for the 三长, the pass a 三长 shows
// at the counter, and its verification (核销) by the partner's clerk. One cloud call per page:
// 优惠 list → perk.list, details → perk.get, pass → perk.pass, clerk → perk.verify /
// perk.clerkRedemptions, 管理员 → perk.partners / perk.partner / perk.save* / perk.import / perk.stats.
import { z } from 'zod';
import { action } from './action';
import { FileId, Id, ImportStatus, importReport, PageOf, Paging, SearchText } from './common';
import { PERK_CATEGORY_LABELS, PERK_ELIGIBILITY_LABELS, PERK_PERIOD_LABELS } from './labels';
import { ADMIN, LEADS, SIGNED_IN, type Role } from './roles';

// ---------------------------------------------------------------- vocabulary

export const PERK_CATEGORIES = ['health', 'eldercare', 'education', 'dining', 'culture', 'travel', 'services', 'shopping'] as const;
export const PerkCategory = z.enum(PERK_CATEGORIES);
export type PerkCategoryT = z.infer<typeof PerkCategory>;
export const CATEGORY_LABELS: Record<PerkCategoryT, string> = PERK_CATEGORY_LABELS;

/** Who a perk is for: any of these (a 最美邻长 honoree is a 三长 with a commendation). */
export const ELIGIBILITY = ['neighbourLead', 'groupLead', 'areaLead', 'honoree'] as const;
export const Eligibility = z.enum(ELIGIBILITY);
export type EligibilityT = z.infer<typeof Eligibility>;
export const ELIGIBILITY_LABELS: Record<EligibilityT, string> = PERK_ELIGIBILITY_LABELS;

export const LIMIT_PERIODS = ['day', 'week', 'month', 'total'] as const;
export const LimitPeriod = z.enum(LIMIT_PERIODS);
export type LimitPeriodT = z.infer<typeof LimitPeriod>;
export const PERIOD_LABELS: Record<LimitPeriodT, string> = PERK_PERIOD_LABELS;

/** What a clerk sees after a scan; only `valid` consumes the pass. */
export const VERDICTS = [
  'valid',
  'used',
  'expired',
  'forged',
  'wrongPartner',
  // A clerk who is also a 三长 cannot consume their own pass.
  'ownPass',
  'ineligible',
  'limitReached',
  'suspended',
  'outOfPeriod',
] as const;
export const Verdict = z.enum(VERDICTS);
export type VerdictT = z.infer<typeof Verdict>;
/** The big word on the clerk's screen. */
export const VERDICT_WORDS: Record<VerdictT, string> = {
  valid: '核销成功',
  used: '已使用',
  expired: '已过期',
  forged: '无效码',
  wrongPartner: '非本店优惠',
  ownPass: '不能自己核销',
  ineligible: '不符合条件',
  limitReached: '次数已用完',
  suspended: '已暂停',
  outOfPeriod: '不在有效期',
};

export const PASS_TTL_MS = 60_000;
/** The pass page asks for a fresh pass this long after the last one (before it expires). */
export const PASS_REFRESH_MS = 45_000;

// ---------------------------------------------------------------- field schemas
// Checks are written as custom issues so their Chinese message reaches the user as is
// (describeIssues re-words zod's built-in too_small/too_big/invalid_string issues).

const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const n = [...s].length;
      if (n < min) ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      else if (n > max) ctx.addIssue({ code: 'custom', message: `${label}最多${max}个字` });
    });

const within = (label: string, lo: number, hi: number, hint = '') =>
  z.number().superRefine((v, ctx) => {
    if (!Number.isFinite(v) || v < lo || v > hi) ctx.addIssue({ code: 'custom', message: `${label}应在 ${lo} 到 ${hi} 之间${hint}` });
  });

/** GCJ-02 coordinates (what 腾讯地图 and wx.getLocation/openLocation use), within China. */
export const Location = z.object({
  lat: within('纬度', 3, 54, '（岳塘约为 27.8），经纬度是否填反了？'),
  lng: within('经度', 73, 136, '（岳塘约为 112.9），经纬度是否填反了？'),
});
export type LocationT = z.infer<typeof Location>;
/** The same in replies: no refinements, the router checks every reply against its schema. */
const LatLng = z.object({ lat: z.number(), lng: z.number() });

/** A business phone: mobile, landline with area code (0731-58001234) or 400 number. */
export const BusinessPhone = z
  .string()
  .trim()
  .refine((s) => /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4}|\d{7,8})$/.test(s), '电话应为手机号或带区号的固话，如 0731-58001234');

const Month = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/);

export const PerkLimit = z.object({
  count: z.number().int().superRefine((v, ctx) => {
    if (v < 1 || v > 99) ctx.addIssue({ code: 'custom', message: '使用次数应在 1 到 99 之间' });
  }),
  period: LimitPeriod,
});

const EligibilityList = z
  .array(Eligibility)
  .superRefine((a, ctx) => {
    if (a.length === 0) ctx.addIssue({ code: 'custom', message: '请选择适用对象' });
  })
  .transform((a) => ELIGIBILITY.filter((e) => a.includes(e)));

// ---------------------------------------------------------------- views

export const PartnerInfo = z.object({
  id: z.string(),
  name: z.string(),
  category: PerkCategory,
  categoryLabel: z.string(),
  address: z.string(),
  /** For 导航: wx.openLocation({ latitude, longitude, name, address }). */
  location: LatLng,
  hours: z.string(),
  /** The business's own phone (public, for 拨打). */
  phone: z.string(),
  /** A cloud fileID (an <Image> takes it as src). */
  logo: z.string().optional(),
});

/** What the details show of a perk for THIS caller (a list row carries the few it shows). */
const PerkFacts = {
  id: z.string(),
  title: z.string(),
  /** 三长均可 / 仅限片长 / 仅限最美邻长 … */
  forWhom: z.string(),
  /** 每月1次 */
  limitText: z.string(),
  validFrom: z.number(),
  validTo: z.number(),
  /** Whether THIS caller can open a pass for it, and if not, why (仅限片长, 12月1日起可用 …). */
  eligible: z.boolean(),
  reason: z.string().optional(),
};

/**
 * A row of the 优惠 list: the perk and whether THIS caller can use it now. Only what the row
 * shows: its partner (name, category, distance) is in the reply's `partners`, once however
 * many of its perks the page holds; forWhom, the period, the description and the partner's
 * address, hours and phone are on the details page (perk.get).
 */
export const PerkListItem = z.object({
  id: z.string(),
  title: z.string(),
  /** 每月1次 */
  limitText: z.string(),
  partnerId: z.string(),
  /** Why THIS caller cannot open a pass for it now (仅限片长, 12月1日起可用 …); absent when they can. */
  reason: z.string().optional(),
});
export type PerkListItemT = z.infer<typeof PerkListItem>;

/** What a list row shows of its partner. */
export const PerkListPartner = z.object({
  name: z.string(),
  category: PerkCategory,
  /** Metres from the given location (sort: 'distance' only). */
  distanceM: z.number().int().optional(),
});
export type PerkListPartnerT = z.infer<typeof PerkListPartner>;

/** Per category, how many perks it holds: the tabs' numbers (their labels are PERK_CATEGORY_LABELS). */
export const PerkCategoryCounts = z.object(
  Object.fromEntries(PERK_CATEGORIES.map((c) => [c, z.number().int()])) as Record<PerkCategoryT, z.ZodNumber>,
);
export type PerkCategoryCountsT = z.infer<typeof PerkCategoryCounts>;

/** A partner's 核销员 (bound with a code), or a code not used yet. */
export const ClerkRow = z.object({
  code: z.string(),
  /** 店员小王, as written when the code was made ('' if not). */
  label: z.string(),
  state: z.enum(['bound', 'waiting']),
  /** Bound at (bound), or usable until (waiting). */
  at: z.number(),
});
export type ClerkRowT = z.infer<typeof ClerkRow>;
/** A 核销员 (or waiting code) in the 管理员's list of every partner's clerks. */
export const ClerkListRow = ClerkRow.extend({ partnerId: z.string(), partnerName: z.string() });

/** A perk with its partner, as the details page shows it. */
export const PerkCard = z.object({ ...PerkFacts, partner: PartnerInfo });
export type PerkCardT = z.infer<typeof PerkCard>;

export const Usage = z.object({
  used: z.number().int(),
  count: z.number().int(),
  period: LimitPeriod,
  /** 本月已用 0 次，每月限 1 次 */
  text: z.string(),
});

export const PassHolder = z.object({
  name: z.string(),
  /** The highest 三长 role held, e.g. 片长, with its node: 第一片片长. */
  roleLabel: z.string(),
  nodeName: z.string(),
  photo: z.string().optional(),
  /** 最美邻长 titles, shown as badges. */
  honours: z.array(z.string()),
});

export const VerifyResult = z.object({
  verdict: Verdict,
  /** The big word (VERDICT_WORDS) … */
  word: z.string(),
  /** … and one sentence of what to do. */
  detail: z.string(),
  ok: z.boolean(),
  perk: z.object({ id: z.string(), title: z.string() }).optional(),
  holder: z.object({ name: z.string(), roleLabel: z.string() }).optional(),
  /** valid: when it was consumed now; used: when it was consumed before. */
  redeemedAt: z.number().optional(),
});
export type VerifyResultT = z.infer<typeof VerifyResult>;

export const RedemptionItem = z.object({
  id: z.string(),
  perkId: z.string(),
  perkTitle: z.string(),
  partnerName: z.string(),
  categoryLabel: z.string(),
  at: z.number(),
});

export const ClerkRedemptionItem = z.object({
  id: z.string(),
  perkTitle: z.string(),
  /** Masked (张**): the clerk saw the person; the list is not a register of people. */
  holderName: z.string(),
  roleLabel: z.string(),
  at: z.number(),
});

export const PartnerStatus = z.enum(['active', 'suspended']);
export const PerkStatus = z.enum(['active', 'suspended']);

export const PartnerAdmin = PartnerInfo.extend({
  intro: z.string().optional(),
  status: PartnerStatus,
  suspendReason: z.string().optional(),
  /** The 区/镇街/社区 node whose 管理员 maintain it. */
  scope: z.object({ id: z.string(), name: z.string() }),
  updatedAt: z.number(),
});
export type PartnerAdminT = z.infer<typeof PartnerAdmin>;

export const PerkAdmin = z.object({
  id: z.string(),
  partnerId: z.string(),
  title: z.string(),
  description: z.string(),
  eligibility: z.array(Eligibility),
  forWhom: z.string(),
  validFrom: z.number(),
  validTo: z.number(),
  limit: PerkLimit,
  limitText: z.string(),
  status: PerkStatus,
  updatedAt: z.number(),
});
export type PerkAdminT = z.infer<typeof PerkAdmin>;

export const PerkImportRow = z.object({
  row: z.number().int(),
  status: ImportStatus,
  partner: z.string().optional(),
  perk: z.string().optional(),
  reason: z.string().optional(),
});

export const PerkImportReport = importReport(PerkImportRow);
export type PerkImportReportT = z.infer<typeof PerkImportReport>;

// ---------------------------------------------------------------- actions

const BROWSE: readonly Role[] = [...LEADS, 'admin'];
const CLERK: readonly Role[] = ['clerk'];

export const SavePartnerInput = z.object({
  /** Absent: a new partner. */
  partnerId: Id.optional(),
  name: text('商家名称', 30),
  category: PerkCategory,
  address: text('地址', 60),
  location: Location,
  hours: text('营业时间', 40),
  phone: BusinessPhone,
  logo: FileId.optional(),
  intro: text('商家简介', 200, 0).optional(),
  /** 区, 镇街 or 社区 whose 管理员 maintain the partner; must be within the caller's scope. */
  scopeId: Id,
});

export const SavePerkInput = z
  .object({
    perkId: Id.optional(),
    partnerId: Id,
    title: text('优惠名称', 30),
    description: text('优惠内容', 300),
    eligibility: EligibilityList,
    /** Epoch ms, both inclusive: the UI sends the start of the first Beijing day and the end of the last. */
    validFrom: z.number().int().nonnegative(),
    validTo: z.number().int().nonnegative(),
    limit: PerkLimit,
    status: PerkStatus.default('active'),
  })
  .superRefine((p, ctx) => {
    if (p.validTo <= p.validFrom) ctx.addIssue({ code: 'custom', message: '结束日期应晚于开始日期', path: ['validTo'] });
  });

export const perk = {
  list: action({
    summary: '优惠列表：按类别、关键词，按距离或默认排序；每项标明我能否使用及原因（一次读取目录）',
    input: z.object({
      category: PerkCategory.optional(),
      keyword: z.string().trim().max(20).optional(),
      /** distance needs lat/lng (wx.getLocation, gcj02, with consent); without them the default order is used. */
      sort: z.enum(['default', 'distance']).default('default'),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      page: Paging.shape.page,
      /** 10 large rows a page (elder-friendly, and a short first reply on a phone network). */
      pageSize: z.number().int().min(1).max(50).default(10),
    }),
    output: PageOf(PerkListItem).extend({
      /** The partners of this page's rows, by id. */
      partners: z.record(z.string(), PerkListPartner),
      /** The order actually used (distance falls back to default without a location). */
      sort: z.enum(['default', 'distance']),
      /** For the category tabs: how many perks each category holds (keyword applied, before the category filter). */
      counts: PerkCategoryCounts,
    }),
    roles: BROWSE,
    forbidden: '专属优惠仅限三长（邻长、组长、片长）使用',
  }),
  get: action({
    summary: '优惠详情：商家营业时间、电话、位置（导航），我本期已用次数',
    input: z.object({ perkId: Id }),
    output: z.object({
      perk: PerkCard.extend({ description: z.string() }),
      partnerIntro: z.string().optional(),
      usage: Usage,
      /** eligible, in its period and with uses left: the 出示优惠码 button is enabled. */
      canPass: z.boolean(),
    }),
    roles: BROWSE,
    forbidden: '专属优惠仅限三长（邻长、组长、片长）使用',
  }),
  pass: action({
    summary: '出示优惠码：签名令牌（约60秒有效）与8位短码，页面到期前自动刷新',
    input: z.object({ perkId: Id }),
    output: z.object({
      /** What the QR encodes. */
      token: z.string(),
      /** What the clerk can type instead. */
      shortCode: z.string(),
      expiresAt: z.number(),
      /** Ask for a new pass after this many ms (before expiresAt). */
      refreshInMs: z.number().int(),
      serverNow: z.number(),
      holder: PassHolder,
      perk: z.object({ id: z.string(), title: z.string(), partnerName: z.string(), limitText: z.string() }),
      usage: Usage,
    }),
    roles: LEADS,
    forbidden: '专属优惠仅限三长（邻长、组长、片长）使用',
  }),
  passStatus: action({
    summary: '我出示的优惠码核销了没有：在哪家店、什么时间，以及本期已用次数（出示页轮询，一次读取）',
    input: z.object({ token: z.string().trim().min(1).max(400) }),
    output: z.object({
      /** null while the pass is not consumed. */
      redeemed: z.object({ at: z.number(), partnerName: z.string(), perkTitle: z.string() }).nullable(),
      /** The usage after the redemption (本月已用 1 次 …); only with `redeemed`. */
      usage: Usage.optional(),
    }),
    roles: LEADS,
    forbidden: '专属优惠仅限三长（邻长、组长、片长）使用',
  }),
  verify: action({
    summary: '核销：扫码或输入8位短码，得到明确结论（只有“核销成功”会记一次）',
    input: z
      .object({
        token: z.string().trim().min(1).max(400).optional(),
        shortCode: z.string().trim().optional(),
      })
      .superRefine((v, ctx) => {
        if (!v.token && !v.shortCode) ctx.addIssue({ code: 'custom', message: '请扫码或输入8位优惠码' });
        if (v.shortCode !== undefined && !/^\d{8}$/.test(v.shortCode)) ctx.addIssue({ code: 'custom', message: '优惠码是8位数字' });
      }),
    output: VerifyResult,
    roles: CLERK,
    forbidden: '只有绑定了本店的核销员才能核销',
  }),
  myRedemptions: action({
    summary: '我的核销记录',
    input: Paging,
    output: PageOf(RedemptionItem),
    roles: SIGNED_IN,
  }),
  clerkRedemptions: action({
    summary: '本店核销记录与今日、本月次数',
    input: Paging.extend({ partnerId: Id.optional() }),
    output: PageOf(ClerkRedemptionItem).extend({
      partner: z.object({ id: z.string(), name: z.string(), status: PartnerStatus }),
      /** Every shop the clerk is bound to (a clerk may serve two), to switch between. */
      shops: z.array(z.object({ id: z.string(), name: z.string() })),
      today: z.number().int(),
      month: z.number().int(),
    }),
    roles: CLERK,
    forbidden: '只有绑定了本店的核销员才能核销',
  }),

  partners: action({
    summary: '管理员：我管理范围内的支持单位（可按名称开头搜索）',
    input: Paging.extend({ category: PerkCategory.optional(), status: PartnerStatus.optional(), q: SearchText.optional() }),
    output: PageOf(PartnerAdmin),
    roles: ADMIN,
  }),
  clerks: action({
    summary: '管理员：我管理范围内各支持单位的核销员与未用的绑定码（按支持单位名称排列；可按店员称呼、单位名称搜索）',
    input: z.object({
      /** Where the list goes on: an offset into the partners, from the last reply's `next`. */
      cursor: z.string().regex(/^\d{1,7}$/, '翻页参数不正确').optional(),
      pageSize: z.number().int().min(1).max(50).default(20),
      q: SearchText.optional(),
    }),
    output: z.object({ items: z.array(ClerkListRow), next: z.string().nullable() }),
    roles: ADMIN,
  }),
  partner: action({
    summary: '管理员：一个支持单位及其全部优惠、核销员（编辑页）',
    input: z.object({ partnerId: Id }),
    output: z.object({ partner: PartnerAdmin, perks: z.array(PerkAdmin), clerks: z.array(ClerkRow) }),
    roles: ADMIN,
  }),
  savePartner: action({
    summary: '管理员：新增或修改支持单位',
    input: SavePartnerInput,
    output: z.object({ partner: PartnerAdmin }),
    roles: ADMIN,
  }),
  setPartnerStatus: action({
    summary: '管理员：暂停或恢复支持单位（暂停后其优惠不再显示、不能核销，记录保留）',
    input: z.object({ partnerId: Id, status: PartnerStatus, reason: text('原因', 100, 0).optional() }),
    output: z.object({ partner: PartnerAdmin }),
    roles: ADMIN,
  }),
  savePerk: action({
    summary: '管理员：新增或修改优惠（适用对象、有效期、每人限用次数）',
    input: SavePerkInput,
    output: z.object({ perk: PerkAdmin }),
    roles: ADMIN,
  }),
  importTemplate: action({
    summary: '管理员：下载支持单位与优惠导入模板（.xlsx）',
    input: z.object({}),
    output: z.object({ url: z.string() }),
    roles: ADMIN,
  }),
  import: action({
    summary: '管理员：导入支持单位与优惠（.xlsx），逐行报告新增、变更、未变、拒绝',
    input: z.object({ fileId: FileId, dryRun: z.boolean().default(false) }),
    output: PerkImportReport,
    roles: ADMIN,
  }),
  clerkInvite: action({
    summary: '管理员：为支持单位的核销员生成一次性绑定码（在“我的”输入）',
    input: z.object({ partnerId: Id, label: text('店员称呼', 20, 0).optional() }),
    output: z.object({ code: z.string(), expiresAt: z.number() }),
    roles: ADMIN,
  }),
  removeClerk: action({
    summary: '管理员：解除一位核销员（收回核销权限；未用的绑定码作废）',
    input: z.object({ partnerId: Id, code: z.string().regex(/^\d{8}$/, '绑定码是8位数字') }),
    output: z.object({ removed: z.literal(true) }),
    roles: ADMIN,
  }),
  stats: action({
    summary: '管理员：范围内各支持单位某月的核销次数',
    input: z.object({ month: Month.optional() }),
    output: z.object({
      month: z.string(),
      scope: z.string(),
      total: z.number().int(),
      items: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), categoryLabel: z.string(), count: z.number().int() })),
    }),
    roles: ADMIN,
  }),
};
