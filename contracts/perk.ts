// 专属优惠: partner businesses (支持单位) and their perks for the 三长, the pass a 三长 shows
// at the counter, and its verification (核销) by the partner's clerk. One cloud call per page:
// 优惠 list → perk.list, details → perk.get, pass → perk.pass, clerk → perk.verify /
// perk.clerkRedemptions / perk.reverseRedemption, 管理员 → perk.partners / perk.partner / perk.save* / perk.import / perk.stats.
// The vocabulary, field checks and views are in contracts/perk-schemas.ts, re-exported here.
import { z } from 'zod';
import { action } from './action';
import { FileId, Id, PageOf, Paging, SearchText } from './common';
import {
  ClerkListRow,
  ClerkRedemptionItem,
  ClerkRow,
  PartnerAdmin,
  PartnerStatus,
  PassHolder,
  PerkAdmin,
  PerkCard,
  PerkCategory,
  PerkCategoryCounts,
  PerkImportReport,
  PerkListItem,
  PerkListPartner,
  PerkMonth,
  perkText,
  RedemptionItem,
  ReverseReason,
  SavePartnerInput,
  SavePerkInput,
  Usage,
  VerifyResult,
} from './perk-schemas';
import { ADMIN, LEADS, SIGNED_IN, type Role } from './roles';

export * from './perk-schemas';

// ---------------------------------------------------------------- actions

const BROWSE: readonly Role[] = [...LEADS, 'admin'];
const CLERK: readonly Role[] = ['clerk'];

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

  reverseRedemption: action({
    summary: '撤销核销：核销当天，本店核销员或管理范围内的管理员可撤销一次（写明原因；记录保留，次数退回）',
    input: z.object({ redemptionId: Id, reason: ReverseReason }),
    output: z.object({ redemption: ClerkRedemptionItem }),
    roles: ['clerk', 'admin'],
    forbidden: '只有本店核销员或管理员才能撤销核销',
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
    input: z.object({ partnerId: Id, status: PartnerStatus, reason: perkText('原因', 100, 0).optional() }),
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
    input: z.object({ partnerId: Id, label: perkText('店员称呼', 20, 0).optional() }),
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
    input: z.object({ month: PerkMonth.optional() }),
    output: z.object({
      month: z.string(),
      scope: z.string(),
      total: z.number().int(),
      items: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), categoryLabel: z.string(), count: z.number().int() })),
    }),
    roles: ADMIN,
  }),
};
