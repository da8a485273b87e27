// Shared by the 民情 tests: a demo runtime on a manual clock and short-hands for calls.
import { manualClock } from '../../../server/runtime/local-ports';
import type { ActionName } from '../../../contracts';
import type { ActionInput } from '../inputs';
import { demoRuntime, T0 } from '../runtime';

export const RESIDENT = 'demo-resident';
export const NEWCOMER = 'demo-newcomer';
export const LEAD = 'demo-neighbour-lead';
export const LEAD2 = 'demo-neighbour-lead-2';
export const GROUP = 'demo-group-lead';
export const AREA = 'demo-area-lead';
export const ADMIN = 'demo-admin';
export const DEPT = 'demo-department';
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export type Data = Record<string, any>;
export type Action = ActionName<'minqing'>;
export type In<A extends Action> = ActionInput<'minqing', A>;

export function setup() {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  const call = async (openid: string | null, action: string, input: Record<string, unknown> = {}) =>
    rt.call('minqing', { action, ...input }, openid);
  /** Calls and expects success: the input is typed by the action's contract. */
  const ok = async <A extends Action>(openid: string | null, action: A, input?: In<A>): Promise<Data> => {
    const r = await call(openid, action, input ?? {});
    if (!r.ok) throw new Error(`${action} as ${openid}: ${r.error.code} ${r.error.message}`);
    return r.data as Data;
  };
  const report = async (input: Partial<In<'submit'>> = {}, openid = RESIDENT) =>
    (await ok(openid, 'submit', { category: 'repair', description: '楼道灯坏了，晚上看不清', ...input })).problem as Data;
  const timeline = async (id: string) => rt.store.collection('mqtimeline').where({ problemId: id }).orderBy('seq', 'asc').get();
  return { rt, clock, call, ok, report, timeline };
}
