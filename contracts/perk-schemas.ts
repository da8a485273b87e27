// 专属优惠: the vocabulary, field checks and views that the actions of contracts/perk.ts take
// and return (re-exported there: import from contracts/perk).
import { z } from 'zod';
import { FileId, Id, ImportStatus, importReport } from './common';
import { PERK_CATEGORY_LABELS, PERK_ELIGIBILITY_LABELS, PERK_PERIOD_LABELS } from './labels';

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

/** A trimmed text of `min`…`max` characters, its message naming the field (商家名称最多30个字). */
export const perkText = (label: string, max: number, min = 1) =>
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

/** A month as the stats take it: 202611. */
export const PerkMonth = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/);

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
  /** 撤销核销: when it was reversed (it no longer counts against the limit). */
  reversedAt: z.number().optional(),
});

export const ClerkRedemptionItem = z.object({
  id: z.string(),
  perkTitle: z.string(),
  /** Masked (张**): the clerk saw the person; the list is not a register of people. */
  holderName: z.string(),
  roleLabel: z.string(),
  at: z.number(),
  /** Set once the redemption was reversed (撤销核销): when, by whom (核销员 / 管理员) and why; the record stays. */
  reversed: z.object({ at: z.number(), byRole: z.string(), reason: z.string() }).optional(),
  /** Not reversed and still on its Beijing day: the 撤销 button shows. */
  reversible: z.boolean(),
});

/** Why a redemption is reversed: 2–100 characters, shown in the records and the audit log. */
export const ReverseReason = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    const n = [...s].length;
    if (n < 2) ctx.addIssue({ code: 'custom', message: '请填写撤销原因（至少2个字）' });
    else if (n > 100) ctx.addIssue({ code: 'custom', message: '撤销原因最多100个字' });
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

// ---------------------------------------------------------------- inputs of the 管理员's forms

export const SavePartnerInput = z.object({
  /** Absent: a new partner. */
  partnerId: Id.optional(),
  name: perkText('商家名称', 30),
  category: PerkCategory,
  address: perkText('地址', 60),
  location: Location,
  hours: perkText('营业时间', 40),
  phone: BusinessPhone,
  logo: FileId.optional(),
  intro: perkText('商家简介', 200, 0).optional(),
  /** 区, 镇街 or 社区 whose 管理员 maintain the partner; must be within the caller's scope. */
  scopeId: Id,
});

export const SavePerkInput = z
  .object({
    perkId: Id.optional(),
    partnerId: Id,
    title: perkText('优惠名称', 30),
    description: perkText('优惠内容', 300),
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
