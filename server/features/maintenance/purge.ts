// Records that are only worth keeping until they expire: a pass (60 s, one per refresh of a
// pass screen) and a rate-limit window (minutes). Kept a day past their expiry, so a
// clerk who types an old code the same day still hears "expired" or "used at …", then
// removed: without this both collections grow by every pass ever opened, and a pass holds
// who its holder is.
import type { Store } from '../../store/port';
import { cmd } from '../../store/port';

export const PURGE_GRACE_MS = 24 * 3600_000;
export const EXPIRING_COLLECTIONS = ['perkpasses', 'ratelimits'] as const;

export type PurgeReport = Record<(typeof EXPIRING_COLLECTIONS)[number], number>;

export async function purgeExpired(store: Store, now: number): Promise<PurgeReport> {
  const before = now - PURGE_GRACE_MS;
  const report = {} as PurgeReport;
  for (const name of EXPIRING_COLLECTIONS) {
    report[name] = await store.collection(name).where({ expiresAt: cmd.lt(before) }).remove();
  }
  return report;
}
