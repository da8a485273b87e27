// `npm run bench [-- NAME ...]`: starts the server on loopback in a child process, drives
// each figure with autocannon for a bounded time, and prints one JSON line per figure:
// name, rps, p95_ms, ratio (rps ÷ this run's baseline rps), ratio_floor (rps ÷ the floor
// server's: raw node:http, with one SQLite transaction for figures that write), reads and
// writes per call.
// BENCH_SECONDS (default 5) and BENCH_SIZE (yuetang | small | demo) tune a run; BENCH_PROFILE=DIR
// profiles the server. Benches that compare sizes (SIZED_BENCHES) run after the figures.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FIGURES, type Figure } from './figures';
import type { SizedBench } from './figures/types';
import { DESK_SUMMARY_BENCH } from './desk';
import { MINQING_BENCH } from './minqing';
import { NOTICE_FEED_BENCH } from './notice';

/** Benches in their own file that compare sizes on servers of their own, one line each. */
const SIZED_BENCHES: SizedBench[] = [NOTICE_FEED_BENCH, MINQING_BENCH, DESK_SUMMARY_BENCH];

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 5), 30);
const MAX_REQUESTS = 1_000_000;
const BASELINE_SECONDS = Math.max(1, Math.round(SECONDS / 2));

function startServer(figures: Figure[], script = 'server.ts'): Promise<{ child: ChildProcess; port: number; seedMs: number }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=DIR writes the server's CPU profile there (open it in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE && script === 'server.ts' ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_PROFILE)] : [];
    const child = spawn(process.execPath, [...profile, '--expose-gc', '--import', 'tsx', path.join(__dirname, script)], {
      env: { ...process.env, BENCH_FIGURES: figures.map((f) => f.name).join(',') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('bench server did not start in 600 s')), 600_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /READY (\d+) (\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), seedMs: Number(m[2]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { body: (await res.json()) as { ok: boolean; data?: unknown; error?: unknown }, headers: res.headers };
}

async function signIn(base: string, who: { key: string } | { openid: string }): Promise<string> {
  const { body, headers } = await json(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify(who) });
  if (!body.ok) throw new Error(`sign-in ${JSON.stringify(who)} failed`);
  return (headers.get('set-cookie') ?? '').split(';')[0];
}

/** The cookie of each caller a figure uses. */
async function cookiesFor(base: string, fig: Figure): Promise<string[]> {
  if (fig.callers) {
    const out: string[] = [];
    const name = fig.name.replace(/[^0-9A-Za-z_-]/g, '-');
    for (let n = 0; n < fig.callers; n += 50) {
      const chunk = Array.from({ length: Math.min(50, fig.callers - n) }, (_, j) => signIn(base, { openid: `bench-${name}-${n + j}` }));
      out.push(...(await Promise.all(chunk)));
    }
    return out;
  }
  return [fig.as === 'anonymous' ? '' : await signIn(base, { key: fig.as })];
}

const stats = async (base: string) =>
  (await json(`${base}/__dev/stats`)).body.data as { reads: number; writes: number; commits?: number; cpuMicros: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(base: string, fig: Figure, seconds = SECONDS) {
  const cookies = await cookiesFor(base, fig);
  const headersFor = (i: number) => ({
    'content-type': 'application/json',
    ...(cookies[i % cookies.length] ? { cookie: cookies[i % cookies.length] } : {}),
  });
  // One checked call first: a figure that errors measures nothing.
  const probe = await json(`${base}/api/${fig.fn}`, { method: 'POST', headers: headersFor(0), body: JSON.stringify(fig.body(0)) });
  if (!probe.body.ok) throw new Error(`${fig.name}: probe call failed: ${JSON.stringify(probe.body.error)}`);

  let i = 1;
  const latencies: number[] = [];
  const before = await stats(base);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${base}/api/${fig.fn}`,
        method: 'POST',
        headers: headersFor(0),
        connections: fig.connections ?? 10,
        duration: seconds,
        maxOverallRequests: MAX_REQUESTS,
        requests: [
          {
            setupRequest: (req) => {
              const n = i++;
              return { ...req, headers: headersFor(n), body: JSON.stringify(fig.body(n)) };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  // Requests still in flight when the clock stopped finish on the server: let them, and
  // divide the store operations by every request sent.
  await new Promise((r) => setTimeout(r, 300));
  const after = await stats(base);
  const calls = result.requests.total;
  const sent = Math.max(calls, result.requests.sent);
  const extra = fig.report ? await fig.report(base, calls) : {};
  latencies.sort((a, b) => a - b);
  return {
    name: fig.name,
    rps: Math.round(calls / (result.duration || seconds)),
    p95_ms: Number(percentile(latencies, 95).toFixed(2)),
    reads: Number(((after.reads - before.reads) / sent).toFixed(2)),
    writes: Number(((after.writes - before.writes) / sent).toFixed(2)),
    // SQLite commits per call: below 1 where calls share a group commit.
    commits: Number((((after.commits ?? 0) - (before.commits ?? 0)) / sent).toFixed(3)),
    // The server's CPU time per call (µs), whatever the client and the network do.
    cpu_us: Number(((after.cpuMicros - before.cpuMicros) / sent).toFixed(1)),
    calls,
    errors: result.errors + result.non2xx,
    connections: fig.connections ?? 10,
    ...extra,
  };
}

async function main() {
  const wanted = process.argv.slice(2);
  const sized = SIZED_BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name));
  const figureNames = wanted.filter((w) => !sized.some((b) => b.name === w));
  const known = [...FIGURES.map((f) => f.name), ...SIZED_BENCHES.map((b) => b.name)];
  const unknown = figureNames.filter((w) => !FIGURES.some((f) => f.name === w));
  if (unknown.length) throw new Error(`unknown figure(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  let failed = false;
  if (wanted.length === 0 || figureNames.length > 0) failed = await runFigures(FIGURES.filter((f) => f.name === 'baseline' || wanted.length === 0 || figureNames.includes(f.name)));
  for (const b of sized) if (!(await b.run(SECONDS))) failed = true;
  if (failed) process.exitCode = 1;
}

/**
 * The floor servers (bench/reference-server.ts), in a process of their own like the bench
 * server: each figure's rps is also divided by the floor's at the same concurrency, measured
 * right after the figure (ratio_floor).
 */
async function floorMeter() {
  const { child, port } = await startServer([], 'reference-server.ts');
  const base = `http://127.0.0.1:${port}`;
  const floorFigure = (kind: 'noop' | 'tx', connections: number): Figure => ({
    name: `floor.${kind}`,
    fn: kind,
    body: (i) => ({ action: kind, i }),
    as: 'anonymous',
    connections,
  });
  return {
    rps: async (kind: 'noop' | 'tx', connections: number) => (await measure(base, floorFigure(kind, connections), BASELINE_SECONDS)).rps,
    stop: () => child.kill('SIGTERM'),
  };
}

/** The figures on one server at BENCH_SIZE; true when one missed its target. */
async function runFigures(figures: Figure[]): Promise<boolean> {
  const { child, port, seedMs } = await startServer(figures);
  const base = `http://127.0.0.1:${port}`;
  console.error(`bench: server on ${base}, seeded ${process.env.BENCH_SIZE ?? 'yuetang'} in ${seedMs} ms, ${SECONDS} s per figure`);
  let failed = false;
  const floor = await floorMeter().catch((e) => {
    child.kill('SIGTERM');
    throw e;
  });
  try {
    const baselineFig = figures.find((f) => f.name === 'baseline') as Figure;
    const p95 = new Map<string, number>();
    for (const fig of figures) {
      // Each figure is compared with baselines measured right before and right after it (their
      // mean), at the figure's own concurrency, so a machine whose load drifts during the run
      // still gives fair ratios.
      const sameLoad = { ...baselineFig, connections: fig.connections ?? baselineFig.connections };
      const before = fig.name === 'baseline' ? 0 : (await measure(base, sameLoad, BASELINE_SECONDS)).rps;
      const m = await measure(base, fig);
      const after = fig.name === 'baseline' ? 0 : (await measure(base, sameLoad, BASELINE_SECONDS)).rps;
      const baselineRps = Math.round((before + after) / 2);
      const floorKind = fig.floor ?? (m.writes > 0 ? 'tx' : 'noop');
      const floorRps = await floor.rps(floorKind, fig.connections ?? baselineFig.connections ?? 10);
      const ratioFloor = floorRps > 0 ? Number((m.rps / floorRps).toFixed(2)) : 0;
      p95.set(fig.name, m.p95_ms);
      const ratio = fig.name === 'baseline' ? 1 : Number((m.rps / baselineRps).toFixed(2));
      const t = fig.target ?? {};
      const p95Of = t.maxP95Ratio ? p95.get(t.maxP95Ratio.of) : undefined;
      const misses = [
        t.maxP95Ratio && p95Of !== undefined && m.p95_ms > p95Of * t.maxP95Ratio.ratio ? `p95>${t.maxP95Ratio.ratio}×${t.maxP95Ratio.of}` : '',
        t.minRatio !== undefined && ratio < t.minRatio ? `ratio<${t.minRatio}` : '',
        t.minFloorRatio !== undefined && ratioFloor < t.minFloorRatio ? `ratio_floor<${t.minFloorRatio}` : '',
        t.maxReads !== undefined && m.reads > t.maxReads ? `reads>${t.maxReads}` : '',
        t.maxWrites !== undefined && m.writes > t.maxWrites ? `writes>${t.maxWrites}` : '',
        // A figure whose calls stopped doing the real work (passes or votes used up) measures nothing.
        t.minShare && !(Number((m as Record<string, unknown>)[t.minShare.field]) >= t.minShare.value) ? `${t.minShare.field}<${t.minShare.value}` : '',
      ].filter(Boolean);
      if (misses.length) failed = true;
      console.log(
        JSON.stringify({ ...m, ratio, ratio_floor: ratioFloor, floor: { kind: floorKind, rps: floorRps }, ...(baselineRps ? { baseline_rps: baselineRps, baseline_before_after: [before, after] } : {}), target: fig.target ?? null, meets: misses.length === 0 ? true : misses }),
      );
    }
  } finally {
    child.kill('SIGTERM');
    floor.stop();
  }
  return failed;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
