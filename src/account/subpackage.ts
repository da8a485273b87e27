// 我的 → the resident's own data and identity: household record, binding code.
import type { NoParams } from '../utils/pageUrl';

export const accountSubpackage = { root: 'account', pages: ['household', 'claim', 'mydata'] satisfies AccountPage[] };

/** Each page of this subpackage and the parameters it reads: `pageUrl('account/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface AccountPages {
  household: NoParams;
  claim: NoParams;
  mydata: NoParams;
}
type AccountPage = keyof AccountPages;
