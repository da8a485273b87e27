// 操作记录: the 管理员's audit log of their subtree (删除、替换、交办、授权、作废 …).
export const auditSubpackage = { root: 'audit', pages: ['index'] };
