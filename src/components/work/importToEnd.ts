// An import that one call may not finish (a cloud function has a minute): call again with
// the same file until nothing is left. The first reply describes the whole file (its report
// and counts), so that is the one shown; the later ones only say how far it has got. If a
// run stops (a failed call) and the 管理员 presses again, `resumeFrom` (that run's first
// reply) keeps the report and the count about the whole file.
import type { Reply } from '../../../contracts';

export interface Resumable {
  more?: { done: number; total: number };
}

export interface ImportRun<T> {
  /** The first reply of an earlier run of the same file that did not finish. */
  resumeFrom?: T;
  /** Told the first reply of a run that needs more calls (keep it for `resumeFrom`). */
  onStarted?: (first: T) => void;
  onProgress: (done: number, total: number) => void;
  maxCalls?: number;
}

const left = (r: Resumable) => (r.more ? r.more.total - r.more.done : 0);

/** Calls `runOnce` until its reply has no `more`; progress counts nodes over the whole file. */
export async function importToEnd<T extends Resumable>(runOnce: () => Promise<Reply<T>>, run: ImportRun<T>): Promise<Reply<T>> {
  const first = await runOnce();
  if (!first.ok) return first;
  const whole = run.resumeFrom ?? first.data;
  if (!first.data.more && !run.resumeFrom) return first;
  if (first.data.more && !run.resumeFrom) run.onStarted?.(first.data);
  const total = whole.more?.total ?? 0;
  let reply = first;
  for (let call = 1; ; call++) {
    run.onProgress(total - left(reply.data), total);
    if (!reply.data.more) return { ok: true, data: { ...whole, more: undefined } };
    if (call >= (run.maxCalls ?? 100)) break;
    const next = await runOnce();
    if (!next.ok) return next;
    reply = next;
  }
  return { ok: false, error: { code: 'INTERNAL', message: '导入没有完成，请再点一次“确认导入”，会从中断处继续' } };
}
