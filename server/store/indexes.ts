// Every index, declared once (the collections are in ./collections.ts). The SQLite adapter creates these;
// `npm run deploy` creates the same in the CloudBase environment (scripts/deploy/plan.ts).

import type { CollectionName } from './collections';

export interface IndexSpec {
  collection: CollectionName;
  name: string;
  /** Fields in order, with direction; dotted paths for nested fields. */
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export const INDEXES: IndexSpec[] = [
  { collection: 'nodes', name: 'parent_order', fields: [['parentId', 1], ['order', 1]] },
  { collection: 'nodes', name: 'community_level', fields: [['at.community', 1], ['level', 1]] },
  { collection: 'households', name: 'unit_address', fields: [['unitId', 1], ['building', 1], ['room', 1]] },
  { collection: 'leads', name: 'node', fields: [['nodeId', 1], ['status', 1]] },
  { collection: 'leads', name: 'phone', fields: [['phone', 1]] },
  { collection: 'leads', name: 'node_since', fields: [['nodeId', 1], ['since', -1]] },
  { collection: 'nodes', name: 'level_activity', fields: [['level', 1], ['at.community', 1], ['lead.activeAt', 1]] },
  { collection: 'visits', name: 'household', fields: [['householdId', 1], ['visitedAt', -1]] },
  { collection: 'applications', name: 'applicant', fields: [['applicant', 1], ['createdAt', -1]] },
  // A partner's clerk codes (perk.clerks): by the node the grant is for.
  { collection: 'invites', name: 'grant_node', fields: [['target.grant.nodeId', 1], ['createdAt', -1]] },
  { collection: 'applications', name: 'community_status', fields: [['at.community', 1], ['status', 1], ['createdAt', -1]] },
  { collection: 'partners', name: 'name', fields: [['name', 1]] },
  { collection: 'partners', name: 'district_name', fields: [['at.district', 1], ['name', 1]] },
  { collection: 'partners', name: 'street_name', fields: [['at.street', 1], ['name', 1]] },
  { collection: 'partners', name: 'community_name', fields: [['at.community', 1], ['name', 1]] },
  { collection: 'perks', name: 'partner_order', fields: [['partnerId', 1], ['order', 1]] },
  { collection: 'perks', name: 'partner_title', fields: [['partnerId', 1], ['title', 1]] },
  // What the daily purge removes (server/features/maintenance/purge.ts).
  { collection: 'perkpasses', name: 'expires', fields: [['expiresAt', 1]] },
  { collection: 'ratelimits', name: 'expires', fields: [['expiresAt', 1]] },
  { collection: 'redemptions', name: 'holder_at', fields: [['openid', 1], ['at', -1]] },
  { collection: 'redemptions', name: 'partner_at', fields: [['partnerId', 1], ['at', -1]] },
  { collection: 'perkstats', name: 'month_district', fields: [['month', 1], ['at.district', 1], ['n', -1]] },
  { collection: 'perkstats', name: 'month_street', fields: [['month', 1], ['at.street', 1], ['n', -1]] },
  { collection: 'perkstats', name: 'month_community', fields: [['month', 1], ['at.community', 1], ['n', -1]] },
  { collection: 'perkstats', name: 'partner', fields: [['partnerId', 1]] },
  { collection: 'campaigns', name: 'scope_vote', fields: [['scopeNodeId', 1], ['voteUntil', 1]] },
  { collection: 'campaigns', name: 'district_created', fields: [['at.district', 1], ['createdAt', -1]] },
  { collection: 'campaigns', name: 'street_created', fields: [['at.street', 1], ['createdAt', -1]] },
  { collection: 'campaigns', name: 'community_created', fields: [['at.community', 1], ['createdAt', -1]] },
  // One index only: every vote rewrites its candidate, and each index is rewritten with it. A
  // campaign has at most 500 candidates, so its other lists (by 编号, name, nominator) filter
  // on this index's campaignId prefix and sort that handful.
  { collection: 'candidates', name: 'campaign_rank', fields: [['campaignId', 1], ['status', 1], ['votes', -1], ['no', 1]] },
  // One index only (each costs every vote a write): a candidate's votes in a time window, for
  // the 管理员's lists and voids. A voter's votes are a range of ids (votesOfVoter).
  { collection: 'votes', name: 'candidate_valid_at', fields: [['candidateId', 1], ['valid', 1], ['at', -1]] },
  { collection: 'voteAlerts', name: 'campaign_minute', fields: [['campaignId', 1], ['minute', -1]] },
  { collection: 'voteAudit', name: 'campaign_at', fields: [['campaignId', 1], ['at', -1]] },
  // 民情 (server/features/minqing/lists.ts): each list is one of these, paged on a sort key
  // ending in the id (ck: created, dk: the deadline that applies now).
  { collection: 'problems', name: 'holder_open_due', fields: [['hk', 1], ['box', 1], ['dk', 1]] },
  { collection: 'problems', name: 'holder_overdue', fields: [['hk', 1], ['box', 1], ['overdue', 1], ['ck', -1]] },
  { collection: 'problems', name: 'above_overdue', fields: [['wk', 1], ['box', 1], ['overdue', 1], ['ck', -1]] },
  { collection: 'problems', name: 'resolver_done', fields: [['resolvedBy', 1], ['box', 1], ['ck', -1]] },
  { collection: 'problems', name: 'reporter', fields: [['by', 1], ['ck', -1]] },
  { collection: 'problems', name: 'community', fields: [['at.community', 1], ['ck', -1]] },
  { collection: 'problems', name: 'area', fields: [['at.area', 1], ['ck', -1]] },
  { collection: 'problems', name: 'street', fields: [['at.street', 1], ['ck', -1]] },
  { collection: 'problems', name: 'district', fields: [['at.district', 1], ['ck', -1]] },
  { collection: 'problems', name: 'sweep_due', fields: [['box', 1], ['overdue', 1], ['dueAt', 1]] },
  { collection: 'problems', name: 'sweep_confirm', fields: [['status', 1], ['confirmBy', 1]] },
  // The counters' reconcile (reconcile.ts): the problems written since its last run, and the
  // state of a 片/社区/镇街/区 recounted (open and overdue, done).
  { collection: 'problems', name: 'reconcile_walk', fields: [['updatedAt', 1], ['_id', 1]] },
  { collection: 'problems', name: 'area_state', fields: [['at.area', 1], ['box', 1], ['overdue', 1]] },
  { collection: 'problems', name: 'community_state', fields: [['at.community', 1], ['box', 1], ['overdue', 1]] },
  { collection: 'problems', name: 'street_state', fields: [['at.street', 1], ['box', 1], ['overdue', 1]] },
  { collection: 'problems', name: 'district_state', fields: [['at.district', 1], ['box', 1], ['overdue', 1]] },
  { collection: 'mqtimeline', name: 'problem', fields: [['problemId', 1], ['seq', 1]] },
  { collection: 'mqinbox', name: 'owner', fields: [['openid', 1], ['ck', -1]] },
  { collection: 'mqinbox', name: 'owner_unread', fields: [['openid', 1], ['read', 1]] },
  { collection: 'mqmeetings', name: 'area', fields: [['areaId', 1], ['ck', -1]] },
  { collection: 'mqmeetings', name: 'area_next', fields: [['areaId', 1], ['status', 1], ['startsAt', 1]] },
  { collection: 'departments', name: 'district_order', fields: [['at.district', 1], ['order', 1]] },
  // A resident's feed: the notices at their 邻's ancestor ids (scopeId IN …), pinned first then newest.
  { collection: 'notices', name: 'scope_feed', fields: [['scopeId', 1], ['status', 1], ['rank', -1]] },
  // The publisher's list: their own, or (管理员) every notice of their subtree, newest first.
  { collection: 'notices', name: 'by_key', fields: [['by', 1], ['key', -1]] },
  { collection: 'notices', name: 'community_key', fields: [['at.community', 1], ['key', -1]] },
  { collection: 'notices', name: 'street_key', fields: [['at.street', 1], ['key', -1]] },
  { collection: 'notices', name: 'district_key', fields: [['at.district', 1], ['key', -1]] },
  // 操作记录 (server/features/audit): a 管理员's subtree, newest first, optionally by who or what.
  ...(['community', 'street', 'district'] as const).flatMap((level): IndexSpec[] => [
    { collection: 'auditLog', name: `${level}_key`, fields: [[`at.${level}`, 1], ['key', -1]] },
    { collection: 'auditLog', name: `${level}_by_key`, fields: [[`at.${level}`, 1], ['by', 1], ['key', -1]] },
    { collection: 'auditLog', name: `${level}_what_key`, fields: [[`at.${level}`, 1], ['what', 1], ['key', -1]] },
  ]),
];
