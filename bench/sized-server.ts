// What a size comparison needs (bench/desk.ts, minqing.ts, notice.ts): a bench server of its
// own per size (bench/server.ts, seeded as `env` asks, its WAL checkpointed and its heap
// collected after the seed), a JSON POST, the store's counters, and load in slices that take
// turns between the sizes so a change of the machine's load falls on both.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface BenchServer {
  base: string;
  seedMs: number;
  stop: () => void;
}

export function startBenchServer(label: string, env: Record<string, string>): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'server.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error(`${label}: the server did not start in 600 s`)), 600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+) (\d+)/.exec(chunk.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({ base: `http://127.0.0.1:${m[1]}`, seedMs: Number(m[2]), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => code && reject(new Error(`${label}: the server exited with ${code}`)));
  });
}

export async function post(url: string, body: unknown, cookie = '') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return { json: (await res.json()) as { ok: boolean; data?: any; error?: unknown }, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
}

const storeStats = async (base: string) => ((await (await fetch(`${base}/__dev/stats`)).json()) as { data: { reads: number; writes: number; cpuMicros: number } }).data;

function p95(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0).toFixed(2));
}

/** Signs in each openid with the dev sign-in, 50 at a time; their cookies in order. */
export async function signInAll(base: string, openids: string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let n = 0; n < openids.length; n += 50) {
    const batch = await Promise.all(openids.slice(n, n + 50).map((openid) => post(`${base}/__dev/signin`, { openid })));
    cookies.push(...batch.map((b) => b.cookie));
  }
  return cookies;
}

/**
 * One size under load: its totals over every slice. Call i of a slice is made as
 * `cookies[i % n]` (one cookie: every call) with `body` (or `body(i)`, numbered across slices).
 */
export class Side {
  readonly latencies: number[] = [];
  /** Each slice's own p95 (ms), in order. */
  readonly sliceP95: number[] = [];
  calls = 0;
  sent = 0;
  errors = 0;
  reads = 0;
  writes = 0;
  cpuMicros = 0;
  seconds = 0;
  private next = 0;

  constructor(
    readonly server: BenchServer,
    readonly url: string,
    readonly cookies: string | string[],
    readonly body: unknown,
    readonly connections = 10,
  ) {}

  /** One slice of load; its figures are added to the totals. */
  async slice(seconds: number): Promise<void> {
    const cookies = typeof this.cookies === 'string' ? [this.cookies] : this.cookies;
    const bodyOf = this.body;
    const fixed = typeof bodyOf === 'function' ? null : JSON.stringify(bodyOf);
    const setupRequest = (req: autocannon.Request) => {
      const n = this.next++;
      const body = fixed ?? JSON.stringify((bodyOf as (i: number) => unknown)(n));
      return { ...req, headers: { 'content-type': 'application/json', cookie: cookies[n % cookies.length] }, body };
    };
    const mine: number[] = [];
    const before = await storeStats(this.server.base);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon(
        { url: this.url, method: 'POST', connections: this.connections, duration: seconds, requests: [{ setupRequest }] },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => mine.push(ms));
    });
    this.latencies.push(...mine);
    this.sliceP95.push(p95(mine));
    // Requests still in flight when the clock stopped finish on the server: count them too.
    await new Promise((r) => setTimeout(r, 300));
    const after = await storeStats(this.server.base);
    this.calls += result.requests.total;
    this.sent += Math.max(result.requests.total, result.requests.sent);
    this.errors += result.errors + result.non2xx;
    this.reads += after.reads - before.reads;
    this.writes += after.writes - before.writes;
    this.cpuMicros += after.cpuMicros - before.cpuMicros;
    this.seconds += result.duration || seconds;
  }

  figures() {
    return {
      seed_ms: this.server.seedMs,
      rps: Math.round(this.calls / this.seconds),
      p95_ms: p95(this.latencies),
      reads: Number((this.reads / this.sent).toFixed(2)),
      writes: Number((this.writes / this.sent).toFixed(2)),
      // The server's CPU time per call (µs): steadier than latency on a shared machine.
      cpu_us: Number((this.cpuMicros / this.sent).toFixed(1)),
      calls: this.calls,
      errors: this.errors,
    };
  }
}

/**
 * One-second slices on each side in turn (a, b, a, b …), about `seconds` per side (at least
 * 3): short slices, so a burst of load from other processes on this shared machine lands on
 * both sides rather than on one side's whole run.
 */
export async function takeTurns(sides: Side[], seconds: number): Promise<void> {
  const rounds = Math.max(3, Math.round(seconds));
  for (let r = 0; r < rounds; r++) for (const s of sides) await s.slice(1);
}

/** One size of a comparison: its name in the printed keys, what its caller saw, its load. */
export interface SizedSide {
  label: string;
  shown: Record<string, unknown>;
  side: Side;
}

/**
 * Opens the small side, then the large, lets them take turns for about `seconds` each, prints
 * one line per side and a verdict line — reads per call equal, large p95 ≤ `maxP95Ratio` ×
 * small, no errors — then runs `after` on the still open sides (more figures, their own
 * verdict); true when all is met. Both servers are stopped at the end.
 */
export async function compareSizes(
  name: string,
  open: [() => Promise<SizedSide>, () => Promise<SizedSide>],
  seconds: number,
  maxP95Ratio: number,
  after?: (small: SizedSide, large: SizedSide) => Promise<boolean>,
): Promise<boolean> {
  const small = await open[0]();
  let large: SizedSide | null = null;
  try {
    large = await open[1]();
    await takeTurns([small.side, large.side], seconds);
    const [a, b] = [small, large].map((x) => ({ name, size: x.label, ...x.shown, ...x.side.figures() }));
    console.log(JSON.stringify(a));
    console.log(JSON.stringify(b));
    const p95Ratio = Number((b.p95_ms / a.p95_ms).toFixed(2));
    const misses = [
      b.reads !== a.reads ? `reads ${b.reads}≠${a.reads}` : '',
      p95Ratio > maxP95Ratio ? `p95 ${p95Ratio}×>${maxP95Ratio}×` : '',
      a.errors || b.errors ? 'errors' : '',
    ].filter(Boolean);
    const [la, lb] = [small.label, large.label];
    // The ratio of each round's two slices (taken a second apart): how much of the overall
    // ratio is the machine's load moving between slices rather than the size.
    const rounds = large.side.sliceP95.map((p, r) => Number((p / small.side.sliceP95[r]).toFixed(2)));
    const median = [...rounds].sort((x, y) => x - y)[Math.floor(rounds.length / 2)];
    console.log(
      JSON.stringify({
        name,
        [`reads_${la}`]: a.reads,
        [`reads_${lb}`]: b.reads,
        [`p95_${la}_ms`]: a.p95_ms,
        [`p95_${lb}_ms`]: b.p95_ms,
        p95_ratio: p95Ratio,
        p95_ratio_per_round: rounds,
        p95_ratio_round_median: median,
        [`cpu_us_${la}`]: a.cpu_us,
        [`cpu_us_${lb}`]: b.cpu_us,
        target: { readsEqual: true, maxP95Ratio },
        meets: misses.length === 0 ? true : misses,
      }),
    );
    const more = after ? await after(small, large) : true;
    return misses.length === 0 && more;
  } finally {
    large?.side.server.stop();
    small.side.server.stop();
  }
}
