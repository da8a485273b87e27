// 民情 at 岳塘 scale (190,000 households): `minqing.todo` (the demo 邻长's 待处理, the same 30 open
// problems at both sizes) on a server holding 1,000 problems and on one holding 100,000, the
// two taking turns — reads per call must be equal and the large p95 at most 1.2 × the small
// one — then `minqing.submit` (residents who scanned a card report a problem) on the large
// one, whose writes and reads per call are bounded and stated. Each size runs on its own
// bench server (bench/seed/minqing.ts bulk-seeds the problems). Registered in bench/run.ts.
import type { SizedBench } from './figures/types';
import { compareSizes, post, Side, signInAll, startBenchServer, type SizedSide } from './sized-server';

const P95_RATIO = 1.2;
const SIZES = { small: 1_000, large: 100_000 };
/** Writes of one report: problem, timeline entry, holder's counter, roll-ups (one write), rate-limit window; +1 when the window is new. */
const SUBMIT_WRITES = { steady: 5, max: 6 };
const SUBMIT_READS = 4;
const REPORTERS = 1000;
const UNITS = 13_000;
const TODO = { action: 'todo', box: 'pending', pageSize: 20 };

async function open(label: keyof typeof SIZES): Promise<SizedSide> {
  const problems = SIZES[label];
  const server = await startBenchServer(`minqing bench (${problems} problems)`, { BENCH_SIZE: 'yuetang', BENCH_FIGURES: 'minqing.todo,minqing.submit', BENCH_MINQING_PROBLEMS: String(problems) });
  try {
    const url = `${server.base}/api/minqing`;
    const lead = (await post(`${server.base}/__dev/signin`, { key: 'neighbourLead' })).cookie;
    const probe = await post(url, TODO, lead);
    if (!probe.json.ok) throw new Error(`minqing bench: todo probe failed: ${JSON.stringify(probe.json.error)}`);
    // Warm up (SQLite page cache, JIT) so neither size is measured cold.
    for (let n = 0; n < 200; n++) await post(url, TODO, lead);
    const shown = { problems, items_per_page: probe.json.data.items.length as number, pending: probe.json.data.counts.pending as number };
    return { label, shown, side: new Side(server, url, lead, TODO) };
  } catch (e) {
    server.stop();
    throw e;
  }
}

/** `minqing.submit` by REPORTERS residents on the large server; true when its writes and reads per call hold. */
async function submit(large: SizedSide, seconds: number): Promise<boolean> {
  const { server, url } = large.side;
  const cookies = await signInAll(server.base, Array.from({ length: REPORTERS }, (_, n) => `bench-minqing-reporter-${n}`));
  const report = (i: number) => ({ action: 'submit', unitId: `u${2 + (i % UNITS)}`, category: 'repair', description: `压测反映 ${i}：楼道灯坏了` });
  const first = await post(url, report(UNITS), cookies[0]);
  if (!first.json.ok) throw new Error(`minqing bench: submit probe failed: ${JSON.stringify(first.json.error)}`);
  const side = new Side(server, url, cookies, report);
  await side.slice(seconds);
  const m = side.figures();
  const misses = [
    m.writes > SUBMIT_WRITES.max ? `writes ${m.writes}>${SUBMIT_WRITES.max}` : '',
    m.reads > SUBMIT_READS ? `reads ${m.reads}>${SUBMIT_READS}` : '',
    m.errors ? 'errors' : '',
  ].filter(Boolean);
  console.log(JSON.stringify({ name: 'minqing.submit', ...large.shown, ...m, target: { writesSteady: SUBMIT_WRITES.steady, maxWrites: SUBMIT_WRITES.max, maxReads: SUBMIT_READS }, meets: misses.length === 0 ? true : misses }));
  return misses.length === 0;
}

export const MINQING_BENCH: SizedBench = {
  name: 'minqing',
  run: (seconds) => compareSizes('minqing.todo', [() => open('small'), () => open('large')], seconds, P95_RATIO, (_small, large) => submit(large, seconds)),
};
