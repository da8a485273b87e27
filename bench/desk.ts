// desk.summary (the 工作台 a 管理员 opens) at two sizes, each on its own bench server, taking
// turns: the demo 社区 alone (400 households, 1,000 problems) and 岳塘区 (190,000 households,
// 100,000 problems, bench/seed/minqing.ts), the same 管理员 of the same 社区 (c1) on both. The
// dashboard reads maintained counters (deskstats, mqstats) by id, never the records, so reads
// per call must be equal at both sizes and the large p95 at most 1.5 × the small one. Prints
// one JSON line per size and one verdict line; registered in bench/run.ts.
import type { SizedBench } from './figures/types';
import { compareSizes, post, Side, startBenchServer, type SizedSide } from './sized-server';

const P95_RATIO = 1.5;
const SIZES = [
  { size: 'demo', problems: 1_000 },
  { size: 'yuetang', problems: 100_000 },
] as const;
const SUMMARY = { action: 'summary' };

async function open({ size, problems }: (typeof SIZES)[number]): Promise<SizedSide> {
  const server = await startBenchServer(`desk bench (${size})`, { BENCH_SIZE: size, BENCH_FIGURES: 'desk.summary', BENCH_MINQING_PROBLEMS: String(problems) });
  const admin = (await post(`${server.base}/__dev/signin`, { key: 'admin' })).cookie;
  const url = `${server.base}/api/desk`;
  const probe = await post(url, SUMMARY, admin);
  if (!probe.json.ok) {
    server.stop();
    throw new Error(`desk bench (${size}): probe failed: ${JSON.stringify(probe.json.error)}`);
  }
  // Warm up (SQLite page cache, JIT) so neither size is measured cold.
  for (let n = 0; n < 100; n++) await post(url, SUMMARY, admin);
  const s = probe.json.data;
  // What the 管理员 saw, so the two lines show the same 社区 with real figures in it.
  const shown = { problems, node: s.node.id, households: s.coverage.households, children: s.children.length, received: s.problems.received, open: s.problems.open, campaigns: s.campaigns.length };
  return { label: size, shown, side: new Side(server, url, admin, SUMMARY) };
}

export const DESK_SUMMARY_BENCH: SizedBench = {
  name: 'desk.summary',
  run: (seconds) => compareSizes('desk.summary', [() => open(SIZES[0]), () => open(SIZES[1])], seconds, P95_RATIO),
};
