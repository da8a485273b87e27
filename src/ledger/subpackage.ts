// 居民信息账: a 邻长's households and 五个一 visits; 组长/片长 summaries.

export const ledgerSubpackage = { root: 'ledger', pages: ['index', 'household', 'summary'] satisfies LedgerPage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('ledger/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface LedgerPages {
  /** The households of one 邻 (the 邻长's own 邻 when they lead several). */
  index: { unitId?: string };
  household: { id: string };
  /** 下级汇总 of the caller's level, or of a node below it. */
  summary: { nodeId?: string };
}
type LedgerPage = keyof LedgerPages;
