// desk.summary (the 工作台 a 管理员 opens) at two sizes, each on its own bench server, taking
// turns: the demo 社区 alone (400 households, 1,000 problems) and 岳塘区 (190,000 households,
// 100,000 problems, bench/seed/minqing.ts), the same 管理员 of the same 社区 (c1) on both. The
// dashboard reads maintained counters (deskstats, mqstats) by id, never the records, so reads
// per call must be equal at both sizes and the large p95 at most 1.5 × the small one. Prints
// one JSON line per size and one verdict line; registered in bench/run.ts.
import type { SizedBench } from './figures/types';
import { post, Side, startBenchServer, takeTurns } from './sized-server';

const P95_RATIO = 1.5;
const SIZES = [
  { size: 'demo', problems: 1_000 },
  { size: 'yuetang', problems: 100_000 },
] as const;
const SUMMARY = { action: 'summary' };

async function open({ size, problems }: (typeof SIZES)[number]) {
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
  const shown = { node: s.node.id, households: s.coverage.households, children: s.children.length, received: s.problems.received, open: s.problems.open, campaigns: s.campaigns.length };
  return { size, problems, shown, side: new Side(server, url, admin, SUMMARY) };
}

export const DESK_SUMMARY_BENCH: SizedBench = {
  name: 'desk.summary',
  async run(seconds) {
    const small = await open(SIZES[0]);
    let large: Awaited<ReturnType<typeof open>> | null = null;
    try {
      large = await open(SIZES[1]);
      await takeTurns([small.side, large.side], seconds);
      const [a, b] = [small, large].map((x) => ({ name: 'desk.summary', size: x.size, problems: x.problems, ...x.shown, ...x.side.figures() }));
      console.log(JSON.stringify(a));
      console.log(JSON.stringify(b));
      const p95Ratio = Number((b.p95_ms / a.p95_ms).toFixed(2));
      const misses = [
        b.reads !== a.reads ? `reads ${b.reads}≠${a.reads}` : '',
        p95Ratio > P95_RATIO ? `p95 ${p95Ratio}×>${P95_RATIO}×` : '',
        a.errors || b.errors ? 'errors' : '',
      ].filter(Boolean);
      console.log(
        JSON.stringify({
          name: 'desk.summary',
          reads_demo: a.reads,
          reads_yuetang: b.reads,
          p95_demo_ms: a.p95_ms,
          p95_yuetang_ms: b.p95_ms,
          p95_ratio: p95Ratio,
          cpu_us_demo: a.cpu_us,
          cpu_us_yuetang: b.cpu_us,
          target: { readsEqual: true, maxP95Ratio: P95_RATIO },
          meets: misses.length === 0 ? true : misses,
        }),
      );
      return misses.length === 0;
    } finally {
      large?.side.server.stop();
      small.side.server.stop();
    }
  },
};
