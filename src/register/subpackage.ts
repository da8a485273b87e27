// 三长 registration: 个人自荐, 群众推荐, and the applicant's results.
import type { NoParams } from '../utils/pageUrl';

export const registerSubpackage = { root: 'register', pages: ['apply', 'mine'] satisfies RegisterPage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('register/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface RegisterPages {
  /** 个人自荐 (self) or 群众推荐 (recommend) for the 邻 of a scanned card. */
  apply: { unitId: string; kind: 'self' | 'recommend'; unitName?: string };
  mine: NoParams;
}
type RegisterPage = keyof RegisterPages;
