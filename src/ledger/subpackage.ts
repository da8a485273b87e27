// 居民信息账: a 邻长's households and 五个一 visits; 组长/片长 summaries.
export const ledgerSubpackage = { root: 'ledger', pages: ['index', 'household', 'summary'] };
