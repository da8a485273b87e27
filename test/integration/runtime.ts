// A local runtime on a fresh in-memory SQLite with the demo 社区, for handler tests.
import type { Role } from '../../contracts/roles';
import type { Clock } from '../../server/core/ports';
import { createLocalRuntime, type LocalRuntime } from '../../server/runtime/local';
import type { StoreMode } from '../../server/store/local-store';
import { buildDemo, writeTree } from '../../server/seed/demo';

export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0); // 2026-11-25 10:00 Beijing

/** The demo user that stands for each role in the authorization matrix. */
export const OPENID_BY_ROLE: Record<Role, string | null> = {
  anonymous: null,
  resident: 'demo-resident',
  neighbourLead: 'demo-neighbour-lead',
  groupLead: 'demo-group-lead',
  areaLead: 'demo-area-lead',
  admin: 'demo-admin',
  clerk: 'demo-clerk',
  department: 'demo-department',
};

const opened: LocalRuntime[] = [];
// Every runtime a test file made is closed after it (closing twice is harmless), so no
// test leaves its database or its temporary files folder behind.
afterAll(() => {
  for (const rt of opened.splice(0)) rt.close();
});

/**
 * The store mode tests run on: the fast local store, unless LZT_TEST_STORE=cloud (the jest
 * project "cloud" sets it) asks for the cloud's semantics emulated on SQLite, with a round
 * trip of LZT_TEST_ROUND_TRIP_MS per operation (default 0: each operation still waits a turn of
 * the event loop, so calls interleave as in the cloud; the hot-candidate test takes 5 ms). The same tests, unchanged,
 * then hold on both.
 */
export function testStoreMode(env = process.env): StoreMode {
  if (env.LZT_TEST_STORE !== 'cloud') return { mode: 'local' };
  return { mode: 'cloud', roundTripMs: Number(env.LZT_TEST_ROUND_TRIP_MS ?? 0) };
}

export function demoRuntime(opts: { clock?: Clock; store?: StoreMode } = {}): LocalRuntime {
  const runtime = createLocalRuntime({ dbFile: ':memory:', clock: opts.clock, log: () => undefined, store: opts.store ?? testStoreMode() });
  opened.push(runtime);
  writeTree(runtime.store, buildDemo(T0));
  return runtime;
}
