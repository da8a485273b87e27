// notice.feed (a resident's 首页 notices) at two sizes, each on its own bench server: a small
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

async function measureSize(size: SizeName, seconds: number) {
  const server = await startServer(size);
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const cookies: string[] = [];
    for (let n = 0; n < FEED_READERS; n++) cookies.push((await post(`${base}/__dev/signin`, { openid: readerOpenid(n) })).cookie);
    const body = JSON.stringify({ action: 'feed', pageSize: 10 });
    const probe = await post(`${base}/api/notice`, { action: 'feed', pageSize: 10 }, cookies[0]);
    if (!probe.json.ok || probe.json.data.source !== 'household') throw new Error(`notice bench: probe failed: ${JSON.stringify(probe.json)}`);
    // Warm up (SQLite page cache, JIT) so neither size is measured cold.
    for (let n = 0; n < 200; n++) await post(`${base}/api/notice`, { action: 'feed', pageSize: 10 }, cookies[n % cookies.length]);
    let i = 0;
    const latencies: number[] = [];
    let shown = 0;
    const before = await storeStats(base);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon(
        {
          url: `${base}/api/notice`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: seconds,
          requests: [{ setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', cookie: cookies[i++ % cookies.length] }, body }) }],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
    });
    await new Promise((r) => setTimeout(r, 300));
    const after = await storeStats(base);
    // What the residents saw: notices per first page (the same work at both sizes).
    for (let n = 0; n < 20; n++) shown += ((await post(`${base}/api/notice`, { action: 'feed', pageSize: 10 }, cookies[n])).json.data.items as unknown[]).length;
    latencies.sort((a, b) => a - b);
    const sent = Math.max(result.requests.total, result.requests.sent);
    const households = benchSize(size).households;
    return {
      size,
      households,
      notices: noticeCountFor(households),
      seed_ms: server.seedMs,
      rps: Math.round(result.requests.total / (result.duration || seconds)),
      p95_ms: Number(latencies[Math.min(latencies.length - 1, Math.floor(0.95 * latencies.length))].toFixed(2)),
      reads: Number(((after.reads - before.reads) / sent).toFixed(2)),
      writes: Number(((after.writes - before.writes) / sent).toFixed(2)),
      // The server's CPU time per call (µs): steadier than latency on a shared machine.
      cpu_us: Number(((after.cpuMicros - before.cpuMicros) / sent).toFixed(1)),
      items_per_page: Number((shown / 20).toFixed(1)),
      calls: result.requests.total,
      errors: result.errors + result.non2xx,
    };
  } finally {
    server.stop();
  }
}

export const NOTICE_FEED_BENCH: SizedBench = {
  name: 'notice.feed',
  async run(seconds) {
    const small = await measureSize('small', seconds);
    console.log(JSON.stringify({ name: 'notice.feed', ...small }));
    const large = await measureSize('yuetang', seconds);
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
