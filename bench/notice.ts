// notice.feed (a resident's 首页 notices) at two sizes, each on its own bench server, taking turns: a small
// 社区 (1,000 households, 100 notices) and 岳塘区 (190,000 households, 10,000 notices). The
// feed reads by the household's ancestor scope ids through an index, so reads per call must be
// equal at both sizes and the large p95 at most 1.2 × the small one. Prints one JSON line per
// size and one verdict line; registered in bench/run.ts.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SizedBench } from './figures/types';
import { FEED_READERS, noticeCountFor, readerOpenid } from './seed/notice';
import { benchSize, type SizeName } from './sizes';

const P95_RATIO = 1.2;
const CONNECTIONS = 10;
const ROUNDS = 3;

function startServer(size: SizeName): Promise<{ port: number; seedMs: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts')], {
      env: { ...process.env, BENCH_SIZE: size, BENCH_FIGURES: 'notice.feed' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error(`notice bench: the ${size} server did not start in 600 s`)), 600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+) (\d+)/.exec(chunk.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({ port: Number(m[1]), seedMs: Number(m[2]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => code && reject(new Error(`notice bench: the ${size} server exited with ${code}`)));
  });
}

async function post(url: string, body: unknown, cookie = '') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return { json: (await res.json()) as { ok: boolean; data?: any; error?: unknown }, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

const storeStats = async (base: string) => ((await (await fetch(`${base}/__dev/stats`)).json()) as { data: { reads: number; writes: number; cpuMicros: number } }).data;

interface Side {
  size: SizeName;
  base: string;
  seedMs: number;
  cookies: string[];
  stop: () => void;
  latencies: number[];
  calls: number;
  sent: number;
  errors: number;
  reads: number;
  writes: number;
  cpuMicros: number;
  seconds: number;
}

const FEED = { action: 'feed', pageSize: 10 };

async function open(size: SizeName): Promise<Side> {
  const server = await startServer(size);
  const base = `http://127.0.0.1:${server.port}`;
  const cookies: string[] = [];
  for (let n = 0; n < FEED_READERS; n++) cookies.push((await post(`${base}/__dev/signin`, { openid: readerOpenid(n) })).cookie);
  const probe = await post(`${base}/api/notice`, FEED, cookies[0]);
  if (!probe.json.ok || probe.json.data.source !== 'household') throw new Error(`notice bench: probe failed: ${JSON.stringify(probe.json)}`);
  // Warm up (SQLite page cache, JIT) so neither size is measured cold.
  for (let n = 0; n < 200; n++) await post(`${base}/api/notice`, FEED, cookies[n % cookies.length]);
  return { size, base, seedMs: server.seedMs, cookies, stop: server.stop, latencies: [], calls: 0, sent: 0, errors: 0, reads: 0, writes: 0, cpuMicros: 0, seconds: 0 };
}

/** One slice of load on one side; its figures are added to the side's totals. */
async function slice(side: Side, seconds: number): Promise<void> {
  let i = 0;
  const body = JSON.stringify(FEED);
  const before = await storeStats(side.base);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${side.base}/api/notice`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', cookie: side.cookies[i++ % side.cookies.length] }, body }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => side.latencies.push(ms));
  });
  await new Promise((r) => setTimeout(r, 300));
  const after = await storeStats(side.base);
  side.calls += result.requests.total;
  side.sent += Math.max(result.requests.total, result.requests.sent);
  side.errors += result.errors + result.non2xx;
  side.reads += after.reads - before.reads;
  side.writes += after.writes - before.writes;
  side.cpuMicros += after.cpuMicros - before.cpuMicros;
  side.seconds += result.duration || seconds;
}

async function summary(side: Side) {
  // What the residents saw: notices per first page (the same work at both sizes).
  let shown = 0;
  for (let n = 0; n < 20; n++) shown += ((await post(`${side.base}/api/notice`, FEED, side.cookies[n])).json.data.items as unknown[]).length;
  const sorted = [...side.latencies].sort((a, b) => a - b);
  const households = benchSize(side.size).households;
  return {
    size: side.size,
    households,
    notices: noticeCountFor(households),
    seed_ms: side.seedMs,
    rps: Math.round(side.calls / side.seconds),
    p95_ms: Number(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))].toFixed(2)),
    reads: Number((side.reads / side.sent).toFixed(2)),
    writes: Number((side.writes / side.sent).toFixed(2)),
    // The server's CPU time per call (µs): steadier than latency on a shared machine.
    cpu_us: Number((side.cpuMicros / side.sent).toFixed(1)),
    items_per_page: Number((shown / 20).toFixed(1)),
    calls: side.calls,
    errors: side.errors,
  };
}

/**
 * Both servers stay up and take turns, ROUNDS slices each (small, large, small, large …), so
 * a change of the machine's load during the run falls on both sizes alike.
 */
async function measureBoth(seconds: number) {
  const small = await open('small');
  try {
    const large = await open('yuetang');
    try {
      const each = Math.max(1, Math.round(seconds / ROUNDS));
      for (let r = 0; r < ROUNDS; r++) {
        await slice(small, each);
        await slice(large, each);
      }
      return { small: await summary(small), large: await summary(large) };
    } finally {
      large.stop();
    }
  } finally {
    small.stop();
  }
}

export const NOTICE_FEED_BENCH: SizedBench = {
  name: 'notice.feed',
  async run(seconds) {
    const { small, large } = await measureBoth(seconds);
    console.log(JSON.stringify({ name: 'notice.feed', ...small }));
    console.log(JSON.stringify({ name: 'notice.feed', ...large }));
    const p95Ratio = Number((large.p95_ms / small.p95_ms).toFixed(2));
    const misses = [
      large.reads !== small.reads ? `reads ${large.reads}≠${small.reads}` : '',
      p95Ratio > P95_RATIO ? `p95 ${p95Ratio}×>${P95_RATIO}×` : '',
      large.errors || small.errors ? 'errors' : '',
    ].filter(Boolean);
    console.log(
      JSON.stringify({
        name: 'notice.feed',
        reads_small: small.reads,
        reads_large: large.reads,
        p95_small_ms: small.p95_ms,
        p95_large_ms: large.p95_ms,
        p95_ratio: p95Ratio,
        cpu_us_small: small.cpu_us,
        cpu_us_large: large.cpu_us,
        target: { readsEqual: true, maxP95Ratio: P95_RATIO },
        meets: misses.length === 0 ? true : misses,
      }),
    );
    return misses.length === 0;
  },
};
