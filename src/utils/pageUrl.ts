// Page URLs from each package's own route table. Each src/<feature>/subpackage.ts lists its
// pages and types the parameters each page reads (`interface PerkPages`); the main package's tab
// pages are in src/pages/urls.ts. `pageUrl` is typed by all of them together:
//   pageUrl('perk/detail', { id })  →  '/perk/detail?id=…'
// so a page that is not listed, a missing or unknown parameter fails the typecheck (and
// test/unit/page-urls.test.ts reads every call). Every value is encoded. Only this one small
// function reaches the bundle: the route tables are imported as types.
import type { AccountPages } from '../account/subpackage';
import type { AuditPages } from '../audit/subpackage';
import type { DeskPages } from '../desk/subpackage';
import type { LedgerPages } from '../ledger/subpackage';
import type { MinqingPages } from '../minqing/subpackage';
import type { NoticePages } from '../notice/subpackage';
import type { TabPages } from '../pages/urls';
import type { PerkPages } from '../perk/subpackage';
import type { RegisterPages } from '../register/subpackage';
import type { RosterPages } from '../roster/subpackage';
import type { ScanPages } from '../scan/subpackage';
import type { VotePages } from '../vote/subpackage';

export type Params = Record<string, string | undefined>;
/** A page that takes no parameters. */
export type NoParams = Record<never, never>;

/** `?a=1&b=x%20y` of the parameters that have a value ('' and undefined are left out). */
export const query = (params: Params = {}) => {
  let s = '';
  for (const k in params) if (params[k]) s += `${s ? '&' : '?'}${k}=${encodeURIComponent(params[k] as string)}`;
  return s;
};

/** The pages of the package at `root`, as `root/page`. */
type Under<R extends string, M> = { [K in keyof M & string as `${R}/${K}`]: M[K] };

/** Every page of the mini program and the parameters it reads. */
export type Pages = Under<'pages', TabPages> &
  Under<'account', AccountPages> &
  Under<'audit', AuditPages> &
  Under<'desk', DeskPages> &
  Under<'ledger', LedgerPages> &
  Under<'minqing', MinqingPages> &
  Under<'notice', NoticePages> &
  Under<'perk', PerkPages> &
  Under<'register', RegisterPages> &
  Under<'roster', RosterPages> &
  Under<'scan', ScanPages> &
  Under<'vote', VotePages>;

type PageUrl = <P extends keyof Pages>(page: P, ...params: NoParams extends Pages[P] ? [Pages[P]?] : [Pages[P]]) => string;

/** The URL of a page (`root/page`) with its parameters, for navigateTo, redirectTo, switchTab, reLaunch and shares. */
export const pageUrl = ((page: string, params?: Params) => `/${page}${query(params)}`) as PageUrl;

/** Safe decodeURIComponent for route parameters (already-decoded values pass through). */
export function decodeParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
