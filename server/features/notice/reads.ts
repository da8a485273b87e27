// The read counter: a household that opens a notice gets one marker (_id noticeId:householdId)
// and the notice's `reads` goes up by one, in one transaction. Two family members opening it at
// the same moment: both transactions see no marker, one commits, the other conflicts on the
// duplicate _id, runs again and sees the marker: still one read. Opening it again: 1 read, no write.
import { cmd, type Store } from '../../store/port';
import { readMarkerId, type NoticeReadDoc } from './docs';

/** Records that `householdId` read the notice; true when this was its first read. */
export async function markRead(store: Store, noticeId: string, householdId: string, openid: string, now: number): Promise<boolean> {
  const id = readMarkerId(noticeId, householdId);
  return store.transaction(async (tx) => {
    if (await tx.collection('noticeReads').doc(id).get()) return false;
    const marker: NoticeReadDoc = { _id: id, noticeId, householdId, openid, at: now };
    await tx.collection('noticeReads').add(marker);
    await tx.collection('notices').doc(noticeId).update({ reads: cmd.inc(1) });
    return true;
  });
}

/** Which of these notices the household has read (one read, whatever the page size). */
export async function readSet(store: Store, noticeIds: string[], householdId: string | null): Promise<Set<string>> {
  if (!householdId || noticeIds.length === 0) return new Set();
  const ids = noticeIds.map((n) => readMarkerId(n, householdId));
  const found = await store.collection('noticeReads').where({ _id: cmd.in(ids) }).field(['noticeId']).limit(ids.length).get();
  return new Set(found.map((m) => m.noticeId));
}
