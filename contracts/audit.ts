// 操作记录 (the audit log): every destructive or privileged action (contracts/audited.ts) leaves
// an entry — who, in which role, when, what, and the ids before and after — in an append-only
// collection. A 管理员 reads the entries of their subtree, newest first, filtered by who and what.
import { z } from 'zod';
import { action } from './action';
import { AUDITED } from './audited';
import { Id, RoleName } from './common';
import { ADMIN } from './roles';

export const AuditWhat = z.enum(Object.keys(AUDITED) as [keyof typeof AUDITED, ...(keyof typeof AUDITED)[]]);

export const AuditCursor = z.string().regex(/^[0-9a-z]{1,80}$/, '翻页标记不正确');

export const AuditEntry = z.object({
  id: z.string(),
  at: z.number(),
  /** The actor's user id (to filter by them); their name, or 已注销用户 once they deleted their account. */
  byId: z.string(),
  byName: z.string(),
  role: RoleName,
  roleLabel: z.string(),
  what: AuditWhat,
  whatLabel: z.string(),
  /** The node of the tree it happened at (its name). */
  placeName: z.string(),
  /** The record acted on, and the ids it held before and after (a lead replaced, a problem's holder …). */
  subject: z.string().optional(),
  before: z.array(z.string()),
  after: z.array(z.string()),
});
export type AuditEntryT = z.infer<typeof AuditEntry>;

export const audit = {
  list: action({
    summary: '操作记录：辖区内的删除、替换、交办、授权、作废等操作，可按操作人和操作类型筛选（管理员）',
    input: z.object({
      by: Id.optional(),
      what: AuditWhat.optional(),
      cursor: AuditCursor.optional(),
      pageSize: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({
      items: z.array(AuditEntry),
      next: z.string().nullable(),
      /** Every kind of entry, for the filter. */
      kinds: z.array(z.object({ what: AuditWhat, label: z.string() })),
    }),
    roles: ADMIN,
  }),
};
