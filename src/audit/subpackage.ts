// 操作记录: the 管理员's audit log of their subtree (删除、替换、交办、授权、作废 …).
import type { NoParams } from '../utils/pageUrl';

export const auditSubpackage = { root: 'audit', pages: ['index'] satisfies AuditPage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('audit/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface AuditPages {
  index: NoParams;
}
type AuditPage = keyof AuditPages;
