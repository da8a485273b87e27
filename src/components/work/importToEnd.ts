// An import that one call may not finish (a cloud function has a minute): call again with
// the same file until nothing is left. The first reply describes the whole file (its report
// and counts), so that is the one shown; the later ones only say how far it has got.
import type { Reply } from '../../../contracts';

export interface Resumable {
  more?: { done: number; total: number };
}

/** Calls `runOnce` until its reply has no `more`; `onProgress(done, total)` counts nodes over all calls. */
export async function importToEnd<T extends Resumable>(
  runOnce: () => Promise<Reply<T>>,
  onProgress: (done: number, total: number) => void,
  maxCalls = 100,
): Promise<Reply<T>> {
  const first = await runOnce();
  if (!first.ok || !first.data.more) return first;
  const total = first.data.more.total;
  let left = total - first.data.more.done;
  onProgress(total - left, total);
  for (let call = 1; call < maxCalls; call++) {
    const next = await runOnce();
    if (!next.ok) return next;
    left = next.data.more ? next.data.more.total - next.data.more.done : 0;
    onProgress(total - left, total);
    if (!next.data.more) return { ok: true, data: { ...first.data, more: undefined } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: '导入没有完成，请再点一次“确认导入”，会从中断处继续' } };
}
