// 民情 at 岳塘 scale (190,000 households): `minqing.todo` (the demo 邻长's 待处理, the same 30 open
// problems at both sizes) on a server holding 1,000 problems and on one holding 100,000 —
// reads per call must be equal and the large p95 at most 1.2 × the small one — and
// `minqing.submit` (residents who scanned a card report a problem) on the large one, whose
// writes per call are bounded and stated. Each size runs on its own bench server
// (bench/seed/minqing.ts bulk-seeds the problems). Registered in bench/run.ts.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SizedBench } from './figures/types';

const P95_RATIO = 1.2;
const CONNECTIONS = 10;
const SIZES = { small: 1_000, large: 100_000 };
/** Writes of one report: problem, timeline entry, holder's counter, roll-ups (one write), rate-limit window; +1 when the window is new. */
const SUBMIT_WRITES = { steady: 5, max: 6 };
const SUBMIT_READS = 4;
const REPORTERS = 1000;
const UNITS = 13_000;

function startServer(problems: number): Promise<{ port: number; seedMs: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts')], {
      env: { ...process.env, BENCH_SIZE: 'yuetang', BENCH_FIGURES: 'minqing.todo,minqing.submit', BENCH_MINQING_PROBLEMS: String(problems) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error(`minqing bench: the ${problems}-problem server did not start in 600 s`)), 600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+) (\d+)/.exec(chunk.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({ port: Number(m[1]), seedMs: Number(m[2]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => code && reject(new Error(`minqing bench: the ${problems}-problem server exited with ${code}`)));
  });
}

async function post(url: string, body: unknown, cookie = '') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return { json: (await res.json()) as { ok: boolean; data?: any; error?: unknown }, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const storeStats = async (base: string) => ((await (await fetch(`${base}/__dev/stats`)).json()) as { data: { reads: number; writes: number; cpuMicros: number } }).data;

/** Drives `bodyOf(i)` as `cookies[i % n]` for `seconds`; store operations per call and latency. */
async function drive(base: string, cookies: string[], bodyOf: (i: number) => unknown, seconds: number) {
  let i = 0;
  const latencies: number[] = [];
  const before = await storeStats(base);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${base}/api/minqing`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (req) => { const n = i++; return { ...req, headers: { 'content-type': 'application/json', cookie: cookies[n % cookies.length] }, body: JSON.stringify(bodyOf(n)) }; } }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
  });
  await new Promise((r) => setTimeout(r, 300));
  const after = await storeStats(base);
  latencies.sort((a, b) => a - b);
  const sent = Math.max(result.requests.total, result.requests.sent);
  return {
    rps: Math.round(result.requests.total / (result.duration || seconds)),
    p95_ms: Number(latencies[Math.min(latencies.length - 1, Math.floor(0.95 * latencies.length))].toFixed(2)),
    reads: Number(((after.reads - before.reads) / sent).toFixed(2)),
    writes: Number(((after.writes - before.writes) / sent).toFixed(2)),
    // The server's CPU time per call (µs): steadier than latency on a shared machine.
    cpu_us: Number(((after.cpuMicros - before.cpuMicros) / sent).toFixed(1)),
    calls: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

const TODO = { action: 'todo', box: 'pending', pageSize: 20 };

async function measureSize(problems: number, seconds: number, withSubmit: boolean) {
  const server = await startServer(problems);
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const lead = (await post(`${base}/__dev/signin`, { key: 'neighbourLead' })).cookie;
    const probe = await post(`${base}/api/minqing`, TODO, lead);
    if (!probe.json.ok) throw new Error(`minqing bench: todo probe failed: ${JSON.stringify(probe.json.error)}`);
    // Warm up (SQLite page cache, JIT) so neither size is measured cold.
    for (let n = 0; n < 200; n++) await post(`${base}/api/minqing`, TODO, lead);
    const todo = { problems, seed_ms: server.seedMs, items_per_page: probe.json.data.items.length as number, pending: probe.json.data.counts.pending as number, ...(await drive(base, [lead], () => TODO, seconds)) };
    if (!withSubmit) return { todo, submit: null };
    const cookies: string[] = [];
    for (let n = 0; n < REPORTERS; n += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, REPORTERS - n) }, (_, j) => post(`${base}/__dev/signin`, { openid: `bench-minqing-reporter-${n + j}` })));
      cookies.push(...batch.map((b) => b.cookie));
    }
    const report = (i: number) => ({ action: 'submit', unitId: `u${2 + (i % UNITS)}`, category: 'repair', description: `压测反映 ${i}：楼道灯坏了` });
    const first = await post(`${base}/api/minqing`, report(0), cookies[0]);
    if (!first.json.ok) throw new Error(`minqing bench: submit probe failed: ${JSON.stringify(first.json.error)}`);
    return { todo, submit: { problems, ...(await drive(base, cookies, (i) => report(i + 1), seconds)) } };
  } finally {
    server.stop();
  }
}

export const MINQING_BENCH: SizedBench = {
  name: 'minqing',
  async run(seconds) {
    const small = await measureSize(SIZES.small, seconds, false);
    console.log(JSON.stringify({ name: 'minqing.todo', ...small.todo }));
    const large = await measureSize(SIZES.large, seconds, true);
    console.log(JSON.stringify({ name: 'minqing.todo', ...large.todo }));
    const submit = large.submit!;
    const submitMisses = [
      submit.writes > SUBMIT_WRITES.max ? `writes ${submit.writes}>${SUBMIT_WRITES.max}` : '',
      submit.reads > SUBMIT_READS ? `reads ${submit.reads}>${SUBMIT_READS}` : '',
      submit.errors ? 'errors' : '',
    ].filter(Boolean);
    console.log(JSON.stringify({ name: 'minqing.submit', ...submit, target: { writesSteady: SUBMIT_WRITES.steady, maxWrites: SUBMIT_WRITES.max, maxReads: SUBMIT_READS }, meets: submitMisses.length === 0 ? true : submitMisses }));
    const p95Ratio = Number((large.todo.p95_ms / small.todo.p95_ms).toFixed(2));
    const todoMisses = [
      large.todo.reads !== small.todo.reads ? `reads ${large.todo.reads}≠${small.todo.reads}` : '',
      p95Ratio > P95_RATIO ? `p95 ${p95Ratio}×>${P95_RATIO}×` : '',
      large.todo.errors || small.todo.errors ? 'errors' : '',
    ].filter(Boolean);
    console.log(
      JSON.stringify({
        name: 'minqing.todo',
        reads_small: small.todo.reads,
        reads_large: large.todo.reads,
        p95_small_ms: small.todo.p95_ms,
        p95_large_ms: large.todo.p95_ms,
        p95_ratio: p95Ratio,
        cpu_us_small: small.todo.cpu_us,
        cpu_us_large: large.todo.cpu_us,
        target: { readsEqual: true, maxP95Ratio: P95_RATIO },
        meets: todoMisses.length === 0 ? true : todoMisses,
      }),
    );
    return todoMisses.length === 0 && submitMisses.length === 0;
  },
};
