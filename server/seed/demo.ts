// The demo 社区 used by `npm start` and the tests: one 社区, 3 片, 9 组, 30 邻, 400 户,
// and one demo user for each role the dev sign-in offers.
import type { RoleGrantT } from '../../contracts/common';
import type { UserDoc } from '../domain/users';
import type { LocalStore } from '../store/local-store';
import { addressOf } from '../domain/docs';
import type { InviteDoc } from '../domain/invites';
import { buildTree, DEMO_SIZE, seededNode, type Tree, type TreeSize } from './tree';
import { buildPartnerSeed, DEMO_PARTNERS, writePartnerSeed, type PartnerSeed } from './partners';
import { buildDemoCampaign, writeCampaignSeed, type CampaignSeed } from './campaign';
import { buildMinqingSeed, seedMinqingStory } from './minqing';
import type { Ports } from '../core/ports';
import type { DepartmentDoc } from '../features/minqing/docs';

export interface DemoUser {
  /** Sign-in key, also the suffix of the openid. */
  key: string;
  label: string;
  description: string;
  openid: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  { key: 'anonymous', label: '匿名访客', description: '未登录，只能看公开信息', openid: null },
  { key: 'newcomer', label: '新用户', description: '第一次打开小程序的微信用户', openid: 'demo-newcomer' },
  { key: 'resident', label: '居民', description: '已绑定 1栋1单元101 的居民', openid: 'demo-resident' },
  { key: 'neighbourLead', label: '邻长', description: '1栋1单元邻的邻长', openid: 'demo-neighbour-lead' },
  { key: 'neighbourLead2', label: '邻长（另一位）', description: '1栋2单元邻的邻长', openid: 'demo-neighbour-lead-2' },
  { key: 'groupLead', label: '组长', description: '第一片第一组的组长', openid: 'demo-group-lead' },
  { key: 'areaLead', label: '片长', description: '第一片的片长', openid: 'demo-area-lead' },
  { key: 'admin', label: '管理员', description: '幸福里社区的管理员', openid: 'demo-admin' },
  { key: 'clerk', label: '商家核销员', description: '湘味小厨（餐饮）的核销员', openid: 'demo-clerk' },
  { key: 'department', label: '部门', description: '区住房和城乡建设局的办理人员（只看交办给本部门的大事）', openid: 'demo-department' },
];

export const DEMO_COMMUNITY_ID = 'c1';

/** The demo 社区 (or, with a larger size, a whole made-up district) plus the demo users. */
export function buildDemo(
  now: number,
  size: TreeSize = DEMO_SIZE,
): Tree & { users: UserDoc[]; invites: InviteDoc[]; departments: DepartmentDoc[] } & PartnerSeed & { vote: CampaignSeed } {
  const small = size.communities === 1;
  const tree = buildTree({
    size,
    now,
    streetName: small ? () => '示范街道' : undefined,
    communityName: small ? () => '幸福里社区' : undefined,
  });
  const byId = new Map(tree.nodes.map((n) => [n._id, n]));
  const node = (id: string) => seededNode(byId, id);
  const users: UserDoc[] = [];

  const leadUser = (openid: string, nodeId: string, role: RoleGrantT['role']) => {
    const n = node(nodeId);
    const lead = tree.leads.find((l) => l.nodeId === nodeId);
    if (!lead) throw new Error(`demo: no lead at ${nodeId}`);
    lead.openid = openid;
    if (n.lead) n.lead.openid = openid;
    users.push({
      _id: openid,
      name: lead.name,
      phone: lead.phone,
      grants: [{ role, nodeId, nodeName: n.name, level: n.level }],
      createdAt: now,
    });
  };
  leadUser('demo-neighbour-lead', 'u1', 'neighbourLead');
  leadUser('demo-neighbour-lead-2', 'u2', 'neighbourLead');
  leadUser('demo-group-lead', 'g1', 'groupLead');
  leadUser('demo-area-lead', 'a1', 'areaLead');

  const community = node(DEMO_COMMUNITY_ID);
  community.admins = ['demo-admin'];
  users.push({
    _id: 'demo-admin',
    name: '社区工作人员小周',
    grants: [{ role: 'admin', nodeId: community._id, nodeName: community.name, level: 'community' }],
    createdAt: now,
  });
  const clerkGrant = { role: 'clerk' as const, nodeId: DEMO_PARTNERS[0].id, nodeName: DEMO_PARTNERS[0].name, level: 'partner' as const };
  users.push({ _id: 'demo-clerk', name: '收银员小陈', grants: [clerkGrant], createdAt: now });
  // The code the demo clerk was bound with, so the 管理员's partner page lists them.
  const invites: InviteDoc[] = [
    {
      _id: '20260001',
      target: { kind: 'clerk', grant: clerkGrant, label: '收银员小陈' },
      createdBy: 'demo-admin',
      createdAt: now - 3 * 24 * 3600_000,
      expiresAt: now + 4 * 24 * 3600_000,
      usedBy: 'demo-clerk',
      usedAt: now - 2 * 24 * 3600_000,
    },
  ];

  const home = tree.households.find((h) => h.unitId === 'u1' && h.room === '101');
  if (!home) throw new Error('demo: no household 101 in u1');
  home.members = ['demo-resident'];
  home.boundAt = now;
  home.phone = '13900009999';
  const bump = (id?: string) => id && seededNode(byId, id).stats.bound++;
  Object.values(home.at).forEach(bump);
  users.push({
    _id: 'demo-resident',
    name: '居民王阿姨',
    phone: '13900009999',
    grants: [],
    household: { id: home._id, unitId: home.unitId, address: addressOf(home) },
    createdAt: now,
  });

  // 民情: the district's 部门 and the demo 部门 account.
  const district = seededNode(byId, tree.nodes.find((n) => n.level === 'district')?._id);
  const minqing = buildMinqingSeed(now, district._id);
  users.push(...minqing.users);

  return { ...tree, users, invites, departments: minqing.departments, ...buildPartnerSeed(now, tree.nodes), vote: buildDemoCampaign(now, tree.nodes) };
}

export function writeTree(store: LocalStore, data: Partial<Tree & { users: UserDoc[]; invites: InviteDoc[]; departments: DepartmentDoc[] } & PartnerSeed & { vote: CampaignSeed }>): void {
  if (data.nodes) store.bulkPut('nodes', data.nodes);
  if (data.leads) store.bulkPut('leads', data.leads);
  if (data.households) store.bulkPut('households', data.households);
  if (data.figures) store.bulkPut('deskstats', data.figures);
  if (data.users) store.bulkPut('users', data.users);
  if (data.invites) store.bulkPut('invites', data.invites);
  if (data.departments) store.bulkPut('departments', data.departments);
  writePartnerSeed(store, data);
  writeCampaignSeed(store, data.vote);
}

/**
 * Seeds the demo 社区 into an empty store; returns false when data is already there. With the
 * runtime's ports (`npm start`), also the 民情 loop the handlers make over the past days.
 */
export async function seedDemoIfEmpty(store: LocalStore, now: number, ports?: Omit<Ports, 'store' | 'clock' | 'checker' | 'notifier'>): Promise<boolean> {
  if ((await store.collection('nodes').limit(1).get()).length > 0) return false;
  writeTree(store, buildDemo(now));
  if (ports) await seedMinqingStory(store, now, ports);
  return true;
}
