// 我的 → the resident's own data and identity: household record, binding code.
export const accountSubpackage = { root: 'account', pages: ['household', 'claim', 'mydata'] };
