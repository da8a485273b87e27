// What a size comparison needs (bench/desk.ts): a bench server of its own per size
// (bench/server.ts, seeded as `env` asks), a JSON POST, the store's counters, and load in
// slices that take turns between the sizes so a change of the machine's load falls on both.
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
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server.ts')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** One size under load: its totals over every slice. */
export class Side {
  readonly latencies: number[] = [];
  calls = 0;
  sent = 0;
  errors = 0;
  reads = 0;
  writes = 0;
  cpuMicros = 0;
  seconds = 0;

  constructor(
    readonly server: BenchServer,
    readonly url: string,
    readonly cookie: string,
    readonly body: unknown,
    readonly connections = 10,
  ) {}

  /** One slice of load; its figures are added to the totals. */
  async slice(seconds: number): Promise<void> {
    const body = JSON.stringify(this.body);
    const before = await storeStats(this.server.base);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon(
        { url: this.url, method: 'POST', connections: this.connections, duration: seconds, headers: { 'content-type': 'application/json', cookie: this.cookie }, body },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => this.latencies.push(ms));
    });
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
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      seed_ms: this.server.seedMs,
      rps: Math.round(this.calls / this.seconds),
      p95_ms: Number(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))].toFixed(2)),
      reads: Number((this.reads / this.sent).toFixed(2)),
      writes: Number((this.writes / this.sent).toFixed(2)),
      // The server's CPU time per call (µs): steadier than latency on a shared machine.
      cpu_us: Number((this.cpuMicros / this.sent).toFixed(1)),
      calls: this.calls,
      errors: this.errors,
    };
  }
}

/** Slices on each side in turn (a, b, a, b …), `rounds` each, over about `seconds` per side. */
export async function takeTurns(sides: Side[], seconds: number, rounds = 3): Promise<void> {
  const each = Math.max(1, Math.round(seconds / rounds));
  for (let r = 0; r < rounds; r++) for (const s of sides) await s.slice(each);
}
