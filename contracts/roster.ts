// The 社区's roster: import from Excel, the 组织体系图, printable cards, and 动态调整.
import { z } from 'zod';
import { action } from './action';
import { AwayStatus, FileId, Id, ImportStatus, importReport, Level, PersonName, Phone, SearchPageOf, SearchPaging, UserText } from './common';
import { ADMIN, SIGNED_IN } from './roles';

export const ImportRowResult = z.object({
  row: z.number().int(),
  status: ImportStatus,
  unit: z.string().optional(),
  reason: z.string().optional(),
});

export const ImportReport = importReport(ImportRowResult);
export type ImportReportT = z.infer<typeof ImportReport>;

export const TreeNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: Level,
  name: z.string(),
  leadName: z.string().nullable(),
  leadPhoneMasked: z.string().nullable(),
  /** The current lead's photo (set by the 管理员), shown on the card and on their perk pass. */
  leadPhoto: z.string().optional(),
  buildings: z.array(z.string()).optional(),
  households: z.number().int(),
  leadStatus: z.enum(['active', 'away', 'vacant']).optional(),
  away: z.object({ status: z.enum(['away', 'unable', 'unfit']), since: z.number() }).optional(),
});

export const LeadHistoryItem = z.object({
  id: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  status: z.enum(['active', 'away', 'replaced']),
  since: z.number(),
  until: z.number().optional(),
  reason: z.string().optional(),
  away: z.object({ status: z.enum(['away', 'unable', 'unfit']), since: z.number(), reason: z.string() }).optional(),
  linked: z.boolean(),
});

export { AWAY_STATUS_LABELS as AWAY_LABELS } from './labels';

export const InactiveUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  groupName: z.string(),
  leadName: z.string().nullable(),
  reason: z.enum(['away', 'unable', 'unfit', 'inactive', 'vacant']),
  sinceDays: z.number().int(),
});

/** A row of the 名册: a 片, 组 or 邻 with its 三长 (phone masked), where it sits and its households. */
export const RosterRow = TreeNode.extend({
  /** 第一片 · 第一组: the 片 and 组 above a 邻 (empty above). */
  path: z.string(),
});

export const roster = {
  tree: action({
    summary: '组织体系图：社区的片—组—邻，含三长与户数',
    input: z.object({ communityId: Id.optional() }),
    output: z.object({
      community: z.object({ id: z.string(), name: z.string(), hotline: z.string() }),
      /** For a 镇街 or 区 管理员: the 社区 they can switch to (first 100). */
      communities: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
      nodes: z.array(TreeNode),
    }),
    roles: SIGNED_IN,
  }),
  template: action({
    summary: '下载名册导入模板（.xlsx）',
    input: z.object({}),
    output: z.object({ url: z.string() }),
    roles: ADMIN,
  }),
  import: action({
    summary: '导入社区名册（.xlsx），逐行报告新增、变更、未变、拒绝',
    input: z.object({ fileId: z.string().min(1).max(300), dryRun: z.boolean().default(false) }),
    output: ImportReport,
    roles: ADMIN,
  }),
  cards: action({
    summary: '生成一个组或片的邻长联系卡 PDF（A4，可打印）',
    input: z.object({ nodeId: Id }),
    /**
     * `more` (and no url): the QR codes did not all fit in one call; ask again with the same
     * node, which goes on from the codes already made. Otherwise `url` is the PDF.
     */
    output: z.object({
      url: z.string().optional(),
      cards: z.number().int(),
      pages: z.number().int(),
      more: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
    }),
    roles: ADMIN,
  }),
  history: action({
    summary: '一个邻（或组、片）历任三长',
    input: z.object({ nodeId: Id }),
    output: z.object({ items: z.array(LeadHistoryItem) }),
    roles: ADMIN,
  }),
  markAway: action({
    summary: '动态调整：标记三长外出、不能履职或不宜担任',
    input: z.object({ nodeId: Id, status: AwayStatus, reason: UserText(200) }),
    output: z.object({ ok: z.literal(true) }),
    roles: ADMIN,
  }),
  markBack: action({
    summary: '动态调整：三长已返回、恢复履职（撤销外出等标记）',
    input: z.object({ nodeId: Id }),
    output: z.object({ ok: z.literal(true) }),
    roles: ADMIN,
  }),
  succeed: action({
    summary: '动态调整：推选接替人选，住户、联系卡与未办事项随邻转交',
    input: z.object({ nodeId: Id, name: PersonName, phone: Phone, reason: UserText(200) }),
    output: z.object({ leadId: z.string(), invite: z.object({ code: z.string(), expiresAt: z.number() }) }),
    roles: ADMIN,
  }),
  setPhoto: action({
    summary: '上传或更换现任三长的照片（联系卡和优惠码上显示，供居民和商家辨认）；null 为删除',
    input: z.object({ nodeId: Id, fileId: FileId.nullable() }),
    output: z.object({ ok: z.literal(true) }),
    roles: ADMIN,
  }),
  invite: action({
    summary: '为三长生成一次性绑定码（三长在“我的”输入后获得身份）',
    input: z.object({ nodeId: Id }),
    output: z.object({ code: z.string(), expiresAt: z.number() }),
    roles: ADMIN,
  }),
  nodes: action({
    summary: '名册：一个社区的片、组、邻及其三长（分页；可按名称、三长姓名、手机号后四位、楼栋搜索）',
    input: SearchPaging.extend({
      communityId: Id.optional(),
      /** Which levels (default all three): the 联系卡 list picks 片 and 组. */
      levels: z.array(z.enum(['area', 'group', 'unit'])).min(1).max(3).optional(),
    }),
    output: SearchPageOf(RosterRow).extend({ community: z.object({ id: z.string(), name: z.string() }) }),
    roles: ADMIN,
  }),
  inactive: action({
    summary: '外出或不活跃超过 30 天、或空缺的邻（可按邻名、组名、邻长姓名、手机号后四位、楼栋搜索）',
    input: SearchPaging,
    output: SearchPageOf(InactiveUnit),
    roles: ADMIN,
  }),
};
