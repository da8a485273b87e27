import { z } from 'zod';
import { LEVELS, ROLES } from './roles';
import { PHONE_RE, ROOM_RE } from './rules';

export const Id = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/);
export const Empty = z.object({}).strip();

/** Mainland mobile number, 11 digits starting with 1. */
export const Phone = z.string().trim().regex(PHONE_RE, '手机号应为11位数字');

export const Paging = z.object({
  page: z.number().int().min(1).max(10000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export const Level = z.enum(LEVELS);
export const RoleName = z.enum(ROLES);

/** Where a role is held: a node of the tree, a partner business (for clerks), or a 部门 (department accounts). */
export const Scope = z.enum([...LEVELS, 'partner', 'department']);

export const RoleGrant = z.object({
  role: RoleName,
  nodeId: z.string(),
  nodeName: z.string(),
  level: Scope,
});
export type RoleGrantT = z.infer<typeof RoleGrant>;

/** A short free text written by a user; passes the content checker before it is stored. */
export const UserText = (max: number) => z.string().trim().min(1).max(max);
export const PersonName = z.string().trim().min(1).max(20);
/** 1栋1单元 / 3栋 / A座2单元: the building (and unit) a 邻 serves. */
export const Building = z.string().trim().min(1).max(20);
/** Room number as written on the door: 101, 1202, B-3. */
export const Room = z
  .string()
  .trim()
  .regex(ROOM_RE, '门牌号只能是数字、字母或短横线')
  .transform((r) => r.toUpperCase()); // b-3 and B-3 are one door

export const LeadRole = z.enum(['neighbourLead', 'groupLead', 'areaLead']);
export type LeadRoleT = z.infer<typeof LeadRole>;

export const PageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/**
 * The search box of a 管理员's list: a name, the last 4 digits of a phone, a 楼栋 or a title
 * (trimmed; blank is no search). The functions search by a bounded scan (server/core/search.ts).
 */
export const SearchText = z.string().trim().max(20);
/** Where the search of a list paged by offset goes on: an offset into the list (the reply's `next`). */
export const SearchFrom = z.number().int().min(0).max(1_000_000);
/** A list paged by offset, searchable: without `q` it pages by `page`; with `q` it goes on `from` the last reply's `next`. */
export const SearchPaging = Paging.extend({ q: SearchText.optional(), from: SearchFrom.optional() });
/** Its reply: with `q`, `next` is where the search goes on (null: searched to the end) and `total` the matches in this reply. */
export const SearchPageOf = <T extends z.ZodTypeAny>(item: T) => PageOf(item).extend({ next: SearchFrom.nullable().optional() });

export const NodeStats = z.object({
  households: z.number().int(),
  bound: z.number().int(),
  visited: z.number().int(),
});

/** The reply of every .xlsx import (roster, partners and perks), with the feature's own row shape. */
export const ImportStatus = z.enum(['added', 'changed', 'unchanged', 'rejected']);
export const importReport = <R extends z.ZodTypeAny>(row: R) =>
  z.object({
    summary: z.object({
      rows: z.number().int(),
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    /** Every rejected row, and the first 200 other rows that are not unchanged. */
    rows: z.array(row),
    /** The whole row-by-row report as .xlsx. */
    reportUrl: z.string(),
    dryRun: z.boolean(),
    /**
     * Present when the import stopped at what one call may write (a cloud function has a
     * minute): the same file imported again goes on from what is stored. Steps are nodes.
     */
    more: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
  });

/** A stored file: a cloud storage id (weapp), or the local dev server's `local:` id. */
export const FileId = z
  .string()
  .trim()
  .max(256)
  .regex(/^(?:cloud:\/\/|local:)\S+$/, '文件标识不正确');

/** 动态调整: a 三长 外出 (away, still reachable by phone), 不能正常履职 (unable) or 不宜担任 (unfit). */
export const AwayStatus = z.enum(['away', 'unable', 'unfit']);
