// Shared by the 民情 tests: a demo runtime on a manual clock and short-hands for calls.
import { manualClock } from '../../../server/runtime/local-ports';
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

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function setup() {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  const call = async (openid: string | null, action: string, input: Record<string, unknown> = {}) =>
    rt.call('minqing', { action, ...input }, openid);
  /** Calls and expects success. */
  const ok = async (openid: string | null, action: string, input: Record<string, unknown> = {}): Promise<Data> => {
    const r = await call(openid, action, input);
    if (!r.ok) throw new Error(`${action} as ${openid}: ${r.error.code} ${r.error.message}`);
    return r.data as Data;
  };
  const report = async (input: Record<string, unknown> = {}, openid = RESIDENT) =>
    (await ok(openid, 'submit', { category: 'repair', description: '楼道灯坏了，晚上看不清', ...input })).problem as Data;
  const timeline = async (id: string) => rt.store.collection('mqtimeline').where({ problemId: id }).orderBy('seq', 'asc').get();
  return { rt, clock, call, ok, report, timeline };
}
