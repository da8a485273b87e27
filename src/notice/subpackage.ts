// 通知公告: the notices list, a notice, the publish form and the publisher's list with read counts.
import type { NoParams } from '../utils/pageUrl';

export const noticeSubpackage = { root: 'notice', pages: ['index', 'detail', 'publish', 'published'] satisfies NoticePage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('notice/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface NoticePages {
  /** UnitId: the card the resident scanned, when no household is bound. */
  index: { unitId?: string };
  detail: { id: string; unitId?: string };
  /** The publish form, or the edit form of notice id. */
  publish: { id?: string };
  published: NoParams;
}
type NoticePage = keyof NoticePages;
