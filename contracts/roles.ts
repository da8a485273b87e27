// Roles a caller can hold. Every identified WeChat user is a resident; the other roles
// are granted at a node of the district tree (or at a partner, for clerks).
export const ROLES = [
  'anonymous',
  'resident',
  'neighbourLead',
  'groupLead',
  'areaLead',
  'admin',
  'clerk',
  'department',
] as const;

export type Role = (typeof ROLES)[number];
export type GrantedRole = Exclude<Role, 'anonymous' | 'resident'>;

export const ROLE_LABELS: Record<Role, string> = {
  anonymous: '访客',
  resident: '居民',
  neighbourLead: '邻长',
  groupLead: '组长',
  areaLead: '片长',
  admin: '管理员',
  clerk: '商家核销员',
  department: '部门',
};

/** Levels of the district tree: 区 → 镇街 → 社区/村 → 片 → 组 → 邻. */
export const LEVELS = ['district', 'street', 'community', 'area', 'group', 'unit'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  district: '区',
  street: '镇街',
  community: '社区',
  area: '片',
  group: '组',
  unit: '邻',
};

/** Who may call an action. */
export const ANYONE: readonly Role[] = ROLES;
export const SIGNED_IN: readonly Role[] = ROLES.filter((r) => r !== 'anonymous');
export const LEADS: readonly Role[] = ['neighbourLead', 'groupLead', 'areaLead'];
export const ADMIN: readonly Role[] = ['admin'];
