// The 社区's roster: 组织体系图, import, printable cards, 动态调整, reviews.

export const rosterSubpackage = { root: 'roster', pages: ['tree', 'admin', 'unit'] satisfies RosterPage[] };

/** The tabs of 社区管理 (roster/admin), opened with `?tab=`. */
export type RosterAdminTab = 'roster' | 'import' | 'cards' | 'adjust' | 'review' | 'appoint';

/** Each page of this subpackage and the parameters it reads: `pageUrl('roster/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface RosterPages {
  /** 组织体系图; manage: the 管理员's view, each 邻 opening its 管理 page. */
  tree: { manage?: '1' };
  admin: { tab?: RosterAdminTab };
  unit: { id: string };
}
type RosterPage = keyof RosterPages;
