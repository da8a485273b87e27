// Every collection and every index, declared once. The SQLite adapter creates these;
// `npm run indexes` prints them for creating the same in the CloudBase console.

export interface IndexSpec {
  collection: string;
  name: string;
  /** Fields in order, with direction; dotted paths for nested fields. */
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export const COLLECTIONS = [
  'nodes', // the district tree: 区 → 镇街 → 社区 → 片 → 组 → 邻
  'users', // one per WeChat user, _id = openid: profile and role grants
  'households', // 户: bound to a 邻 unit
  'leads', // the 三长 as people on the roster (片长, 组长, 邻长), linked to a user once they sign in
  'visits', // 五个一 home visits recorded by a 邻长
  'applications', // 三长 registration: 个人自荐, 群众推荐, 组织指定
  'invites', // one-time binding codes, _id = the code
  'ratelimits', // fixed-window counters, _id = key:window
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

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
  { collection: 'applications', name: 'community_status', fields: [['at.community', 1], ['status', 1], ['createdAt', -1]] },
];
