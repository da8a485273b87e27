// Every collection, declared once: its name (the key), what it holds, and its document type.
// `store.collection(name)` returns a Collection of that type, so handlers never cast.
//
// Adding a collection is one line here: `notices: doc<NoticeDoc>('通知公告 …'),` (the type
// comes from the feature's docs file: type-only imports, the one exception the
// import-direction test allows). The SQLite adapter makes its table
// and `npm run deploy` create it; its indexes go in ./indexes.ts.
import type { HouseholdDoc, LeadDoc, NodeDoc, VisitDoc } from '../domain/docs';
import type { InviteDoc } from '../domain/invites';
import type { UserDoc } from '../domain/users';
import type { NotifyFailureDoc, NotifyStatsDoc } from '../core/notify';
import type { RateLimitDoc } from '../core/rate-limit';
import type { CatalogueStoreDoc } from '../features/perk/catalogue';
import type { PartnerDoc, PassDoc, PerkDoc, RedemptionDoc, StatsDoc, UsageDoc } from '../features/perk/docs';
import type { CounterDoc } from '../features/minqing/counters';
import type { ReconcileDoc } from '../features/minqing/reconcile';
import type { DepartmentDoc, InboxDoc, MeetingDoc, MinqingConfigDoc, ProblemDoc, TimelineDoc } from '../features/minqing/docs';
import type { NoticeDoc, NoticeReadDoc } from '../features/notice/docs';
import type { ApplicationDoc } from '../features/register/applications';
import type { AlertDoc, AuditDoc, CampaignDoc, CandidateDoc, VoteDoc } from '../features/vote/docs';
import type { Doc } from './port';
import type { UploadDoc } from '../domain/uploads';
import type { AuditEntryDoc } from '../domain/audit';
import type { FigureDoc } from '../domain/figures';

/** A collection's entry: what it holds (for `npm run indexes`), typed by its document. */
export interface CollectionEntry<D extends Doc> {
  about: string;
  /** Type only (never set): carries the document type to `Collections`. */
  readonly docType?: D;
}
const doc = <D extends Doc>(about: string): CollectionEntry<D> => ({ about });

export const COLLECTION_ENTRIES = {
  nodes: doc<NodeDoc>('the district tree: 区 → 镇街 → 社区 → 片 → 组 → 邻'),
  users: doc<UserDoc>('one per WeChat user, _id = openid: profile and role grants'),
  households: doc<HouseholdDoc>('户: bound to a 邻 unit'),
  leads: doc<LeadDoc>('the 三长 as people on the roster (片长, 组长, 邻长), linked to a user once they sign in'),
  visits: doc<VisitDoc>('五个一 home visits recorded by a 邻长'),
  applications: doc<ApplicationDoc>('三长 registration: 个人自荐, 群众推荐, 组织指定'),
  invites: doc<InviteDoc>('one-time binding codes, _id = the code'),
  ratelimits: doc<RateLimitDoc>('fixed-window counters, _id = key:window'),
  partners: doc<PartnerDoc>('支持单位, scoped at a 区/镇街/社区 node (`at`)'),
  perks: doc<PerkDoc>("专属优惠 of a partner, with a copy of the partner's name/category/status/scope"),
  perkcatalog: doc<CatalogueStoreDoc>('`current`: every active perk with its partner (perk.list reads only this); `head`, `rev`: its revision'),
  perkpasses: doc<PassDoc>('short-lived passes, _id = the 8-digit short code a clerk can type'),
  redemptions: doc<RedemptionDoc>("核销 records, _id = the pass's nonce (a pass is consumed once)"),
  perkusage: doc<UsageDoc>('uses per perk, person and period, _id = perkId:openid:period'),
  perkstats: doc<StatsDoc>('redemptions per partner per Beijing month, _id = partnerId:YYYYMM'),
  campaigns: doc<CampaignDoc>('最美邻长评选: rules, windows, 编号 counter, approved candidate ids, results'),
  candidates: doc<CandidateDoc>('one candidacy per 邻长 and campaign (deterministic _id), with its vote counter'),
  votes: doc<VoteDoc>("accepted votes, _id = campaign:voter:day:slot (a slot is taken once; a voter's day is a range of ids)"),
  voteAlerts: doc<AlertDoc>('burst alerts, _id = candidate:minute'),
  voteAudit: doc<AuditDoc>('voids, disqualifications and confirmations, with reasons'),
  notifyFailures: doc<NotifyFailureDoc>('subscribe messages that did not go out, with why (server/core/notify.ts)'),
  notifyStats: doc<NotifyStatsDoc>('those counted per Beijing day and reason, _id = YYYYMMDD'),
  problems: doc<ProblemDoc>("民情: residents' problems, held by one handler at a time (server/features/minqing)"),
  mqtimeline: doc<TimelineDoc>("each problem's steps, append-only"),
  mqinbox: doc<InboxDoc>('消息: what a user hears of their problems and meetings'),
  mqstats: doc<CounterDoc>('maintained counters: h:<holder> to-do boxes and figures, n:<node> roll-ups'),
  mqmeetings: doc<MeetingDoc>('民情恳谈会 of a 片: agenda and minutes'),
  mqreconcile: doc<ReconcileDoc>('how far the counters’ reconcile has walked the problems (one doc, server/features/minqing/reconcile.ts)'),
  mqconfig: doc<MinqingConfigDoc>("per 社区: its own categories and deadlines, _id = the 社区's id"),
  departments: doc<DepartmentDoc>('部门 (区直单位 …) that take 大事 from the 社区'),
  notices: doc<NoticeDoc>('通知公告 at a node (scopeId, `at`), with its maintained read counter'),
  noticeReads: doc<NoticeReadDoc>('one read marker per (notice, household), _id = noticeId:householdId'),
  auditLog: doc<AuditEntryDoc>('操作记录: one entry per destructive or privileged call (contracts/audited.ts), append-only'),
  deskstats: doc<FigureDoc>("the 工作台's figures kept on write: <node>:<YYYYMM> per month, <node>:now, camp:<campaign> (server/domain/figures.ts)"),
  uploads: doc<UploadDoc>('who uploaded each file, its checked type, published or not; _id = hash of the path (server/domain/uploads.ts)'),
};

/** Collection name → document type. */
export type Collections = {
  [K in keyof typeof COLLECTION_ENTRIES]: NonNullable<(typeof COLLECTION_ENTRIES)[K]['docType']>;
};
export type CollectionName = keyof Collections;
export const COLLECTIONS = Object.keys(COLLECTION_ENTRIES) as CollectionName[];
