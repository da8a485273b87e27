// 社区工作台: the dashboard of a 管理员's subtree or a 片长's 片 (figures, charts, reports), and
// the 管理员's one desk of every list they work on.

export const deskSubpackage = { root: 'desk', pages: ['index'] satisfies DeskPage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('desk/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface DeskPages {
  index: { nodeId?: string };
}
type DeskPage = keyof DeskPages;
