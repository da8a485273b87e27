// Role grants live on the user document (so one read tells who a caller is).
import type { RoleGrantT } from '../../contracts/common';
import type { Store } from '../store/port';
import type { UserDoc } from '../features/account/users';

const same = (a: RoleGrantT, b: Pick<RoleGrantT, 'role' | 'nodeId'>) => a.role === b.role && a.nodeId === b.nodeId;

export async function grantRole(store: Store, openid: string, grant: RoleGrantT, now: number, name?: string): Promise<void> {
  await store.transaction(async (tx) => {
    const ref = tx.collection('users').doc(openid);
    const user = (await ref.get()) as UserDoc | null;
    if (!user) {
      await ref.set({ name: name ?? '', grants: [grant], createdAt: now });
      return;
    }
    await ref.update({ grants: [...user.grants.filter((g) => !same(g, grant)), grant] });
  });
}

export async function revokeRole(store: Store, openid: string, grant: Pick<RoleGrantT, 'role' | 'nodeId'>): Promise<void> {
  await store.transaction(async (tx) => {
    const ref = tx.collection('users').doc(openid);
    const user = (await ref.get()) as UserDoc | null;
    if (!user || !user.grants.some((g) => same(g, grant))) return;
    await ref.update({ grants: user.grants.filter((g) => !same(g, grant)) });
  });
}
