// 通知公告: a 管理员 (社区), 片长, 组长 or 邻长 publishes to a node of the tree (their scope); the
// residents whose household sits under that node read it on 首页 and in the notices list.
// One call per mini program page:
//   首页 notices section / 通知公告 list ... notice.feed        发布通知 (form) ........ notice.targets → notice.publish
//   notice detail (marks it read) ....... notice.get         我发布的 (read counts) .. notice.published
//   edit / 撤回 .......................... notice.update / notice.withdraw
// The feed is paged with an opaque cursor (pinned first, then newest; the id breaks ties).
import { z } from 'zod';
import { action } from './action';
import { FileId, Id, Level, SearchText, UserText } from './common';
import { LEADS, SIGNED_IN } from './roles';

export const MAX_NOTICE_IMAGES = 9;
const Time = z.number().int().min(Date.UTC(2020, 0, 1)).max(Date.UTC(2100, 0, 1));

export const NoticeTitle = UserText(40);
export const NoticeBody = UserText(2000);
export const NoticeImages = z.array(FileId).max(MAX_NOTICE_IMAGES, `最多 ${MAX_NOTICE_IMAGES} 张图片`);

/** Where the cursor of the next page starts (made by the function; the mini program passes it back as is). */
export const NoticeCursor = z.string().regex(/^[0-9A-Za-z:_-]{1,120}$/, '翻页标记不正确');

export const NoticeStatus = z.enum(['published', 'withdrawn']);

const Publisher = z.object({ name: z.string(), roleLabel: z.string() });
const ScopeView = z.object({ id: z.string(), name: z.string(), level: Level });

/** A row of the feed: what a resident sees in the list. */
export const NoticeItem = z.object({
  id: z.string(),
  title: z.string(),
  /** The first line or so of the body. */
  excerpt: z.string(),
  pinned: z.boolean(),
  publishedAt: z.number(),
  expiresAt: z.number().nullable(),
  scope: ScopeView,
  publisher: Publisher,
  imageCount: z.number().int(),
  /** Whether the caller's household has opened it. */
  read: z.boolean(),
});

export const NoticeDetail = NoticeItem.extend({
  body: z.string(),
  images: z.array(z.string()),
  status: NoticeStatus,
  /** Only for the publisher and the 管理员 above: 已读 N / 范围内 M 户. */
  readCount: z.object({ read: z.number().int(), households: z.number().int() }).optional(),
  /** The caller may edit and withdraw it. */
  canManage: z.boolean(),
});

/** A row of the publisher's list. */
export const PublishedItem = z.object({
  id: z.string(),
  title: z.string(),
  pinned: z.boolean(),
  status: NoticeStatus,
  expired: z.boolean(),
  publishedAt: z.number(),
  expiresAt: z.number().nullable(),
  scope: ScopeView,
  publisher: Publisher,
  read: z.number().int(),
  households: z.number().int(),
});

const NoticeFields = z.object({
  title: NoticeTitle,
  body: NoticeBody,
  images: NoticeImages.default([]),
  pinned: z.boolean().default(false),
  /** After this the notice is hidden from residents; null: until withdrawn. */
  expiresAt: Time.nullable().default(null),
});

export const notice = {
  feed: action({
    summary: '居民看到的通知公告：所住户所在邻、组、片、社区的通知，置顶在前、新的在前，分页',
    input: z.object({
      cursor: NoticeCursor.optional(),
      pageSize: z.number().int().min(1).max(20).default(10),
      /** A resident without a bound household: the 邻 of the card they scanned. */
      unitId: Id.optional(),
    }),
    output: z.object({
      items: z.array(NoticeItem),
      next: z.string().nullable(),
      /** Whose notices these are: the bound household's 邻, the scanned card's, or none. */
      source: z.enum(['household', 'card', 'none']),
      unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
    roles: SIGNED_IN,
  }),
  get: action({
    summary: '一条通知的全文；住户在范围内的居民打开即记为本户已读',
    input: z.object({ id: Id, unitId: Id.optional() }),
    output: NoticeDetail,
    roles: SIGNED_IN,
  }),
  targets: action({
    summary: '发布通知时可选的范围：管理员选社区或其中的片、组，片长选本片或其中的组，组长本组，邻长本邻（也可以发给下属的某个邻）',
    input: z.object({}).strip(),
    output: z.object({ targets: z.array(ScopeView.extend({ households: z.number().int() })) }),
    roles: [...LEADS, 'admin'],
    forbidden: '只有管理员和三长可以发布通知',
  }),
  publish: action({
    summary: '发布一条通知（标题、正文、最多 9 张图片、置顶、有效期）',
    input: NoticeFields.extend({ scopeId: Id }),
    output: z.object({ notice: NoticeDetail }),
    roles: [...LEADS, 'admin'],
    forbidden: '只有管理员和三长可以发布通知',
  }),
  update: action({
    summary: '修改通知（发布人或上级管理员）',
    input: NoticeFields.partial().extend({ id: Id }),
    output: z.object({ notice: NoticeDetail }),
    roles: [...LEADS, 'admin'],
    forbidden: '只有发布人或管理员可以修改通知',
  }),
  withdraw: action({
    summary: '撤回通知（发布人或上级管理员），居民不再看到',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string(), status: NoticeStatus }),
    roles: [...LEADS, 'admin'],
    forbidden: '只有发布人或管理员可以撤回通知',
  }),
  published: action({
    summary: '我发布的通知（管理员：本社区所有通知），每条显示已读户数 / 范围内户数；可按标题、范围、发布人搜索',
    input: z.object({ cursor: NoticeCursor.optional(), pageSize: z.number().int().min(1).max(50).default(20), q: SearchText.optional() }),
    output: z.object({ items: z.array(PublishedItem), next: z.string().nullable() }),
    roles: [...LEADS, 'admin'],
    forbidden: '只有管理员和三长可以查看发布记录',
  }),
};
