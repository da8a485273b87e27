// Role grants live on the user document (so one read tells who a caller is).
import type { RoleGrantT } from '../../contracts/common';
import type { Store } from '../store/port';
import type { Honour, LeadDoc } from './docs';

const same = (a: RoleGrantT, b: Pick<RoleGrantT, 'role' | 'nodeId'>) => a.role === b.role && a.nodeId === b.nodeId;

/** Adds commendations a user does not have yet (one per campaign). */
export function withHonours(have: Honour[] = [], add: Honour[] = []): Honour[] {
  return [...have, ...add.filter((h) => !have.some((x) => x.campaignId === h.campaignId))];
}

/**
 * Gives `openid` a role. `lead`: the lead record being bound, whose commendations and photo
 * the user takes on (a 最美邻长 who binds their WeChat after the result still gets the badge
 * and its perks; the pass shows the photo the 管理员 set).
 */
/** A 管理员 of a node of the tree (not a partner's or a 部门's). */
const treeAdmin = (g: Pick<RoleGrantT, 'role' | 'level'>) => g.role === 'admin' && g.level !== 'partner' && g.level !== 'department';

/** Keeps the node's list of its 管理员 (nodes.admins) in step with a grant given or taken back. */
async function syncAdmins(store: Store, nodeId: string, openid: string, add: boolean): Promise<void> {
  await store.transaction(async (tx) => {
    const ref = tx.collection('nodes').doc(nodeId);
    const node = await ref.get();
    if (!node) return;
    const have = node.admins ?? [];
    const next = add ? (have.includes(openid) ? have : [...have, openid]) : have.filter((o) => o !== openid);
    if (next.length !== have.length) await ref.update({ admins: next });
  });
}

export async function grantRole(store: Store, openid: string, grant: RoleGrantT, now: number, name?: string, lead?: Pick<LeadDoc, 'honours' | 'photo'> | null): Promise<void> {
  const honours = lead?.honours ?? [];
  const photo = lead?.photo ? { avatar: lead.photo } : {};
  await store.transaction(async (tx) => {
    const ref = tx.collection('users').doc(openid);
    const user = await ref.get();
    if (!user) {
      await ref.set({ name: name ?? '', grants: [grant], createdAt: now, ...(honours.length ? { honours } : {}), ...photo });
      return;
    }
    const merged = withHonours(user.honours, honours);
    await ref.update({
      grants: [...user.grants.filter((g) => !same(g, grant)), grant],
      // A resident who bound their door first has no name yet: the roster's is theirs.
      ...(!user.name && name ? { name } : {}),
      ...(merged.length > (user.honours?.length ?? 0) ? { honours: merged } : {}),
      ...photo,
    });
  });
  if (treeAdmin(grant)) await syncAdmins(store, grant.nodeId, openid, true);
}

export async function revokeRole(store: Store, openid: string, grant: Pick<RoleGrantT, 'role' | 'nodeId'>): Promise<void> {
  const taken = await store.transaction(async (tx) => {
    const ref = tx.collection('users').doc(openid);
    const user = await ref.get();
    const had = user?.grants.find((g) => same(g, grant));
    if (!user || !had) return null;
    await ref.update({ grants: user.grants.filter((g) => !same(g, grant)) });
    return had;
  });
  if (taken && treeAdmin(taken)) await syncAdmins(store, taken.nodeId, openid, false);
}
